/**
 * Loads the per-language red-flag lexicons from locales/<lng>/redflags.json.
 *
 * Lives outside the pure triage core because it reads files. Compiling a lexicon costs a few
 * milliseconds, so each language is compiled once per process and cached. The locales folder is
 * found by walking up from this file, so the same code works from src/ (vitest runs TS directly)
 * and from dist/src/ (the compiled build).
 *
 * Phrase syntax inside the lexicon (full description in src/triage/recognizer/pattern.ts):
 *   words separated by spaces; "word*" = any word starting with "word"; "*" or "*N" = a gap of up
 *   to 3 (or N ≤ 6) words in the same clause; "(a|b c)" = alternatives; "[a b]" = optional.
 *   Case, accents, punctuation and apostrophes are ignored on both sides.
 *
 * Shape (both languages must have exactly the same object keys; arrays are free):
 *   flags.<code>: {level: "emergency"|"urgent", phrases}
 *   negation: pre (NegEx pre-triggers), post ("was ruled out"), pseudo (look like triggers but
 *     are not: "not sure", "can't … without"), hypothetical ("what if", "si"), historical
 *     ("years ago", "as usual": both directions), terminators ("but", "pero": close every scope
 *     and phrase gaps), newClause ("and I'm", "y me": close negation only), listJoiners ("or", "ni")
 *   trends: directions {worse, better, same, gone} (stand alone), modifiers {worse, better}
 *     ("more", "menos": only next to a feature), features {pain, swelling, redness, warmth, skin, symptoms}
 *   spelling.proclitics: particles glued to the front of words (Arabic و ف ب ال …): a typed word the
 *     lexicon does not know is read again without one
 *   answers {yes, no, unsure}; questions {asking, self}: a question word before a symptom with
 *     no reference to the patient anywhere is a general question, not a report
 *   spelling.keep: real words never typo-corrected; ignore: phrases that cancel a flag whose
 *     first or last word they cover ("blue stockings", "chest of drawers")
 *   concepts: rules.<flag> = [{anchors, problems, negators?, window?, loose?, vague?}]: an anchor ("chest") within
 *     `window` words of a problem ("tight") in one clause reads as that flag; stops ("and") part them unless loose
 *   The "possible" outcome (src/triage/recognizer/possible.ts): possible.hedges ("maybe", "a bit"),
 *     possible.explainers ("probably just nerves"), possible.vague ("weird", next to a concept anchor
 *     of a rule that does not say "vague": false), possible.pulse ("pulse", with a number 100-300);
 *     flags.<code>.possible (optional): weak signs of the flag ("dizzy"); questions.implied (optional):
 *     words that point at the asker's own state in a question ("this", "normal to be")
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findLocalesDir } from './localesDir';
import { compileLexicon, type Lexicon } from '../triage/recognizer';

const cache = new Map<string, Lexicon>();

/** The compiled lexicon for `lng`; throws a clear Error when the file is missing or malformed. */
export function loadLexicon(lng: string, localesDir?: string): Lexicon {
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lng)) throw new Error(`Lexicon: bad language tag "${lng}"`);
  const dir = localesDir ?? findLocalesDir();
  const file = path.join(dir, lng, 'redflags.json');
  const key = `${path.resolve(file)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Lexicon: cannot read ${file}: ${(err as Error).message}`);
  }
  let lexicon: Lexicon;
  try {
    lexicon = compileLexicon(raw);
  } catch (err) {
    throw new Error(`${(err as Error).message} (in ${file})`);
  }
  cache.set(key, lexicon);
  return lexicon;
}
