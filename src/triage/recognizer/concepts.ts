/**
 * Concept layer: recall for wordings nobody wrote down as a phrase.
 *
 * Patients describe a red flag rather than name it: "a tight band across my chest", "my sputum
 * has blood in it", "the stairs leave me gasping", "me duelen las costillas cuando cojo aire".
 * Phrase lists catch the names; this layer catches the descriptions. Each rule in the lexicon
 * (concepts.rules.<flag>) pairs an ANCHOR (what: chest, breath, pulse, sangre…) with a PROBLEM
 * (what is wrong with it: tight, hard, racing, con flema…) a few words apart, in either order,
 * in one clause. The pair then goes through the same negation, hypothetical, history and
 * general-question scopes as a phrase (recognize.ts), so "no tightness in my chest" stays negated.
 *
 * Precision guards, each from a false alarm it prevents:
 * - the words between anchor and problem must not hold a comma or a stop word ("and", "y"):
 *   "my calf is sore and my chest is fine" pairs nothing; `loose` rules may cross them where a
 *   story runs on ("I felt dizzy and then I fell", "coughed, and there was blood");
 * - an ignore phrase covering the anchor or the problem cancels the pair ("blood test", "heart of");
 * - a NEGATOR is a problem said by negating the anchor ("can't", "no puedo", "sin"); it is listed
 *   apart from plain problems because it is also how patients deny a symptom. It counts only
 *   close BEFORE the anchor with nothing between ("can't get a proper lungful of air", "sin aire"),
 *   never inside a pseudo-trigger ("can't wait", "no sé"), and recognize() drops it when its
 *   anchor is part of a negated reading ("no shortness of breath", "no tengo problemas para respirar").
 */
import * as C from './compiled';
import type { Match, Scan } from './match';
import { ignoredBy, lowerBound, outermost } from './spans';
import { BRK_LINE } from './tokenize';

/** How far a negator may sit before its anchor: "can't get a proper lungful" is 3. */
export const NEGATOR_REACH = 3;
/** Longest anchor or problem phrase in words, as far as the pair search needs to look back. */
const MAX_PART = 8;

export interface ConceptHit {
  readonly flag: number;
  /** Token range [start, end) covering anchor and problem. */
  readonly start: number;
  readonly end: number;
  readonly anchor: Match;
  readonly problem: Match;
  readonly negator: boolean;
}

/** Prefix sums over tokens, so "is there a comma / stop / pseudo-trigger here" costs O(1). */
function prefix(n: number, mark: (p: number) => boolean): Int32Array {
  const out = new Int32Array(n + 1);
  for (let p = 0; p < n; p++) out[p + 1] = (out[p] as number) + (mark(p) ? 1 : 0);
  return out;
}

const count = (sums: Int32Array, from: number, to: number): number => (to <= from ? 0 : (sums[to] as number) - (sums[from] as number));

/** Every anchor–problem pair the lexicon's concept rules allow in this message. */
export function findConcepts(scan: Scan, matches: readonly Match[], lex: C.CompiledLexicon): ConceptHit[] {
  const rules = lex.concepts;
  const n = scan.n;
  const anchors: Match[][] = rules.map(() => []);
  const problems: Match[][] = rules.map(() => []);
  const ignores: Match[] = [];
  const pseudo = new Uint8Array(n);
  const stop = new Uint8Array(n);
  for (const m of matches) {
    if (m.kind === C.K_ANCHOR) anchors[m.arg]?.push(m);
    else if (m.kind === C.K_PROBLEM || m.kind === C.K_NEGATOR) problems[m.arg]?.push(m);
    else if (m.kind === C.K_IGNORE) ignores.push(m);
    else if (m.kind === C.K_PSEUDO) pseudo.fill(1, m.start, m.end);
    else if (m.kind === C.K_STOP) stop.fill(1, m.start, m.end);
  }
  const out: ConceptHit[] = [];
  if (!anchors.some((a) => a.length > 0)) return out;
  const pseudos = prefix(n, (p) => pseudo[p] === 1);
  const stops = prefix(n, (p) => stop[p] === 1);
  const commas = prefix(n, (p) => (scan.tokens.brk[p] as number) >= BRK_LINE);
  const { clause } = scan;
  const free = (m: Match): boolean => ignores.length === 0 || !ignoredBy(m, ignores);

  // Only the longest reading of a word takes part: "between my shoulder blades", not also "shoulder
  // blades", whose pair would start after "my" and so escape a negation before the whole anchor.
  rules.forEach((rule, r) => {
    if ((anchors[r] as Match[]).length === 0) return;
    const qs = outermost(problems[r] as Match[]).filter(free);
    if (qs.length === 0) return;
    const qStarts = qs.map((q) => q.start);
    for (const a of outermost(anchors[r] as Match[])) {
      if (!free(a)) continue;
      for (let i = lowerBound(qStarts, a.start - rule.window - MAX_PART); i < qs.length; i++) {
        const q = qs[i] as Match;
        if (q.start > a.end + rule.window) break;
        const first = q.end <= a.start ? q : a;
        const second = first === q ? a : q;
        if (first.end > second.start) continue; // overlapping: one word is not a pair
        const gap = second.start - first.end;
        if (gap > rule.window || clause[first.start] !== clause[second.end - 1]) continue;
        const negator = q.kind === C.K_NEGATOR;
        if (negator && (first !== q || gap > NEGATOR_REACH || count(pseudos, q.start, q.end) > 0)) continue;
        const between = count(stops, first.end, second.start) + count(commas, first.end, second.start + 1);
        if (between > 0 && (negator || !rule.loose)) continue;
        out.push({ flag: rule.flag, start: first.start, end: second.end, anchor: a, problem: q, negator });
      }
    }
  });
  return out.sort((x, y) => x.start - y.start || x.end - y.end);
}
