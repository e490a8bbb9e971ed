/**
 * Reads how the patient says symptoms are changing: a direction ("worse", "going down",
 * "ya no") paired with the nearest leg feature in the same clause ("swelling", "me duele").
 *
 * Strong direction words stand alone and default to the leg/symptoms in general ("it's getting
 * worse" after a leg scan is about the leg); modifiers such as "more"/"más" count only right
 * next to a specific feature ("more swollen", "me duele más"), so "more questions" and
 * "getting the leg checked" are no trend.
 */
import * as C from './compiled';
import type { Match, Scan } from './match';
import { ignoredBy, outermost, overlaps, reachFrom } from './spans';
import { DIRECTIONS, FEATURES, type Direction, type Feature, type Polarity } from './model';
import { POLARITY, weaker } from './reading';
import type { Scopes } from './scope';

/** How far a modifier may sit from its feature; how far a strong direction looks for one. */
const MOD_REACH = 2;
const DIR_REACH = 6;
const SYMPTOMS = FEATURES.indexOf('symptoms');
/** Negation of a trend must sit close: "no pain, swelling is worse" is still worse. */
export const TREND_NEG_WINDOW = 3;

export interface TrendSpan {
  readonly feature: Feature;
  readonly direction: Direction;
  readonly polarity: Polarity;
  /** Token range covering the direction and its feature. */
  readonly start: number;
  readonly end: number;
}

function distance(a: Match, b: Match): number {
  if (overlaps(a, b)) return 0;
  return a.end <= b.start ? b.start - a.end : a.start - b.end;
}


/** `modifiersAlone`: in a one-line answer ("more", "menos") a modifier needs no feature. */
export function readTrends(scan: Scan, matches: readonly Match[], scopes: Scopes, modifiersAlone = false): TrendSpan[] {
  const flagReach = reachFrom(matches.filter((m) => m.kind === C.K_FLAG), scan.n);
  const ignores = matches.filter((m) => m.kind === C.K_IGNORE);
  const free = (m: Match): boolean => (flagReach[m.start] as number) < m.end && !ignoredBy(m, ignores);
  const dirs = outermost(matches.filter((m) => (m.kind === C.K_DIR || m.kind === C.K_MOD) && free(m)));
  const feats = matches.filter((m) => m.kind === C.K_FEATURE && free(m));
  const out: TrendSpan[] = [];
  const blockers = dirs.map((d) => d.start);
  for (const d of dirs) {
    let best: Match | null = null;
    let bestDist = Infinity;
    for (const f of feats) {
      if (scan.clause[f.start] !== scan.clause[d.start]) continue;
      if (d.kind === C.K_MOD && f.arg === SYMPTOMS) continue; // "getting the leg checked" is no trend
      const dist = distance(d, f);
      if (dist < bestDist) { best = f; bestDist = dist; }
    }
    const reach = d.kind === C.K_MOD ? MOD_REACH : DIR_REACH;
    if (best !== null && bestDist > reach) best = null;
    if (best === null && d.kind === C.K_MOD && !modifiersAlone) continue;
    const start = best === null ? d.start : Math.min(best.start, d.start);
    const end = best === null ? d.end : Math.max(best.end, d.end);
    const opts = { window: TREND_NEG_WINDOW, blockers, parts: best === null ? [d] : [d, best] };
    const reading = weaker(scopes.read(d.start, d.end, opts), scopes.read(start, end, opts));
    out.push({
      feature: best === null ? 'symptoms' : (FEATURES[best.arg] as Feature),
      direction: DIRECTIONS[d.arg] as Direction,
      polarity: POLARITY[reading] as Polarity,
      start,
      end,
    });
  }
  return out;
}
