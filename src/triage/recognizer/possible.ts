/**
 * The "possible" readings: mentions of a red-flag topic the recognizer cannot affirm with
 * confidence, which the bot turns into one direct question (S9) instead of advice or silence.
 *
 * - Weak signs (flags.<code>.possible: "dizzy", "headache", "fever"): the topic, not the flag.
 * - A pulse word with a number (possible.pulse, model.ts PULSE_POSSIBLE): "pulse is 112".
 * - A vague change word next to a red-flag body part or function (possible.vague next to a concept
 *   rule's anchor): "my chest feels weird", "heart feels funny". A rule with `"vague": false` opts out.
 * - Doubt stacked on doubt (Doubts): two or more hedges ("maybe", "a bit") or explainers ("probably
 *   just nerves") around an otherwise affirmed report. One alone leaves it affirmed: "I think I
 *   fainted", "a bit breathless", "probably nothing but I can't breathe" are how people report (S2).
 *
 * Each reading goes through the same scopes as a phrase, so "not dizzy" stays negated, and a
 * clearer reading of the same flag on the same words (an affirmed phrase, a close denial) wins.
 */
import * as C from './compiled';
import type { Match, Scan } from './match';
import { NEGATED, POSSIBLE, type Reading } from './reading';
import type { Scopes } from './scope';
import { ignoredBy, outermost } from './spans';
import { BRK_LINE } from './tokenize';

/** A flag reading over the token range [start, end). */
export interface Hit {
  flag: number;
  reading: Reading;
  start: number;
  end: number;
}

/** How far a vague word may sit from its anchor: "weird feeling in my chest" is 3. */
export const VAGUE_WINDOW = 4;
/** Possible readings needed to make a hedged report possible: doubt on doubt. */
export const DOUBTS_NEEDED = 2;
/** How far a hedge may sit before a report ("maybe a bit | breathless") or after it ("breathless, I think"). */
export const HEDGE_BEFORE = 4;
export const HEDGE_AFTER = 2;
/** How far an explainer may sit from a report, in either direction, this sentence or the next. */
export const EXPLAIN_REACH = 10;
/** A hedge this close before an explainer is part of it: "I think | it's just | tiredness". */
const HEDGE_OF_EXPLAINER = 3;

/**
 * Weak-sign, pulse and vague readings that no reading in `hits` of the same flag already covers,
 * each with its scope: NEGATED where denied close by, POSSIBLE otherwise.
 */
export function possibleReadings(scan: Scan, matches: readonly Match[], lex: C.CompiledLexicon, scopes: Scopes, hits: readonly Hit[]): Hit[] {
  const ignores = matches.filter((m) => m.kind === C.K_IGNORE);
  const out: Hit[] = [];
  const taken = (flag: number, start: number, end: number): boolean =>
    hits.some((h) => h.flag === flag && h.start < end && start < h.end) || out.some((h) => h.flag === flag && h.start < end && start < h.end);
  const add = (flag: number, start: number, end: number, parts: Match[]): void => {
    if (taken(flag, start, end)) return;
    const reading: Reading = scopes.read(start, end, { parts }) === NEGATED ? NEGATED : POSSIBLE;
    out.push({ flag, reading, start, end });
  };
  const signs = outermost(matches.filter((m) => (m.kind === C.K_WEAK || m.kind === C.K_PULSE) && !ignoredBy(m, ignores)), (a, b) => a.arg === b.arg);
  for (const m of signs) add(m.arg, m.start, m.end, [m]);
  for (const v of vaguePairs(scan, matches, lex, ignores)) add(v.flag, v.start, v.end, v.parts);
  return out;
}

/** Anchors of `vague` concept rules with a vague word close by, in one clause, nothing between but words. */
function vaguePairs(scan: Scan, matches: readonly Match[], lex: C.CompiledLexicon, ignores: readonly Match[]): { flag: number; start: number; end: number; parts: Match[] }[] {
  const vague = outermost(matches.filter((m) => m.kind === C.K_VAGUE && !ignoredBy(m, ignores)));
  if (vague.length === 0) return [];
  const stops = matches.filter((m) => m.kind === C.K_STOP);
  const anchors = outermost(matches.filter((m) => m.kind === C.K_ANCHOR && lex.concepts[m.arg]?.vague === true && !ignoredBy(m, ignores)), (a, b) => a.arg === b.arg);
  const out: { flag: number; start: number; end: number; parts: Match[] }[] = [];
  for (const a of anchors) {
    for (const v of vague) {
      const first = v.end <= a.start ? v : a;
      const second = first === v ? a : v;
      if (first.end > second.start || second.start - first.end > VAGUE_WINDOW) continue;
      if (scan.clause[first.start] !== scan.clause[second.end - 1]) continue;
      let clean = true;
      for (let p = first.end; p <= second.start && clean; p++) if ((scan.tokens.brk[p] as number) >= BRK_LINE) clean = false;
      if (!clean || stops.some((s) => s.start >= first.end && s.end <= second.start)) continue;
      out.push({ flag: (lex.concepts[a.arg] as C.ConceptRule).flag, start: first.start, end: second.end, parts: [a, v] });
    }
  }
  return out;
}

/**
 * Hedges and explainers in a message, and how many of them bear on a report. A cue a denial
 * turns around ("not just nerves", "no stress") does not count, nor does a hedge that belongs to
 * an explanation ("but I think it's just tiredness" is one explainer, not a hedged report).
 */
export class Doubts {
  private readonly cues: Match[];
  /** Hedges that lead into an explanation ("I think | it's just tiredness"): part of it when they follow a report. */
  private readonly leading = new Set<Match>();

  constructor(private readonly scan: Scan, matches: readonly Match[]) {
    const raw = matches.filter((m) => m.kind === C.K_HEDGE || m.kind === C.K_EXPLAIN);
    if (raw.length === 0) { this.cues = []; return; }
    const deniers = matches.filter((m) => m.kind === C.K_PSEUDO || m.kind === C.K_NEG);
    this.cues = outermost(raw).filter((c) => !deniers.some((d) => d.start < c.start && d.end >= c.start));
    const explains = this.cues.filter((c) => c.kind === C.K_EXPLAIN);
    for (const c of this.cues) {
      if (c.kind === C.K_HEDGE && explains.some((e) => e.start >= c.end && e.start - c.end <= HEDGE_OF_EXPLAINER && scan.clause[e.start] === scan.clause[c.start])) this.leading.add(c);
    }
  }

  /** Whether any cue was found at all (most messages have none). */
  get any(): boolean {
    return this.cues.length > 0;
  }

  /**
   * How many cues bear on the report at tokens [start, end): each hedge counts, explaining away
   * counts once however many explainers say it ("so tired, must be the heat, just unfit").
   */
  count(start: number, end: number): number {
    const { sent, clause } = this.scan;
    let hedges = 0;
    let explained = 0;
    for (const c of this.cues) {
      if (c.kind === C.K_HEDGE) {
        if (sent[c.start] !== sent[start]) continue;
        const inside = c.start >= start && c.end <= end;
        const before = c.end <= start && start - c.end <= HEDGE_BEFORE && clause[c.start] === clause[start];
        const after = c.start >= end && c.start - end <= HEDGE_AFTER && clause[c.start] === clause[end - 1] && !this.leading.has(c);
        if (inside || before || after) hedges++;
      } else {
        const gap = c.end <= start ? start - c.end : c.start >= end ? c.start - end : 0;
        if (gap <= EXPLAIN_REACH && Math.abs((sent[c.start] as number) - (sent[start] as number)) <= 1) explained = 1;
      }
    }
    return hedges + explained;
  }
}
