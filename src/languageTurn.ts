/**
 * The turn's language, decided after state loads: the user's kept choice, the language of a first
 * SMS, or a choice made now ("language" for the menu, or a language's own name). The channel's
 * locale was applied before state loaded (src/bot.ts makeTurn), so the safety screen never waits.
 */
import type { DialogContext } from './sdk/dialogs';
import { answersActiveQuestion } from '../dialogs/askDialog';
import { DialogIds } from '../dialogs/ids';
import { confirmLanguage } from '../dialogs/languageDialog';
import type { OutMessage } from './rendering';
import type { Turn } from './turn';

/** Applies the user's kept language choice; true when it changed the turn's language. */
export function applyChosenLanguage(turn: Turn): boolean {
  const chosen = turn.profile.language;
  if (!chosen || chosen === turn.lng || !turn.languages.languages.includes(chosen)) return false;
  turn.useLanguage(chosen);
  return true;
}

/**
 * First contact on a channel that gives no locale (SMS): the first message's language, when clear,
 * else the default, is kept as the user's language. Says what to tell the patient: 'detected' (the
 * language used and how to change it), 'unsure' (the same, plus the word "language" in every offered
 * language, for a patient whose "hi" said nothing about their language), or null.
 */
export function detectFirstLanguage(turn: Turn, channelLocale: string | undefined, text: string): 'detected' | 'unsure' | null {
  if (!turn.caps.carrierKeywords || channelLocale || turn.profile.language || turn.session.consented || !text) return null;
  if (turn.languages.languages.length < 2) return null;
  const detected = turn.languages.detect(text);
  turn.profile.language = detected ?? turn.lng;
  if (detected && detected !== turn.lng) turn.useLanguage(detected);
  return detected ? 'detected' : 'unsure';
}

/** What to send about the language on a first SMS (see detectFirstLanguage). */
export function firstLanguageMessages(turn: Turn, outcome: 'detected' | 'unsure'): OutMessage[] {
  const out: OutMessage[] = [{ kind: 'text', text: turn.t('common:language.detected') }];
  if (outcome === 'unsure') out.push({ kind: 'text', text: turn.languages.commandWords().join(' · ') });
  if (turn.languages.isDraft(turn.lng)) out.push({ kind: 'text', text: turn.t('common:language.draft') });
  return out;
}

/**
 * Language choice at any turn: "language" (in any offered language) opens the menu; a language's
 * own name ("polski") switches at once, unless it answers the question on screen. The question on
 * screen is then asked again in the new language, or the conversation begins. True when the turn
 * was taken.
 */
export async function handleLanguageChoice(dc: DialogContext, turn: Turn, text: string, begin: () => Promise<void>): Promise<boolean> {
  const { languages } = turn;
  if (languages.languages.length < 2 || !text) return false;
  if (languages.isLanguageCommand(text)) {
    await dc.beginDialog(DialogIds.language);
    return true;
  }
  const named = languages.named(text);
  if (named && named !== turn.lng && !answersActiveQuestion(dc, turn, text)) {
    await confirmLanguage(turn, named);
    if (dc.activeDialog) await dc.repromptDialog();
    else await begin();
    return true;
  }
  return false;
}
