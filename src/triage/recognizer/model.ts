/**
 * Public data shapes of the recognizer. Outputs are data (codes, levels, offsets), never prose,
 * so dialogs, audits and the reviewers' CLI all read the same thing.
 */
import type { FlagLevel } from '../types';

export type Polarity = 'affirmed' | 'negated';

/** One red flag found in the text; `start`/`end` are UTF-16 offsets into the original text. */
export interface Finding {
  code: string;
  level: FlagLevel;
  /** 'negated' covers both negation ("no chest pain") and hypotheticals ("what if I get chest pain"). */
  polarity: Polarity;
  start: number;
  end: number;
}

/** Leg features a trend can be about; 'symptoms' is the leg or the symptoms in general. */
export const FEATURES = ['pain', 'swelling', 'redness', 'warmth', 'skin', 'symptoms'] as const;
export type Feature = (typeof FEATURES)[number];

export const DIRECTIONS = ['worse', 'better', 'same', 'gone'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Words that carry a direction only next to a feature ("more swollen", "menos dolor"). */
export const MODIFIER_DIRECTIONS = ['worse', 'better'] as const;

export interface Trend {
  feature: Feature;
  direction: Direction;
  polarity: Polarity;
}

export interface Recognition {
  findings: Finding[];
  trends: Trend[];
  /** Most urgent AFFIRMED finding level, or null. */
  level: FlagLevel | null;
}

/** Codes the recognizer emits itself from trends rather than from a phrase list alone. */
export const LEG_WORSE = 'leg_worse';
