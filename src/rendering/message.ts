import type { Disposition, Level } from '../triage/types';
import type { CardAttachment } from './adaptiveCard';

/** A button or option the patient can pick; `label` is already translated. */
export interface Choice {
  value: string;
  label: string;
}

/**
 * What the bot wants to say, before any channel is considered. Dialogs build these;
 * renderers turn them into activities each channel can show.
 */
export type OutMessage =
  | { kind: 'text'; text: string }
  | { kind: 'question'; text: string; choices: readonly Choice[] }
  | { kind: 'advice'; level: Level; title: string; lines: readonly string[]; disposition: Disposition; choices?: readonly Choice[] }
  | { kind: 'summary'; title: string; lines: readonly string[] };

/** An imBack button: tapping it sends its value back as the patient's own text message. */
export interface ImBack {
  type: 'imBack';
  title: string;
  value: string;
}

/** The plain activity shape renderers produce (kept free of SDK types on purpose). */
export interface OutActivity {
  type: 'message';
  text: string;
  textFormat: 'markdown' | 'plain';
  /** What a voice or screen-reading client says when it is not the same as `text`. */
  speak?: string;
  inputHint?: 'expectingInput' | 'acceptingInput';
  suggestedActions?: { to: string[]; actions: ImBack[] };
  entities?: Entity[];
  attachments?: CardAttachment[];
}

/** An activity entity: a typed bag of data. */
export interface Entity {
  type: string;
  [field: string]: unknown;
}

/** The S4 entity, with exactly the contract's fields. */
export function dispositionEntity(d: Disposition): Entity {
  return { type: 'disposition', level: d.level, reasons: [...d.reasons], rulesVersion: d.rulesVersion };
}
