/**
 * Interns lexicon words to ids and resolves a typed token to the ids it can stand for:
 * its exact word, else the nearest lexicon word within the typo budget, plus any prefix
 * patterns ("palpitat*") it starts with. An unknown word that sounds like one listed in
 * spelling.sounds (sounds.ts) resolves as that word, before any typo reading: "cofing" is "coughing".
 *
 * Resolutions are memoised per lexicon because the same everyday words recur in almost every
 * message; the memo is bounded so hostile input cannot grow it without limit. It is a cache,
 * not state: the answer for a token never depends on what was resolved before.
 */
import { FuzzyIndex, MAX_FUZZY_LENGTH } from './fuzzy';
import { SoundIndex } from './sounds';
import { StemIndex } from './stem';

const NONE: readonly number[] = Object.freeze([]);
const MEMO_LIMIT = 20000;
const MEMO_MAX_TOKEN = 40;

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private readonly prefixes: { prefix: string; id: number }[] = [];
  private readonly ranges: { min: number; max: number; id: number }[] = [];
  private readonly keep = new Set<string>();
  private fuzzy: FuzzyIndex | null = null;
  private proclitics: string[] = [];
  private sounds: SoundIndex = new SoundIndex([]);
  private stems: StemIndex = new StemIndex([]);
  private readonly memo = new Map<string, readonly number[]>();

  /** Id of an exact word, adding it when new. */
  word(w: string): number {
    return this.intern(w);
  }

  /** Id of a prefix pattern, adding it when new. */
  prefix(p: string): number {
    const key = `${p}*`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.intern(key);
    this.prefixes.push({ prefix: p, id });
    return id;
  }

  /** Id of a number range pattern ("#100-300"), adding it when new. */
  range(min: number, max: number): number {
    const key = `#${min}-${max}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.intern(key);
    this.ranges.push({ min, max, id });
    return id;
  }

  /** Real words that must never be corrected towards a lexicon word. */
  keepAsIs(words: Iterable<string>): void {
    for (const w of words) this.keep.add(w);
  }

  /** Words that also match by sound (spelling.sounds). */
  soundsLike(words: Iterable<string>): void {
    this.sounds = new SoundIndex(words);
  }

  /** Key verbs whose other forms resolve as the listed form (spelling.stems, stem.ts). */
  stemsLike(words: Iterable<string>): void {
    this.stems = new StemIndex(words);
  }

  /**
   * Particles glued to the front of a word (Arabic و "and", ف, ب, ل, ال "the" …, spelling.proclitics):
   * a typed word the lexicon does not know is read without them ("وبكح" as "بكح"), longest first,
   * when at least three letters remain: two-letter remains are too often other words ("ولما" must
   * not become the negation "ما").
   */
  procliticsOff(particles: Iterable<string>): void {
    this.proclitics = [...new Set(particles)].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
  }

  /** Builds the typo index; call once after every phrase is interned. */
  seal(): void {
    this.fuzzy = new FuzzyIndex(this.list, (id) => /^[\p{L}\p{N}]+$/u.test(this.list[id] as string));
  }

  /** The text of an id (prefix ids end with "*", ranges look like "#100-300"). */
  text(id: number): string {
    return this.list[id] ?? '';
  }

  get size(): number {
    return this.list.length;
  }

  /** Ids a typed (already folded) token can stand for; empty when it means nothing to the lexicon. */
  resolve(token: string): readonly number[] {
    const hit = this.memo.get(token);
    if (hit !== undefined) return hit;
    const out = this.compute(token);
    if (token.length <= MEMO_MAX_TOKEN) {
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(token, out);
    }
    return out;
  }

  /** The whole word's reading first; only a word that means nothing to the lexicon loses a particle. */
  private compute(token: string): readonly number[] {
    const whole = this.computeWhole(token);
    if (whole.length > 0 || this.proclitics.length === 0 || this.keep.has(token)) return whole;
    for (const p of this.proclitics) {
      if (token.length - p.length >= 3 && token.startsWith(p)) {
        const bare = this.computeWhole(token.slice(p.length));
        if (bare.length > 0) return bare;
      }
    }
    return whole;
  }

  private computeWhole(token: string): readonly number[] {
    let id = this.ids.get(token) ?? -1;
    if (id < 0 && !this.keep.has(token) && token.length <= MAX_FUZZY_LENGTH) {
      // Another form of a key verb ("ahogándome") is that verb, before any typo reading.
      const form = this.stems.like(token);
      if (form !== null && this.ids.has(form)) id = this.ids.get(form) as number;
    }
    if (id < 0 && !this.keep.has(token) && token.length <= MAX_FUZZY_LENGTH) {
      // A sound-alike of a listed word beats a typo reading ("cofing" is "coughing", not "coming").
      // The listed word resolves the ordinary way; like() never maps it to itself, so this ends.
      const like = this.sounds.like(token);
      if (like !== null) return this.computeWhole(like);
    }
    if (id < 0 && !this.keep.has(token) && this.fuzzy !== null && token.length <= MAX_FUZZY_LENGTH) {
      id = this.fuzzy.nearest(token);
    }
    let out: number[] | null = id >= 0 ? [id] : null;
    if (token.length <= MAX_FUZZY_LENGTH) {
      for (const p of this.prefixes) {
        if (token.startsWith(p.prefix)) (out ??= []).push(p.id);
      }
    }
    // A number with a unit or a rough marker glued on counts as the number: "130s", "140bpm", "110ish".
    const digits = this.ranges.length > 0 && token.length <= 9 ? /^(\d{1,6})(?:s|ish|bpm|plus)?$/.exec(token) : null;
    if (digits !== null) {
      const value = Number(digits[1]);
      for (const r of this.ranges) if (value >= r.min && value <= r.max) (out ??= []).push(r.id);
    }
    return out === null ? NONE : Object.freeze(out);
  }

  private intern(w: string): number {
    const known = this.ids.get(w);
    if (known !== undefined) return known;
    const id = this.list.length;
    this.list.push(w);
    this.ids.set(w, id);
    return id;
  }
}
