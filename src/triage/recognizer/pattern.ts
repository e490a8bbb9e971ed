/**
 * The small phrase language used in the lexicon files, parsed and expanded into flat sequences.
 *
 * Syntax (whitespace separates items):
 *   word          a word, folded exactly like patient text ("can't" = "cant", "sí" = "si")
 *   word*         any word starting with "word" (prefix), e.g. "palpitat*"
 *   *   or  *N    a gap of 0..3 (or 0..N, N ≤ 6) words inside the same clause, e.g. "chest * pain"
 *   (a|b c)       one of the alternatives; an alternative may be several words or empty
 *   [a b]         optional: same as (a b|)
 *   #N-M          a number typed in digits between N and M, e.g. "heart * #100-300"
 *
 * Alternatives are expanded at compile time, so matching never re-parses. Reviewers read and
 * write these files, so the syntax stays this small on purpose.
 */
import { foldWords } from './tokenize';

export type PatternItem =
  | { readonly t: 'word'; readonly word: string }
  | { readonly t: 'prefix'; readonly prefix: string }
  | { readonly t: 'number'; readonly min: number; readonly max: number }
  | { readonly t: 'gap'; readonly max: number }
  | { readonly t: 'set'; readonly items: readonly SingleItem[] };

/** Items that match exactly one word; alternatives made only of these become one 'set' item. */
export type SingleItem = Extract<PatternItem, { t: 'word' | 'prefix' | 'number' }>;

const MAX_EXPANSIONS = 512;
const MAX_GAP = 6;
const DEFAULT_GAP = 3;

type Seq = PatternItem[];

/** Parses and expands one phrase. Throws an Error naming the phrase on bad syntax. */
export function expandPattern(phrase: string): Seq[] {
  const src = phrase.replace(/([()[\]|])/g, ' $1 ').trim().split(/\s+/).filter((s) => s.length > 0);
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`Bad phrase "${phrase}": ${why}`);
  };
  const cap = (seqs: Seq[]): Seq[] => (seqs.length > MAX_EXPANSIONS ? fail('too many alternatives') : seqs);

  function parseAlts(close: string | null): Seq[] {
    const out: Seq[] = [];
    for (;;) {
      for (const s of parseSeq()) out.push(s);
      const tok = src[pos];
      if (tok === '|') { pos++; continue; }
      if (close === null) { if (tok !== undefined) fail(`unexpected "${tok}"`); return cap(out); }
      if (tok !== close) fail(`missing "${close}"`);
      pos++;
      return cap(out);
    }
  }

  function parseSeq(): Seq[] {
    let acc: Seq[] = [[]];
    for (;;) {
      const tok = src[pos];
      if (tok === undefined || tok === '|' || tok === ')' || tok === ']') return acc;
      pos++;
      let options: Seq[];
      if (tok === '(') options = asSet(parseAlts(')'));
      else if (tok === '[') options = [...asSet(parseAlts(']')), []];
      else options = [parseAtom(tok)];
      const next: Seq[] = [];
      for (const a of acc) for (const o of options) next.push([...a, ...o]);
      acc = cap(next);
    }
  }

  function parseAtom(tok: string): Seq {
    const gap = /^\*(\d*)$/.exec(tok);
    if (gap) {
      const max = gap[1] ? Number(gap[1]) : DEFAULT_GAP;
      if (max < 1 || max > MAX_GAP) fail(`gap must be 1..${MAX_GAP}`);
      return [{ t: 'gap', max }];
    }
    const num = /^#(\d{1,6})-(\d{1,6})$/.exec(tok);
    if (num) {
      const min = Number(num[1]);
      const max = Number(num[2]);
      if (min > max) fail(`empty number range "${tok}"`);
      return [{ t: 'number', min, max }];
    }
    if (tok.startsWith('#')) fail(`number ranges are written #N-M`);
    if (tok.endsWith('*')) {
      const words = foldWords(tok.slice(0, -1));
      const last = words.pop();
      if (last === undefined || last.length < 3) fail(`prefix "${tok}" too short (3 letters at least)`);
      return [...words.map((word): PatternItem => ({ t: 'word', word })), { t: 'prefix', prefix: last as string }];
    }
    if (tok.includes('*')) fail(`"*" only as a gap or at the end of a word`);
    if (tok.includes('?')) fail('write optional words as [word], not word?');
    const words = foldWords(tok);
    return words.map((word): PatternItem => ({ t: 'word', word }));
  }

  const seqs = parseAlts(null).map(mergeGaps);
  const out: Seq[] = [];
  const seen = new Set<string>();
  for (const s of seqs) {
    if (s.length === 0) continue;
    const first = s[0] as PatternItem;
    const last = s[s.length - 1] as PatternItem;
    if (first.t === 'gap' || last.t === 'gap') fail('a gap cannot start or end a phrase');
    const key = keyOf(s);
    if (!seen.has(key)) { seen.add(key); out.push(s); }
  }
  if (out.length === 0) fail('no words');
  return out;
}

/** A cheap identity for a sequence, to drop duplicate expansions (JSON.stringify was most of compile time). */
function keyOf(seq: Seq): string {
  let key = '';
  for (const item of seq) key += `${itemKey(item)}\u0001`;
  return key;
}

function itemKey(item: PatternItem): string {
  switch (item.t) {
    case 'word': return `w${item.word}`;
    case 'prefix': return `p${item.prefix}`;
    case 'number': return `n${item.min}-${item.max}`;
    case 'gap': return `g${item.max}`;
    case 'set': return `s${item.items.map(itemKey).join('\u0002')}`;
  }
}

/**
 * Alternatives that are each a single word collapse into one set item, so "(pain|ache|sore)"
 * costs one phrase rather than three and long alternative lists do not multiply out.
 */
function asSet(options: Seq[]): Seq[] {
  const singles: SingleItem[] = [];
  for (const o of options) {
    const only = o[0];
    if (o.length !== 1 || only === undefined || (only.t !== 'word' && only.t !== 'prefix' && only.t !== 'number')) return options;
    singles.push(only);
  }
  return singles.length > 1 ? [[{ t: 'set', items: singles }]] : options;
}

/** Adjacent gaps (from optional groups) merge into one, capped at the maximum. */
function mergeGaps(seq: Seq): Seq {
  const out: Seq = [];
  for (const item of seq) {
    const prev = out[out.length - 1];
    if (item.t === 'gap' && prev !== undefined && prev.t === 'gap') {
      out[out.length - 1] = { t: 'gap', max: Math.min(MAX_GAP, prev.max + item.max) };
    } else out.push(item);
  }
  return out;
}
