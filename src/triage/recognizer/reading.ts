/**
 * How confidently a span reports what it says, ordered so that the larger value is the weaker
 * report: a negation close to a symptom beats a far one, which beats none. Internal to the
 * recognizer; the public form is model.ts's Polarity.
 */
import type { Polarity } from './model';

export const AFFIRMED = 0;
export const POSSIBLE = 1;
export const NEGATED = 2;
export type Reading = typeof AFFIRMED | typeof POSSIBLE | typeof NEGATED;

export const POLARITY: readonly Polarity[] = ['affirmed', 'possible', 'negated'];

/** The weaker of two readings. */
export function weaker(a: Reading, b: Reading): Reading {
  return a > b ? a : b;
}
