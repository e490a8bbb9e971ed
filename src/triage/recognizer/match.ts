/**
 * Finds every lexicon phrase in a tokenised message. Tokens are resolved to ids once; clauses
 * are marked (sentence ends and terminators such as "but"/"pero") before anything else, because
 * gaps inside phrases and negation scopes must not reach across a clause.
 */
import type { CompiledLexicon, Elem, Phrase, PhraseIndex } from './compiled';
import { BRK_NONE, BRK_SENTENCE, type Tokens } from './tokenize';

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
 * between them ("很好，腿还疼" holds no "好腿", "fine, leg swollen" no "fine leg"); a gap may
 * cross a comma, as long as it stays in the clause.
 */
function matchRest(elems: readonly Elem[], e: number, pos: number, scan: Scan, sentence: number, afterGap = false): number {
  if (e === elems.length) return pos;
  const el = elems[e] as Elem;
  if (typeof el !== 'number' || el >= 0) {
    if (pos >= scan.n || scan.sent[pos] !== sentence || !fits(scan.ids[pos] as readonly number[], el)) return -1;
    if (!afterGap && scan.tokens.brk[pos] !== BRK_NONE) return -1;
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

/** Every match of every phrase in `index`, in order of start token. */
export function findMatches(scan: Scan, index: PhraseIndex): Match[] {
  const out: Match[] = [];
  for (let i = 0; i < scan.n; i++) {
    const ids = scan.ids[i] as readonly number[];
    for (let j = 0; j < ids.length; j++) {
      const bucket = index[ids[j] as number];
      if (bucket === undefined) continue;
      for (const phrase of bucket) {
        if (j > 0 && startsWithEarlierId(phrase, ids, j)) continue; // already tried from an earlier id
        const end = matchRest(phrase.elems, 1, i + 1, scan, scan.sent[i] as number);
        if (end >= 0) out.push({ kind: phrase.kind, arg: phrase.arg, start: i, end, phrase });
      }
    }
  }
  return out;
}

/** A set-first phrase sits in several buckets; try it from the first id of the token it fits. */
function startsWithEarlierId(phrase: Phrase, ids: readonly number[], j: number): boolean {
  const first = phrase.elems[0] as Elem;
  if (typeof first === 'number') return false;
  for (let k = 0; k < j; k++) if (first.includes(ids[k] as number)) return true;
  return false;
}
