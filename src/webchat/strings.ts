import fs from 'node:fs';
import path from 'node:path';
import { matchLanguage } from '../language/offered';
import { isolatePlaceholders } from '../language/bidi';
import { findLocalesDir } from '../language/localesDir';

/** The page's own words (locales/<lng>/web.json): title, footer, emergency banner. */
export type WebStrings = Readonly<Record<string, string>>;

/** Scripts written right to left; a language added to locales/ in one of these turns the page around. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

const base = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RTL.has(base(lang)) ? 'rtl' : 'ltr';
}

/**
 * The locale Web Chat gets for its own words (screen-reader labels such as "Bot said:", the
 * message box, "Send", timestamps). Web Chat 4.18 ships complete strings for en, es, fr, de, pl,
 * pt (pt-BR and pt-PT), ro, ar and zh-Hans; for Arabic only ar-SA is complete (ar-EG and ar-JO
 * hold a few dozen strings and show the rest in English), so every Arabic variant gets ar-SA.
 * It has none for Urdu: there its English stands (Hindi's would be in a script Urdu readers do
 * not read). The browser's regional variant is kept where Web Chat knows it (es-MX, pt-BR).
 */
export function webChatLocale(lng: string, asked?: string): string {
  if (base(lng) === 'ar') return 'ar-SA';
  if (asked && base(asked) === base(lng) && base(lng) !== 'zh') return asked;
  return lng;
}

/** Language tags from an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((e) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(e.tag) && e.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((e) => e.tag);
}

/** The first candidate the bot speaks (the same matching as the bot's: "pt-BR" → "pt", "zh-CN" → "zh-Hans"), else the fallback. */
export function pickLanguage(candidates: readonly string[], languages: readonly string[], fallback: string): string {
  for (const candidate of candidates) {
    const lng = matchLanguage(candidate, languages);
    if (lng) return lng;
  }
  return fallback;
}

/** Replaces {{name}} placeholders; values are plain text (HTML escaping is the page's job). */
export function fillIn(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Reads web.json for every offered language once at start-up and fills in the deployment's
 * numbers (isolated in a right-to-left language, bidi.ts). The i18n parity check (S6) already guarantees each offered language has the file
 * and every key English has.
 */
export function loadWebStrings(languages: readonly string[], values: Readonly<Record<string, string>>, localesDir: string = findLocalesDir()): ReadonlyMap<string, WebStrings> {
  const out = new Map<string, WebStrings>();
  for (const lng of languages) {
    const file = path.join(localesDir, lng, 'web.json');
    if (!fs.existsSync(file)) continue;
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    const own = isolatePlaceholders(values, textDirection(lng));
    const strings = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string').map(([k, v]) => [k, fillIn(v, own)]));
    out.set(lng, Object.freeze(strings));
  }
  if (!out.has('en')) throw new Error('locales/en/web.json is missing');
  return out;
}
