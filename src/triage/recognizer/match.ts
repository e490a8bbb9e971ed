/**
 * Finds every lexicon phrase in a tokenised message. Tokens are resolved to ids once; clauses
 * are marked (sentence ends and terminators such as "but"/"pero") before anything else, because
 * gaps inside phrases and negation scopes must not reach across a clause.
 */
import type { Bucket, CompiledLexicon, Elem, Phrase, PhraseIndex } from './compiled';
import { BRK_LINE, BRK_SENTENCE, type Tokens } from './tokenize';

export interface Match {
  readonly kind: number;
  readonly arg: number;
  /** Token range [start, end). */
  readonly start: number;
  readonly end: number;
  readonly phrase: Phrase;
}

/** A message ready for matching: ids per token, sentence and clause numbers per token. */
export interface Scan {
  readonly tokens: Tokens;
  readonly ids: (readonly number[])[];
  readonly sent: number[];
  readonly clause: number[];
  /** Per sentence: whether a question mark ("?" or "¿") belongs to it. */
  readonly question: boolean[];
  readonly n: number;
}

export function prepare(tokens: Tokens, lex: CompiledLexicon): Scan {
  const n = tokens.words.length;
  const ids: (readonly number[])[] = new Array<readonly number[]>(n);
  const sent: number[] = new Array<number>(n);
  const clause: number[] = new Array<number>(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    ids[i] = lex.vocab.resolve(tokens.words[i] as string);
    if (i > 0 && tokens.brk[i] === BRK_SENTENCE) s++;
    sent[i] = s;
    clause[i] = s;
  }
  const question = new Array<boolean>(s + 1).fill(false);
  for (const t of tokens.asked) if (t >= 0 && t < n) question[sent[t] as number] = true;
  const scan: Scan = { tokens, ids, sent, clause, question, n };
  // A terminator opens a new clause at its first word; clause numbers stay increasing.
  const cuts = new Array<boolean>(n).fill(false);
  for (const m of findMatches(scan, lex.terms)) cuts[m.start] = true;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (sent[i] !== sent[i - 1] || cuts[i])) c++;
    clause[i] = c;
  }
  return scan;
}

/** Whether a token with candidate `ids` satisfies a word or set element. */
export function fits(ids: readonly number[], el: number | readonly number[]): boolean {
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (typeof el === 'number' ? el === id : el.includes(id)) return true;
  }
  return false;
}

/**
 * End (exclusive) of the phrase matched from `pos` on, or -1. Gaps take the fewest words that work.
 * Two words next to each other in a phrase must be next to each other in the text with no comma
 * between them ("很好，腿还疼" holds no "好腿", "fine, leg swollen" no "fine leg"), though a line
 * break between them is a space ("I can't\nbreathe"); a gap may cross a comma, as long as it stays in the clause.
 */
function matchRest(elems: readonly Elem[], e: number, pos: number, scan: Scan, sentence: number, afterGap = false): number {
  if (e === elems.length) return pos;
  const el = elems[e] as Elem;
  if (typeof el !== 'number' || el >= 0) {
    if (pos >= scan.n || scan.sent[pos] !== sentence || !fits(scan.ids[pos] as readonly number[], el)) return -1;
    if (!afterGap && (scan.tokens.brk[pos] as number) > BRK_LINE) return -1;
    return matchRest(elems, e + 1, pos + 1, scan, sentence);
  }
  const cl = scan.clause[pos - 1];
  for (let k = 0; k <= -el; k++) {
    const p = pos + k;
    if (p >= scan.n || scan.clause[p] !== cl) return -1;
    const end = matchRest(elems, e + 1, p, scan, sentence, true);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Every match of every phrase in `index`, in order of start token, and at one start token in
 * the order the lexicon ranks them (longer first): the order consumers break ties by.
 */
export function findMatches(scan: Scan, index: PhraseIndex): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < scan.n; i++) {
    const ids = scan.ids[i] as readonly number[];
    const sentence = scan.sent[i] as number;
    const from = out.length;
    // The phrases filed under the next word apply only where that word follows right away.
    const adjacent = i + 1 < scan.n && scan.sent[i + 1] === sentence && (scan.tokens.brk[i + 1] as number) <= BRK_LINE;
    const nextIds = adjacent ? (scan.ids[i + 1] as readonly number[]) : NO_IDS;
    for (let j = 0; j < ids.length; j++) {
      const bucket = index[ids[j] as number];
      if (bucket === undefined) continue;
      for (const phrase of bucket.rest) {
        if (j > 0 && startsWithEarlierId(phrase, ids, j)) continue; // already tried from an earlier id
        out.push({ kind: phrase.kind, arg: phrase.arg, start: i, end: i + 1, phrase });
      }
      if (bucket.gapped.size > 0) {
        for (const phrase of gappedCandidates(bucket, scan, i)) {
          if (j > 0 && startsWithEarlierId(phrase, ids, j)) continue;
          const end = matchRest(phrase.elems, 1, i + 1, scan, sentence);
          if (end >= 0) out.push({ kind: phrase.kind, arg: phrase.arg, start: i, end, phrase });
        }
      }
      if (bucket.next.size === 0) continue;
      for (let k = 0; k < nextIds.length; k++) {
        const list = bucket.next.get(nextIds[k] as number);
        if (list === undefined) continue;
        for (const phrase of list) {
          if (j > 0 && startsWithEarlierId(phrase, ids, j)) continue;
          if (k > 0 && fitsEarlierId(phrase.elems[1] as Elem, nextIds, k)) continue; // already tried from an earlier id of the next word
          const end = matchRest(phrase.elems, 2, i + 2, scan, sentence);
          if (end >= 0) out.push({ kind: phrase.kind, arg: phrase.arg, start: i, end, phrase });
        }
      }
    }
    if (out.length - from > 1) {
      const here = out.slice(from).sort((a, b) => a.phrase.rank - b.phrase.rank);
      for (let m = 0; m < here.length; m++) out[from + m] = here[m] as Match;
    }
  }
  return out;
}

const NO_IDS: readonly number[] = Object.freeze([]);

/** Phrases with a gap after their first word whose next word appears within the gap's reach, in the clause; each once, in rank order. */
function gappedCandidates(bucket: Bucket, scan: Scan, i: number): readonly Phrase[] {
  const clause = scan.clause[i];
  const found: Phrase[] = [];
  const last = Math.min(scan.n - 1, i + bucket.reach);
  for (let p = i + 1; p <= last && scan.clause[p] === clause; p++) {
    const ids = scan.ids[p] as readonly number[];
    for (let k = 0; k < ids.length; k++) {
      const list = bucket.gapped.get(ids[k] as number);
      if (list !== undefined) for (const phrase of list) found.push(phrase);
    }
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a.rank - b.rank);
  return found.filter((phrase, k) => k === 0 || found[k - 1] !== phrase);
}

/** A set-first phrase sits in several buckets; try it from the first id of the token it fits. */
function startsWithEarlierId(phrase: Phrase, ids: readonly number[], j: number): boolean {
  return fitsEarlierId(phrase.elems[0] as Elem, ids, j);
}

/** Whether an id of `ids` before index `j` fits the set element `el` (a single id cannot have been seen twice). */
function fitsEarlierId(el: Elem, ids: readonly number[], j: number): boolean {
  if (typeof el === 'number') return false;
  for (let k = 0; k < j; k++) if (el.includes(ids[k] as number)) return true;
  return false;
}
