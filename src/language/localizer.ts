import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { isolatePlaceholders } from './bidi';
import { findLocalesDir } from './localesDir';
import { localeProblems } from './completeness';
import { CONTENT_VERSION } from '../content/version';
import { effectiveStatus, matchLanguage, offeredLanguages, readMeta, type LanguageMeta, type LanguagePolicy, type ReviewStatus } from './offered';

/** Message namespaces: one JSON file each under locales/<lng>/. Lexicons are data, not messages. */
export const MESSAGE_NAMESPACES = ['common', 'welcome', 'explain', 'symptoms', 'outcome', 'faq'] as const;
type Namespace = (typeof MESSAGE_NAMESPACES)[number];

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
 * In a right-to-left language the deployment's numbers and contact text are isolated here, the
 * one place every message passes through, so every channel shows their digits in order (bidi.ts).
 */
function memoise(t: TFunction, direction: 'ltr' | 'rtl'): TFunction {
  const memo = new Map<string, string>();
  const plain = t as unknown as (keys: string | string[], options?: object) => string;
  const memoised = (keys: string | string[], options?: object): string => {
    const id = JSON.stringify([keys, options ?? null]);
    let text = memo.get(id);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = plain(keys, options && isolatePlaceholders(options, direction));
      memo.set(id, text);
    }
    return text;
  };
  return memoised as unknown as TFunction;
}

export interface Localizer {
  /** Languages offered: complete (S6), enabled by the deployment, and reviewed unless drafts are allowed. */
  languages: readonly string[];
  /** The language for the first offered of these locale tags ("pt-BR" → "pt", "zh-CN" → "zh-Hans"), else the default. */
  negotiate(...locales: (string | undefined)[]): string;
  /** A translator fixed to one language for the whole turn. */
  fixedT(lng: string): TFunction;
  /** Direction and recorded review of a language. */
  meta(lng: string): LanguageMeta;
  /** Review status that counts now: a review of older content counts as a draft (effectiveStatus). */
  status(lng: string): ReviewStatus;
  instance: i18n;
}

/** True when a language has every file, key, plural form and placeholder that English has (S6); `compileLexicon: false` leaves its lexicon's compilation to first use. */
export function isComplete(localesDir: string, lng: string, compileLexicon = true): boolean {
  return localeProblems(localesDir, lng, { compileLexicon }).length === 0;
}

/**
 * Builds a private i18next instance (never the global one) with every complete language
 * loaded synchronously, so the first turn never waits on I/O.
 */
export function createLocalizer(defaultLocale = 'en', localesDir: string = findLocalesDir(), policy: LanguagePolicy = { enabled: null, allowDrafts: true }): Localizer {
  // The policy (enabled languages, review status) is applied first, so only languages that could be
  // offered pay for the full completeness check: in production with drafts off that is English alone.
  // The check reads every key of the red-flag lexicon but does not compile it: that is done on first
  // use and just after start-up (lazyLexicons.ts); `npm run locales:check` and the tests compile them all.
  const metas = new Map<string, LanguageMeta>();
  for (const lng of fs.readdirSync(localesDir).filter((d) => fs.statSync(path.join(localesDir, d)).isDirectory())) {
    try { metas.set(lng, readMeta(localesDir, lng)); } catch { /* no valid meta.json: not complete, never offered */ }
  }
  const meta = (lng: string): LanguageMeta => {
    const found = metas.get(lng);
    if (!found) throw new Error(`no such language: ${lng}`);
    return found;
  };
  const status = (lng: string): ReviewStatus => effectiveStatus(meta(lng), CONTENT_VERSION);
  const languages = offeredLanguages([...metas.keys()].sort(), status, policy)
    .filter((lng) => lng === 'en' || isComplete(localesDir, lng, false));
  const resources = Object.fromEntries(languages.map((lng) => [lng,
    Object.fromEntries(MESSAGE_NAMESPACES.map((ns) => [ns, readJson(path.join(localesDir, lng, `${ns}.json`))]))]));
  const fallback = matchLanguage(defaultLocale, languages) ?? 'en';
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
  const negotiate = (...locales: (string | undefined)[]): string => {
    for (const locale of locales) {
      const lng = matchLanguage(locale, languages);
      if (lng) return lng;
    }
    return fallback;
  };
  const memos = new Map<string, TFunction>();
  const fixedT = (lng: string): TFunction => {
    let t = memos.get(lng);
    if (!t) memos.set(lng, (t = memoise(instance.getFixedT(lng), metas.get(lng)?.dir ?? 'ltr')));
    return t;
  };
  return { languages, negotiate, fixedT, meta, status, instance };
}
