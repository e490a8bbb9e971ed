/**
 * Shared vocabulary of the clinical core. Everything here is data: levels, codes and
 * answers. Prose lives in locales/, never in the core.
 */

/** Disposition tiers, most urgent first (clinical-reference.md, "Disposition tiers"). */
export const LEVELS = ['emergency', 'urgent', 'soon', 'self-care'] as const;
export type Level = (typeof LEVELS)[number];

/** The levels a red flag found in free text can carry. */
export type FlagLevel = Extract<Level, 'emergency' | 'urgent'>;

/** Numeric rank: lower is more urgent. */
export function rank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The more urgent of two levels. */
export function moreUrgent(a: Level, b: Level): Level {
  return rank(a) <= rank(b) ? a : b;
}

/** One tier more urgent, capped at `cap`. */
export function stepUp(level: Level, cap: Level = 'emergency'): Level {
  const up = LEVELS[Math.max(0, rank(level) - 1)] ?? level;
  return rank(up) < rank(cap) ? cap : up;
}

export type YesNo = 'yes' | 'no' | 'unsure';
export type LegTrend = 'worse' | 'same' | 'better' | 'gone' | 'unsure';

/** Everything the symptom check can learn. Unasked questions are absent. */
export interface Answers {
  /** Any emergency sign right now (breathless, chest/upper-back pain, coughing blood, faint, racing heart, cold blue leg). */
  emergencySigns?: YesNo;
  /** Leg pain, swelling, redness or warmth compared with scan day. */
  legTrend?: LegTrend;
  /** New swelling or pain in the other leg or in an arm. */
  otherLimb?: YesNo;
  /** Veins that are hard, swollen or sore to touch. */
  hardVeins?: YesNo;
  /** A repeat scan or blood test was planned by the care team. */
  followUpPlanned?: YesNo;
  /** The scan checked only the upper leg (thigh) veins. Asked only where it changes the tier. */
  thighOnlyScan?: YesNo;
  /** Cancer, recent surgery or long immobility, pregnancy or recent birth, or a previous clot. Asked only where it changes the tier. */
  riskFactors?: YesNo;
  /** The patient came back about the same, persisting problem. Context, not a question. */
  repeatContact?: boolean;
}

/** The outcome of evaluate(): a level, why, and which rules decided it. */
export interface Disposition {
  level: Level;
  /** Reason codes: ids of the rules that fired at the winning level (and modifiers). */
  reasons: string[];
  rulesVersion: string;
}
