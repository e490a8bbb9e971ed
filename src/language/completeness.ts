/**
 * What makes a language complete (S6), checked against English file by file: every key (plural
 * keys in exactly the language's own CLDR plural forms), the same placeholders, no empty lists,
 * and a red-flag lexicon that compiles. Used by the localizer to decide what it offers, by the
 * tests, and by `npm run locales:check` for translators.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readMeta } from './offered';
import { findLocalesDir } from './localesDir';
import { loadLexicon } from './lexicons';

type Json = { [key: string]: Json } | string | string[];

/** Files every offered language must have: the messages, commands, web page text and lexicons. */
export function languageFiles(localesDir: string): string[] {
  return fs.readdirSync(path.join(localesDir, 'en')).filter((f) => f.endsWith('.json') && f !== 'meta.json').sort();
}

/** Every leaf (text, list, or anything else a translator may have typed: null, a number) by its dotted key. */
function leaves(value: Json, prefix = ''): [string, string | string[]][] {
  if (typeof value === 'string' || Array.isArray(value)) return [[prefix, value]];
  if (value === null || typeof value !== 'object') return [[prefix, value as unknown as string]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** A list of words or phrases (as English has it) must hold only non-empty text. */
const textList = (list: readonly unknown[]): boolean => list.every((item) => typeof item === 'string' && item.trim() !== '');

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A plural key's base ("offer_carer_one" → "offer_carer"); null for a key that is not plural. */
export function pluralBase(key: string): string | null {
  const m = PLURAL.exec(key);
  return m ? key.slice(0, m.index) : null;
}
const placeholders = (text: string): string => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

/** The CLDR plural forms a language needs ("pl" → one, few, many, other). */
export function pluralForms(lng: string): string[] {
  return [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories];
}

/**
 * The keys `lng` must have for one English file: English keys as they are, except plural keys
 * (`x_one`, `x_other`), which become `x_<form>` for each of the language's own forms.
 * Returns each required key with the English text whose placeholders it must carry.
 */
export function requiredKeys(en: Json, lng: string): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  const forms = pluralForms(lng);
  for (const [key, value] of leaves(en)) {
    const base = pluralBase(key);
    if (base === null) { out.set(key, value); continue; }
    for (const form of forms) if (!out.has(`${base}_${form}`)) out.set(`${base}_${form}`, value);
  }
  return out;
}

/** True when a plural form is chosen for exactly one whole number ("ar" one → 1, two → 2; not Russian one → 1, 21, 31 …). */
export function formIsOneNumber(lng: string, form: string): boolean {
  const rules = new Intl.PluralRules(lng);
  let matches = 0;
  for (let n = 0; n <= 1000 && matches < 2; n++) if (rules.select(n) === form) matches += 1;
  return matches === 1;
}

/**
 * A plural form chosen for exactly one number may write that number as a word and leave out the
 * placeholder holding it (Arabic "بعد يوم واحد", never "بعد 1 يوم"); every other placeholder stays.
 */
function spelledOut(lng: string, key: string, value: string, source: string): boolean {
  const form = PLURAL.exec(key)?.[1];
  if (!form || !formIsOneNumber(lng, form)) return false;
  const mine = new Set(placeholders(value).split(',').filter(Boolean));
  const theirs = placeholders(source).split(',').filter(Boolean);
  return [...mine].every((p) => theirs.includes(p)) && theirs.filter((p) => !mine.has(p)).every((p) => p === 'days' || p === 'count' || p === 'min');
}

/**
 * Every way `lng` falls short of English (every English key, and its own plural forms); empty when the language is complete.
 * `compileLexicon: false` checks the red-flag lexicon's keys but does not compile it (start-up: it is compiled on first use).
 */
export function localeProblems(localesDir: string, lng: string, options: { compileLexicon?: boolean } = {}): string[] {
  const problems: string[] = [];
  try {
    readMeta(localesDir, lng);
  } catch (err) {
    problems.push(`${lng}/meta.json: ${(err as Error).message}`);
  }
  for (const file of languageFiles(localesDir)) {
    const target = path.join(localesDir, lng, file);
    if (!fs.existsSync(target)) { problems.push(`${lng}/${file}: missing file`); continue; }
    let mine: Json;
    let en: Json;
    try {
      mine = JSON.parse(fs.readFileSync(target, 'utf8')) as Json;
      en = JSON.parse(fs.readFileSync(path.join(localesDir, 'en', file), 'utf8')) as Json;
    } catch (err) {
      problems.push(`${lng}/${file}: ${(err as Error).message}`);
      continue;
    }
    const have = new Map(leaves(mine));
    const need = requiredKeys(en, lng);
    // Every English key exists in every language too, English's plural forms included: Chinese
    // (one form, "other") still carries `x_one`, unused by its grammar, with the same text.
    for (const [key, value] of leaves(en)) if (!need.has(key)) need.set(key, value);
    for (const [key, source] of need) {
      const value = have.get(key);
      if (value === undefined) problems.push(`${lng}/${file}: missing key ${key}`);
      else if (Array.isArray(source)) {
        if (!Array.isArray(value) || (source.length > 0 && value.length === 0)) problems.push(`${lng}/${file}: ${key} must be a non-empty list`);
        else if (textList(source) && !textList(value)) problems.push(`${lng}/${file}: ${key} must list only non-empty text`);
      } else if (typeof value !== 'string' || value.trim() === '') problems.push(`${lng}/${file}: ${key} must be non-empty text`);
      else if (placeholders(value) !== placeholders(source) && !spelledOut(lng, key, value, source)) problems.push(`${lng}/${file}: ${key} placeholders {${placeholders(value)}} differ from English {${placeholders(source)}}`);
    }
    for (const key of have.keys()) if (!need.has(key)) problems.push(`${lng}/${file}: extra key ${key}`);
    if (file === 'redflags.json' && problems.length === 0 && options.compileLexicon !== false) {
      // Compiled through the cache, so the start-up check and the bot share one compilation.
      try { loadLexicon(lng, localesDir); } catch (err) { problems.push(`${lng}/${file}: ${(err as Error).message}`); }
    }
  }
  return problems;
}

/** `npm run locales:check -- [lng ...]`: prints each language's problems; exit 1 if any. */
function main(argv: readonly string[]): number {
  const dir = findLocalesDir();
  const lngs = argv.length > 0 ? argv : fs.readdirSync(dir).filter((d) => d !== 'en' && fs.statSync(path.join(dir, d)).isDirectory());
  let bad = 0;
  for (const lng of lngs) {
    const problems = localeProblems(dir, lng);
    console.log(problems.length === 0 ? `${lng}: complete` : `${lng}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    if (problems.length > 0) bad++;
  }
  return bad === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
