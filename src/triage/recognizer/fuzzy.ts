/**
 * Typo tolerance: a symmetric-deletion index (the SymSpell idea) over the lexicon's words.
 *
 * Why this shape: patients type on phones while worried, so "brethless" and "swolen" must still
 * count, but checking every lexicon word per token would be far too slow. Each lexicon word is
 * stored under every string reachable by deleting up to 1 or 2 letters; a typed word looks up
 * its own deletions, and the few candidates found are confirmed with a true distance.
 *
 * Limits, chosen for precision as much as recall (a false "faint" is a false emergency):
 * - the allowed distance depends on the shorter of the two words: 0 below 5 letters,
 *   1 for 5–7 letters, 2 for 8 or more (optimal-string-alignment Damerau–Levenshtein);
 * - the first letter must agree, which is where real typos are rarest and where nearby real
 *   words differ most often ("nurse"/"worse", "right"/"tight", "paint"/"faint");
 * - words in the lexicon's spelling.keep list are real words and are never corrected.
 */

/** Longest typed word that is considered for correction; beyond that it is noise. */
export const MAX_FUZZY_LENGTH = 24;

export function allowedDistance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** All strings reachable from `word` by deleting up to `depth` letters (including itself). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const del = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(del)) { out.add(del); next.push(del); }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2; prev2 = prev; prev = cur; cur = t;
  }
  return prev[m] as number;
}

/**
 * Deletion index from lexicon word ids to be corrected towards. Built on the first lookup, not
 * at compile time: ten lexicons' indexes cost about a tenth of a second of start-up, and a
 * language whose patients never mistype a long word never needs one.
 */
export class FuzzyIndex {
  private buckets: Map<string, number[]> | null = null;

  constructor(private readonly words: readonly string[], private readonly eligible: (id: number) => boolean) {}

  private index(): Map<string, number[]> {
    if (this.buckets) return this.buckets;
    const buckets = new Map<string, number[]>();
    this.words.forEach((w, id) => {
      if (w.length < 5 || !this.eligible(id)) return;
      for (const del of deletions(w, allowedDistance(w.length))) {
        const list = buckets.get(del);
        if (list) list.push(id);
        else buckets.set(del, [id]);
      }
    });
    return (this.buckets = buckets);
  }

  /** The id of the closest lexicon word within the allowed distance, or -1. Lowest id wins ties. */
  nearest(typed: string): number {
    if (typed.length < 5 || typed.length > MAX_FUZZY_LENGTH) return -1;
    const buckets = this.index();
    let best = -1;
    let bestDist = Infinity;
    for (const del of deletions(typed, allowedDistance(typed.length))) {
      const ids = buckets.get(del);
      if (ids === undefined) continue;
      for (const id of ids) {
        const w = this.words[id] as string;
        if (w.charCodeAt(0) !== typed.charCodeAt(0)) continue;
        const max = allowedDistance(Math.min(w.length, typed.length));
        const d = osaDistance(typed, w, max);
        if (d <= max && (d < bestDist || (d === bestDist && id < best))) { best = id; bestDist = d; }
      }
    }
    return best;
  }
}
