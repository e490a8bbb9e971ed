import type { Disposition, Level } from '../triage/types';

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

/** The plain activity shape renderers produce (kept free of SDK types on purpose). */
export interface OutActivity {
  type: 'message';
  text: string;
  textFormat: 'markdown' | 'plain';
  inputHint?: 'expectingInput' | 'acceptingInput';
  suggestedActions?: { to: string[]; actions: { type: 'imBack'; title: string; value: string }[] };
  entities?: Entity[];
  attachments?: { contentType: string; content: unknown }[];
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
