/**
 * Public data shapes of the recognizer. Outputs are data (codes, levels, offsets), never prose,
 * so dialogs, audits and the reviewers' CLI all read the same thing.
 */
import type { FlagLevel } from '../types';

/**
 * How the text speaks of a red flag:
 * - 'affirmed': a report the screen acts on at once;
 * - 'possible': the topic is there but cannot be affirmed with confidence: a denial that reaches
 *   far or across a list ("I don't think I've ever been short of breath", "no cough or chest pain"),
 *   doubt stacked on doubt ("maybe a bit breathless", "a bit breathless, probably just nerves"),
 *   a question about the asker's own state that never names them ("is it normal to be this out of
 *   breath?"), a body part with a vague change word ("my chest feels weird"), a pulse number
 *   that is high but not very high ("pulse is 112"), or a weak sign listed as such ("dizzy");
 *   the bot asks one direct question about it (S9);
 * - 'negated': close, clear negation ("no chest pain"), hypotheticals ("what if I get chest pain"),
 *   history from before the scan, other people's stories and general questions: nothing.
 */
export type Polarity = 'affirmed' | 'possible' | 'negated';

/** One red flag found in the text; `start`/`end` are UTF-16 offsets into the original text. */
export interface Finding {
  code: string;
  level: FlagLevel;
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

/** The flag a pulse number speaks of (possible.pulse). */
export const FAST_HEARTBEAT = 'fast_heartbeat';
/**
 * A pulse word with a number in this range ("pulse is 112", "108 bpm") is a possible fast
 * heartbeat: above 100 a resting pulse is a tachycardia (the PERC rule's threshold), and the
 * lexicons affirm a number only from 120 up. A higher affirmed reading of the same words wins.
 */
export const PULSE_POSSIBLE = { min: 100, max: 300 } as const;
