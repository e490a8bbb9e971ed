import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { findLocalesDir } from './localesDir';
import { localeProblems } from './localeCheck';

/** Message namespaces: one JSON file each under locales/<lng>/. Lexicons are data, not messages. */
export const MESSAGE_NAMESPACES = ['common', 'welcome', 'explain', 'symptoms', 'outcome', 'faq'] as const;
export type Namespace = (typeof MESSAGE_NAMESPACES)[number];

type Json = { [key: string]: Json } | string | string[];

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

const MEMO_LIMIT = 10_000;

/**
 * A translator that remembers its answers. Messages depend only on the language (fixed here),
 * the key(s) and the options, and i18next is deterministic for those, so the result can be
 * reused: this saves about a fifth of a turn's CPU (bench/RESULTS.md). Bounded: the memo is
 * dropped when it reaches MEMO_LIMIT entries (options carry only deployment values and small
 * codes, never patient text).
 */
function memoise(t: TFunction): TFunction {
  const memo = new Map<string, string>();
  const plain = t as unknown as (keys: string | string[], options?: object) => string;
  const memoised = (keys: string | string[], options?: object): string => {
    const id = JSON.stringify([keys, options ?? null]);
    let text = memo.get(id);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = plain(keys, options);
      memo.set(id, text);
    }
    return text;
  };
  return memoised as unknown as TFunction;
}

export interface Localizer {
  /** Languages whose every file and key matches English (S6). */
  languages: readonly string[];
  /** The best supported language for a channel locale such as "es-MX", else the default. */
  negotiate(locale: string | undefined): string;
  /** A translator fixed to one language for the whole turn. */
  fixedT(lng: string): TFunction;
  instance: i18n;
}

/** True when a language has every file, key, plural form and placeholder that English has (S6). */
export function isComplete(localesDir: string, lng: string): boolean {
  return localeProblems(localesDir, lng).length === 0;
}

/**
 * Builds a private i18next instance (never the global one) with every complete language
 * loaded synchronously, so the first turn never waits on I/O.
 */
export function createLocalizer(defaultLocale = 'en', localesDir: string = findLocalesDir()): Localizer {
  const languages = fs.readdirSync(localesDir)
    .filter((d) => fs.statSync(path.join(localesDir, d)).isDirectory())
    .filter((lng) => lng === 'en' || isComplete(localesDir, lng))
    .sort();
  const resources = Object.fromEntries(languages.map((lng) => [lng,
    Object.fromEntries(MESSAGE_NAMESPACES.map((ns) => [ns, readJson(path.join(localesDir, lng, `${ns}.json`))]))]));
  const fallback = languages.includes(defaultLocale) ? defaultLocale : 'en';
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: fallback,
    fallbackLng: 'en',
    ns: [...MESSAGE_NAMESPACES],
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  const negotiate = (locale: string | undefined): string => {
    if (!locale) return fallback;
    const lower = locale.toLowerCase();
    return languages.find((l) => l.toLowerCase() === lower)
      ?? languages.find((l) => l.toLowerCase() === lower.split(/[-_]/)[0])
      ?? fallback;
  };
  const memos = new Map<string, TFunction>();
  const fixedT = (lng: string): TFunction => {
    let t = memos.get(lng);
    if (!t) memos.set(lng, (t = memoise(instance.getFixedT(lng))));
    return t;
  };
  return { languages, negotiate, fixedT, instance };
}
