import { RULES_VERSION } from './rules';
import { rank, type Disposition, type FlagLevel, type LegTrend } from './types';

/** A red flag caught in free text, as a level and reason codes. */
export interface Flag {
  level: FlagLevel;
  reasons: string[];
}

/**
 * The advice can never be less urgent than a red flag the patient already typed in this
 * conversation (S2): the more urgent of the two wins, and equal levels merge their reasons.
 */
export function withFloor(disposition: Disposition, floor: Flag | undefined): Disposition {
  if (!floor || rank(floor.level) > rank(disposition.level)) return disposition;
  if (rank(floor.level) < rank(disposition.level)) return { level: floor.level, reasons: [...floor.reasons], rulesVersion: RULES_VERSION };
  return { ...disposition, reasons: [...new Set([...disposition.reasons, ...floor.reasons])] };
}

/** A disposition for a red flag the safety screen found, before any question was asked. */
export function flagDisposition(flag: Flag): Disposition {
  return { level: flag.level, reasons: [...flag.reasons], rulesVersion: RULES_VERSION };
}

const PERSISTING: readonly LegTrend[] = ['worse', 'same', 'unsure'];

/** How long after a check a new one about the same symptom counts as coming back (the 3-month risk window of clinical-reference.md). */
export const REPEAT_CONTACT_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Precedence rule 4: someone who comes back with the same symptom still there (not better,
 * not gone) both times has made a repeat contact, which moves the advice up a tier.
 */
export function isRepeatContact(previous: { at: number; legTrend?: LegTrend } | undefined, current: LegTrend | undefined, now: number): boolean {
  if (!previous?.legTrend || !current) return false;
  const age = now - previous.at;
  return age >= 0 && age <= REPEAT_CONTACT_WINDOW_MS && PERSISTING.includes(previous.legTrend) && PERSISTING.includes(current);
}
