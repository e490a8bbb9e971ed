/**
 * Guesses the language of a patient's first message where the channel gives no locale (SMS).
 *
 * Script first: Han characters mean Chinese; Arabic script means Arabic or Urdu (letters only
 * Urdu uses, such as ٹ ڈ ڑ ں ے, decide when the words do not). Otherwise each offered
 * language's own vocabulary (its messages, commands, answer words and red-flag lexicon) votes:
 * a word counts 1/n when n languages share it, so "no" says little and "respirar" a lot. A
 * guess needs a clear lead; otherwise the answer is null and the default language stays.
 * Pure: no files, no SDK. Linear in the length of the message.
 */
import { isIdeograph, tokenize } from '../triage/recognizer/tokenize';

export interface Detector {
  detect(text: string): string | null;
}

const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const URDU_ONLY = /[\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06be\u06c1]/; // ٹ ڈ ڑ ں ے ۓ ھ ہ
/** Lead the best language needs over the next one. */
const MARGIN = 1.5;

export function buildDetector(vocabularies: ReadonlyMap<string, Iterable<string>>): Detector {
  const sets = new Map([...vocabularies].map(([lng, words]) => [lng, new Set(words)]));
  const weight = new Map<string, number>();
  for (const words of sets.values()) for (const w of words) weight.set(w, (weight.get(w) ?? 0) + 1);
  const has = (lng: string): boolean => sets.has(lng);

  const vote = (words: readonly string[], among: readonly string[]): string | null => {
    const scores = among.map((lng) => {
      const vocab = sets.get(lng) as Set<string>;
      let score = 0;
      for (const w of words) if (vocab.has(w)) score += 1 / (weight.get(w) ?? 1);
      return { lng, score };
    }).sort((a, b) => b.score - a.score);
    const [best, next] = scores;
    if (!best || best.score <= 0) return null;
    return !next || best.score >= MARGIN * next.score ? best.lng : null;
  };

  return {
    detect(text: string): string | null {
      if (typeof text !== 'string' || text.trim() === '') return null;
      const sample = text.length > 2000 ? text.slice(0, 2000) : text;
      const words = tokenize(sample).words;
      // Chinese when Chinese characters carry the message, not when one "谢谢" ends an English text.
      // The tokenizer makes each Chinese character a word of its own (isIdeograph, the same ranges).
      const han = words.filter((w) => isIdeograph(w.charCodeAt(0))).length;
      if (han > 0 && han >= 2 * (words.length - han)) return has('zh-Hans') ? 'zh-Hans' : null;
      if (ARABIC_SCRIPT.test(sample)) {
        const among = ['ar', 'ur'].filter(has);
        const byWords = vote(words, among);
        if (byWords) return byWords;
        if (URDU_ONLY.test(sample)) return has('ur') ? 'ur' : null;
        return has('ar') ? 'ar' : null;
      }
      return vote(words, [...sets.keys()]);
    },
  };
}

/** Every folded word in a JSON value's strings (phrase syntax characters count as spaces). */
export function wordsOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    for (const w of tokenize(value.replace(/\{\{\w+\}\}/g, ' ')).words) if (!/^\d+$/.test(w)) into.add(w);
  } else if (Array.isArray(value)) {
    for (const v of value) wordsOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) wordsOf(v, into);
  }
  return into;
}
