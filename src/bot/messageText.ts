import type { Activity } from 'botbuilder';
import { MAX_TEXT } from '../http/activityValidation';

/**
 * The one place that reads the patient's words (S1, S9): typed text, else a card's submitted
 * `value.text`. The screen, the commands and every dialog read what this returns, so a card
 * submit `{ value: { text: "yes" } }` is the same answer as typing "yes".
 */
export function messageText(activity: Partial<Activity>): string {
  return readText(activity).slice(0, MAX_TEXT);
}

/** The screen's work per message is bounded: no path (a check-in, a test adapter) reads more than MAX_TEXT. */
function readText(activity: Partial<Activity>): string {
  if (typeof activity.text === 'string' && activity.text.trim() !== '') return activity.text;
  const value = activity.value as { text?: unknown } | undefined;
  return typeof value?.text === 'string' ? value.text : typeof activity.text === 'string' ? activity.text : '';
}
