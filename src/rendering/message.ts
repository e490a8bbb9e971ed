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
  | { kind: 'text'; text: string; entities?: readonly Entity[] }
  | { kind: 'question'; text: string; choices: readonly Choice[]; id: string; redFlag?: { flag: string; level: 'emergency' | 'urgent' } }
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

/**
 * The entities a question carries (DESIGN.md, contracts): its stable id, and for a direct question
 * about a possible red flag, which flag and at what level.
 */
export function questionEntities(message: Extract<OutMessage, { kind: 'question' }>): Entity[] {
  const out: Entity[] = [{ type: 'question', id: message.id }];
  if (message.redFlag) out.push({ type: 'redFlagQuestion', flag: message.redFlag.flag, level: message.redFlag.level });
  return out;
}

/** The S4 entity, with exactly the contract's fields. */
export function dispositionEntity(d: Disposition): Entity {
  return { type: 'disposition', level: d.level, reasons: [...d.reasons], rulesVersion: d.rulesVersion };
}
