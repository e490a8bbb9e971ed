/**
 * A per-language rule written in code: Spanish verb endings. It applies only to the words a
 * lexicon lists in its data (spelling.stems); a lexicon that lists none is untouched.
 *
 * A light verb stemmer for a whitelist of key verbs (spelling.stems), so that every person,
 * tense, gerund and clitic of "ahogar" ("me ahogo", "se está ahogando", "me ahogué",
 * "ahogándome") reads as one word the lexicon already uses ("ahogo").
 *
 * Why a whitelist: stripping endings from every word would merge unrelated words ("tostada" is
 * no "tos"). Here a typed word is stemmed only to compare it with the stems of the listed words;
 * a typed word whose stem is not one of theirs is left alone. Both sides go through the same
 * steps, so spelling changes inside the verb are folded the same way: "ahogué"/"ahogar" (gu→g),
 * "alcancé"/"alcanzar" (c→z), "duele"/"doler" (ue→o), "tosió"/"toser".
 *
 * Linear in the word's length; never throws.
 */

/** Clitic pronouns that may be glued to the end of an infinitive, gerund or imperative. */
const CLITICS = ['nos', 'les', 'los', 'las', 'me', 'te', 'se', 'le', 'lo', 'la'];
/** Verb endings, longest first (accents are already folded away by the tokenizer). */
const ENDINGS = [
  'aramos', 'ieramos', 'abamos', 'iendo', 'yendo', 'aron', 'ieron', 'ando', 'aban', 'iera', 'ieras', 'ara', 'aras', 'aste', 'iste',
  'amos', 'emos', 'imos', 'aba', 'abas', 'ado', 'ada', 'ados', 'adas', 'ido', 'ida', 'idos', 'idas', 'ian', 'ias', 'ase',
  'ar', 'er', 'ir', 'an', 'en', 'as', 'es', 'ia', 'io', 'o', 'a', 'e', 'i',
];
/** Shortest stem kept: "tos" (toser) is three letters. */
const MIN_STEM = 3;

function tidy(stem: string): string {
  let s = stem;
  if (s.endsWith('gu')) s = s.slice(0, -1);
  else if (s.endsWith('qu')) s = `${s.slice(0, -2)}c`;
  if (s.endsWith('c')) s = `${s.slice(0, -1)}z`;
  const ue = s.lastIndexOf('ue');
  if (ue > 0) s = `${s.slice(0, ue)}o${s.slice(ue + 2)}`;
  return s;
}

function strip(word: string): string | null {
  for (const e of ENDINGS) {
    if (word.length - e.length >= MIN_STEM && word.endsWith(e)) return tidy(word.slice(0, -e.length));
  }
  return null;
}

/** Possible stems of a folded word: with up to two clitics removed, then one verb ending. */
export function stems(word: string): string[] {
  const out: string[] = [];
  let w = word;
  for (let round = 0; round < 3; round++) {
    const s = strip(w);
    if (s !== null && !out.includes(s)) out.push(s);
    const clitic = CLITICS.find((c) => w.length - c.length >= MIN_STEM + 1 && w.endsWith(c));
    if (clitic === undefined) break;
    w = w.slice(0, -clitic.length);
  }
  return out;
}

/** Stems of the listed words; a typed word sharing one resolves as that listed word. */
export class StemIndex {
  private readonly byStem = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const s = strip(w);
      if (s !== null && !this.byStem.has(s)) this.byStem.set(s, w);
    }
  }

  /** The listed word `typed` is a form of, or null. */
  like(typed: string): string | null {
    if (this.byStem.size === 0 || typed.length < MIN_STEM + 1 || typed.length > 30) return null;
    for (const s of stems(typed)) {
      const w = this.byStem.get(s);
      if (w !== undefined && w !== typed) return w;
    }
    return null;
  }
}
