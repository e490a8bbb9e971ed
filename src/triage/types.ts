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

/** One tier more urgent, capped at `cap`. */
export function stepUp(level: Level, cap: Level = 'emergency'): Level {
  const up = LEVELS[Math.max(0, rank(level) - 1)] ?? level;
  return rank(up) < rank(cap) ? cap : up;
}

export type YesNo = 'yes' | 'no' | 'unsure';
export type LegTrend = 'worse' | 'same' | 'better' | 'gone' | 'unsure';

/** The six emergency signs, one question each, in order of clinical weight (NHS 111 style). */
export const SIGNS = ['signBreathing', 'signChest', 'signCoughBlood', 'signFaint', 'signHeart', 'signLeg'] as const;
export type Sign = (typeof SIGNS)[number];

/** Everything the symptom check can learn. Unasked questions are absent. */
export interface Answers {
  /** More short of breath than usual, or breathing suddenly hard, now or since the scan. */
  signBreathing?: YesNo;
  /** Chest or upper-back pain, now or since the scan. */
  signChest?: YesNo;
  /** Coughed up blood since the scan. */
  signCoughBlood?: YesNo;
  /** Fainted, or felt very faint or dizzy, since the scan. */
  signFaint?: YesNo;
  /** A very fast heartbeat, now or since the scan. */
  signHeart?: YesNo;
  /** A leg suddenly very swollen and blue, purple, pale or cold, or a cold, pale, numb foot. */
  signLeg?: YesNo;
  /** Pregnant, or gave birth in the last 6 weeks (RCOG Green-top 37a/37b; outside NICE NG158). */
  pregnant?: YesNo;
  /** Given a blood thinner around the time of the scan (NG158 stops interim anticoagulation when the scan is negative). */
  bloodThinners?: YesNo;
  /** Leg pain, swelling, redness, warmth or darker skin compared with scan day. */
  legTrend?: LegTrend;
  /** New swelling or pain in the other leg or in an arm. */
  otherLimb?: YesNo;
  /** Veins that are hard, swollen or sore to touch. */
  hardVeins?: YesNo;
  /** Fever with a hot, red leg: possible cellulitis (NICE NG141), get seen today. */
  fever?: YesNo;
  /** A repeat scan or blood test was planned by the care team. */
  followUpPlanned?: YesNo;
  /** The scan checked only the upper leg (thigh) veins. Asked only where it changes the tier. */
  thighOnlyScan?: YesNo;
  /** Cancer treated in the last 6 months, an operation in the last 12 weeks, bedridden 3 days or a leg in plaster, or a previous clot. */
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
