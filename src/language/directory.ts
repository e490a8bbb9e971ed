/**
 * The offered languages as the conversation sees them: what each is called (to list and to
 * recognise "polski" or "in English"), the "language" command in every language, and the
 * first-message detector. Built once at start-up from locales/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalizeWords } from './commands';
import type { Localizer } from './localizer';
import { buildDetector, wordsOf, type Detector } from './detect';
import { findLocalesDir } from './localesDir';

export interface LanguageDirectory {
  /** Offered languages, in menu order (the default first). */
  readonly languages: readonly string[];
  /** A language's own name, as its speakers write it. */
  nameOf(lng: string): string;
  /** The writing direction of a language. */
  dirOf(lng: string): 'ltr' | 'rtl';
  /** True when the translation of `lng` still awaits review. */
  isDraft(lng: string): boolean;
  /** "language", "idioma", "język"…: asks for the language menu, in any offered language. */
  isLanguageCommand(text: string): boolean;
  /** The offered language this whole message names ("polski", "in English"), else null. */
  named(text: string): string | null;
  /**
   * The language a message is written in, when clear, among every language the bot can screen
   * (offered or not: a draft language switched off in production is still read for red flags), else null.
   */
  detect(text: string): string | null;
  /** Each offered language's own word for its language command ("language", "idioma", "语言"), menu order, no repeats. */
  commandWords(): readonly string[];
}

interface CommandsJson { commands: { language?: string[] }; self?: string[] }

const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * `screening` are the languages whose lexicons the bot reads messages with; by default the offered
 * ones. The app passes every language with a lexicon that compiles, offered or not.
 */
export function buildLanguageDirectory(localizer: Localizer, defaultLng: string, localesDir: string = findLocalesDir(), screening: readonly string[] = localizer.languages): LanguageDirectory {
  const languages = [...localizer.languages].sort((a, b) => (a === defaultLng ? -1 : b === defaultLng ? 1 : a.localeCompare(b)));
  const nameOf = (lng: string): string => localizer.fixedT(lng)('common:language.name');
  const commandPhrases = new Set<string>();
  const firstWords: string[] = [];
  const names = new Map<string, string>();
  const vocab = new Map<string, Set<string>>();
  for (const lng of languages) {
    const commands = read(path.join(localesDir, lng, 'commands.json')) as CommandsJson;
    for (const phrase of commands.commands.language ?? []) if (normalizeWords(phrase) !== '') commandPhrases.add(normalizeWords(phrase));
    const first = commands.commands.language?.[0];
    if (first !== undefined && !firstWords.some((w) => normalizeWords(w) === normalizeWords(first))) firstWords.push(first);
    for (const phrase of [...(commands.self ?? []), nameOf(lng)]) if (normalizeWords(phrase) !== '') names.set(normalizeWords(phrase), lng);
  }
  // The detector's vocabularies (every word of every file of every language) are read on its first
  // use (the first message), not at start-up.
  let detector: Detector | undefined;
  const detectorOf = (): Detector => {
    if (detector !== undefined) return detector;
    for (const lng of new Set([...languages, ...screening])) {
      const words = new Set<string>();
      for (const file of fs.readdirSync(path.join(localesDir, lng)).filter((f) => f.endsWith('.json') && f !== 'meta.json')) {
        wordsOf(read(path.join(localesDir, lng, file)), words);
      }
      vocab.set(lng, words);
    }
    return (detector = buildDetector(vocab));
  };
  // A phrase that names a language is never also the language command ("language" vs "english").
  for (const phrase of names.keys()) commandPhrases.delete(phrase);
  return {
    languages,
    nameOf,
    dirOf: (lng) => localizer.meta(lng).dir,
    isDraft: (lng) => localizer.status(lng) === 'draft',
    isLanguageCommand: (text) => commandPhrases.has(normalizeWords(text)),
    named: (text) => names.get(normalizeWords(text)) ?? null,
    detect: (text) => detectorOf().detect(text),
    commandWords: () => firstWords,
  };
}
