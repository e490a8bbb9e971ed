/**
 * Small pure helpers over token spans (matches are [start, end) token ranges in start order).
 * Kept linear on purpose: recognize() must stay fast even on a 10 KB message.
 */
import type { Match } from './match';

/** Longest lexicon phrase in words, as far as containment checks need to look back. */
const MAX_SPAN = 24;

/**
 * Drops matches contained in a longer one ("gone down" beats "gone", "not sure" beats "sure"),
 * and repeats of the same span. `same` limits which matches compete (e.g. the same flag code).
 * `list` is in start order; only nearby matches can contain one another, so this stays linear.
 */
export function outermost(list: readonly Match[], same: (a: Match, b: Match) => boolean = () => true): Match[] {
  return list.filter((m, i) => {
    const beaten = (o: Match, earlier: boolean): boolean =>
      same(m, o) && within(m, o) && (o.end - o.start > m.end - m.start || (earlier && o.start === m.start && o.end === m.end));
    for (let k = i - 1; k >= 0 && (list[k] as Match).start >= m.start - MAX_SPAN; k--) if (beaten(list[k] as Match, true)) return false;
    for (let k = i + 1; k < list.length && (list[k] as Match).start === m.start; k++) if (beaten(list[k] as Match, false)) return false;
    return true;
  });
}

/** For each token, the furthest end of any of `spans` starting at or before it (spans in start order). */
export function reachFrom(spans: readonly Match[], n: number): number[] {
  const out = new Array<number>(n).fill(-1);
  let k = 0;
  let best = -1;
  for (let p = 0; p < n; p++) {
    while (k < spans.length && (spans[k] as Match).start <= p) best = Math.max(best, (spans[k++] as Match).end);
    out[p] = best;
  }
  return out;
}

/** True when `inner` lies within `outer`. */
export function within(inner: Match, outer: Match): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * True when an ignore phrase covers the first or last word of `m`: "blue stockings" cancels
 * "leg * blue", "chest of drawers" cancels "hurt * chest", "is chest pain a sign" cancels "chest pain".
 */
export function ignoredBy(m: Match, ignores: readonly Match[]): boolean {
  const last = m.end - 1;
  return ignores.some((i) => (m.start >= i.start && m.start < i.end) || (last >= i.start && last < i.end));
}

/** True when two token ranges share a token. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** First index in ascending `xs` whose value is ≥ `v`. */
export function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** How many values of ascending `xs` lie in [from, to). */
export function countIn(xs: readonly number[], from: number, to: number): number {
  return to <= from ? 0 : lowerBound(xs, to) - lowerBound(xs, from);
}
