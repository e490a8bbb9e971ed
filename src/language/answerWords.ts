import fs from 'node:fs';
import path from 'node:path';
import { findLocalesDir } from './localesDir';
import { foldText } from '../triage/recognizer/tokenize';

/** The lists of locales/<lng>/answers.json (see its `_about`). */
export const ANSWER_LISTS = ['agree', 'refuse', 'confused', 'since', 'hedges', 'gone', 'better', 'same', 'worse', 'still', 'carer', 'whyClotFound', 'whyNoScan', 'whyArmScan', 'whyUnder18'] as const;
export type AnswerList = (typeof ANSWER_LISTS)[number];

/** How patients word their answers in one language: phrases found as whole words in a reply. */
export interface AnswerWords {
  /** True when a phrase of the list appears as whole words in the reply. */
  has(list: AnswerList, text: string): boolean;
  /** True when the whole reply is one phrase of the list. */
  is(list: AnswerList, text: string): boolean;
  /** The reply with every phrase of the list taken out (for "a bit better" → "better"). */
  without(list: AnswerList, text: string): string;
}

/** The reply cut at clause punctuation (Latin, Arabic, Urdu and Chinese): answer phrases never reach across it. */
export function clausesOf(text: string): string[] {
  return text.split(/[,.;:!?\n،؛۔。，；！？]+/);
}

const clauses = (text: string): string[] => clausesOf(text).map(pad).filter((c) => c.trim() !== '');

const pad = (text: string): string => ` ${foldText(text).replace(/\?/g, ' ').replace(/\s+/g, ' ').trim()} `;

/** A phrase written "=word" counts only as a whole clause: German "=gleich" is "the same" alone, not in "ich schau gleich nach" (in a moment). */
const WHOLE = '=';

export function compileAnswerWords(file: Record<string, unknown>): AnswerWords {
  const lists = new Map<AnswerList, string[]>();
  const wholes = new Map<AnswerList, string[]>();
  for (const name of ANSWER_LISTS) {
    const raw = file[name];
    const written = Array.isArray(raw) ? raw.filter((p): p is string => typeof p === 'string') : [];
    const phrases = written.filter((p) => !p.startsWith(WHOLE)).map(pad).filter((p) => p.trim() !== '');
    // Longest first, so "a little bit" is taken out before "a little".
    lists.set(name, [...new Set(phrases)].sort((a, b) => b.length - a.length));
    wholes.set(name, written.filter((p) => p.startsWith(WHOLE)).map((p) => pad(p.slice(WHOLE.length))).filter((p) => p.trim() !== ''));
  }
  const of = (name: AnswerList): string[] => lists.get(name) ?? [];
  const whole = (name: AnswerList): string[] => wholes.get(name) ?? [];
  return {
    // Within one clause: a phrase never reaches across a comma or a full stop ("No, they told me if
    // it got worse to come back" holds no "they told me" answer).
    has: (name, text) => clauses(text).some((clause) => of(name).some((p) => clause.includes(p)) || whole(name).includes(clause)),
    is: (name, text) => of(name).includes(pad(text)) || whole(name).includes(pad(text)),
    without: (name, text) => {
      let padded = pad(text);
      if (whole(name).includes(padded)) return '';
      for (const p of of(name)) while (padded.includes(p)) padded = padded.replace(p, ' ');
      return padded.trim();
    },
  };
}

const cache = new Map<string, AnswerWords>();

/** locales/<lng>/answers.json, compiled once per language. */
export function loadAnswerWords(lng: string, localesDir: string = findLocalesDir()): AnswerWords {
  const key = `${localesDir}:${lng}`;
  let words = cache.get(key);
  if (!words) {
    words = compileAnswerWords(JSON.parse(fs.readFileSync(path.join(localesDir, lng, 'answers.json'), 'utf8')) as Record<string, unknown>);
    cache.set(key, words);
  }
  return words;
}
