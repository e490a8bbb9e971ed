/**
 * A per-language rule written in code: English and Spanish sound spellings. It applies only to
 * the words a lexicon lists in its data (spelling.sounds).
 *
 * Sound-alike spelling for the few words where a missed red flag costs most.
 *
 * Edit distance (fuzzy.ts) catches slips of the finger ("brethless"), not spelling by ear or
 * voice-to-text: "cofing", "coffin up", "kofing" and "caughing" are all "coughing"; "bluid" and
 * "blod" are "blood"; "dezmayo" and "desmallo" are "desmayo". soundKey() folds such spellings to
 * one key: common English and Spanish sound spellings are merged (ough/augh → f, ph → f,
 * c/k/q → k, soft c/z → s, ll → y, v → b, silent h), doubled letters are collapsed, every vowel
 * run becomes one "a", and a final "ng" becomes "n".
 *
 * The key is lossy on purpose, so only the words listed in the lexicon's spelling.sounds take
 * part, and only for typed words that are neither lexicon words nor near typos of one, nor in
 * spelling.keep. Keys shorter than MIN_KEY never match ("cuff" must not become "cough").
 */

/** Shortest key that may match: three letters collide with too many real words. */
export const MIN_KEY = 4;
/** Shortest typed word considered. */
export const MIN_TYPED = 4;

const STEPS: readonly [RegExp, string][] = [
  [/ough/g, 'of'], [/augh/g, 'af'], [/ph/g, 'f'], [/ch|sh/g, 'x'], [/th/g, 't'], [/ck|qu/g, 'k'],
  [/c(?=[eiy])/g, 's'], [/[cq]/g, 'k'], [/z/g, 's'], [/ll/g, 'y'], [/v/g, 'b'], [/h/g, ''],
  [/(.)\1+/g, '$1'], [/[aeiouy]+/g, 'a'], [/ng$/, 'n'],
];

/** The sound key of a folded word (lower case, no accents). Linear in its length; never throws. */
export function soundKey(word: string): string {
  let s = word;
  for (const [re, to] of STEPS) s = s.replace(re, to);
  return s;
}

/** Sound keys of the listed words; the first word listed wins a shared key. */
export class SoundIndex {
  private readonly byKey = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      const key = soundKey(w);
      if (key.length >= MIN_KEY && !this.byKey.has(key)) this.byKey.set(key, w);
    }
  }

  /** The listed word `typed` sounds like, or null. */
  like(typed: string): string | null {
    if (typed.length < MIN_TYPED || this.byKey.size === 0) return null;
    const w = this.byKey.get(soundKey(typed));
    return w === undefined || w === typed ? null : w;
  }
}
