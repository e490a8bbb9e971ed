/**
 * Red-flag lexicons compiled on first use instead of at start-up. Compiling all ten took most of
 * a 3 s start (Arabic alone 0.6 s); now a language is compiled the first time a message needs it
 * (the screen asks for the conversation's language, English and the language a message is written
 * in), once per process (loadLexicon's cache). The first message in a language pays for its compile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findLocalesDir } from './localesDir';
import { loadLexicon } from './lexicons';
import type { Lexicon } from '../triage/recognizer';

export interface Lexicons {
  /** Every language with a red-flag lexicon file, compiled yet or not (sorted). */
  readonly languages: readonly string[];
  /** The compiled lexicon of `lng` (compiled now on its first use), or undefined when it has none or it does not compile. */
  get(lng: string): Lexicon | undefined;
}

/** `onError` is told once about each lexicon that does not compile; that language is then read with English only. */
export function lazyLexicons(onError: (lng: string, error: Error) => void, localesDir: string = findLocalesDir()): Lexicons {
  const languages = fs.readdirSync(localesDir).filter((lng) => fs.existsSync(path.join(localesDir, lng, 'redflags.json'))).sort();
  const known = new Set(languages);
  const failed = new Set<string>();
  const get = (lng: string): Lexicon | undefined => {
    if (!known.has(lng) || failed.has(lng)) return undefined;
    try {
      return loadLexicon(lng, localesDir); // compiled on its first call, then from loadLexicon's cache
    } catch (err) {
      failed.add(lng);
      onError(lng, err as Error);
      return undefined;
    }
  };
  return { languages, get };
}
