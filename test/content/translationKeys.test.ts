import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/commands';
import { MESSAGE_NAMESPACES } from '../../src/i18n';
import { pluralBase } from '../../src/localeCheck';
import { QUESTIONS } from '../../src/triage';

const ROOT = path.resolve(__dirname, '../..');
const NS = MESSAGE_NAMESPACES.join('|');

function flat(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  return Object.entries(value as object).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Keys written literally in the code ('ns:key'), plus the families built from data. */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  const literal = new RegExp(`['\`](${NS}):([\\w.]+)['\`]`, 'g');
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'dialogs'))]) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(literal)) used.add(`${m[1]}:${m[2]}`);
  }
  const levels = ['emergency', 'urgent', 'soon', 'selfCare'];
  for (const q of QUESTIONS) used.add(`symptoms:${q.id}`);
  for (const topic of TOPICS) used.add(`faq:topics.${topic}`).add(`faq:answers.${topic}`);
  for (const level of levels) used.add(`outcome:${level}.title`).add(`outcome:summary.advice_${level}`);
  // i18next context: outcome:urgent.where + { context: 'line' | 'noLine' }
  used.delete('outcome:urgent.where');
  used.add('outcome:urgent.where_line').add('outcome:urgent.where_noLine');
  // "about" is chosen by review status: { context: 'pending' | 'approved' }
  used.delete('common:about');
  used.add('common:about_pending').add('common:about_approved');
  // ... and { context: 'single' } when the repeat-scan window is one day
  used.add('outcome:soon.window_single').add('faq:answers.repeatScanWindow_single');
  used.add('explain:professional');
  return used;
}

/** A carer's wording (`<key>_carer`, or `<key>_carer_<context>`) is used wherever its patient wording is. */
function carerBase(key: string): string {
  return key.replace(/_carer(_\w+)?$/, (_, context: string | undefined) => context ?? '');
}

/** A plural key (`x_one`, `x_other`) is used as `x` with a count. */
const withoutPlural = (key: string): string => pluralBase(key) ?? key;

describe('translation keys', () => {
  const defined = new Set(MESSAGE_NAMESPACES.flatMap((ns) => flat(JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en', `${ns}.json`), 'utf8'))).map((k) => withoutPlural(`${ns}:${k}`))));
  const used = usedKeys();

  it('H06: every key the code uses exists in English', () => {
    expect([...used].filter((k) => !defined.has(k))).toEqual([]);
    expect([...defined].filter((k) => k.includes('_carer') && !defined.has(carerBase(k))), 'carer wording without a patient wording').toEqual([]);
  });

  it('no English key is unused', () => {
    expect([...defined].filter((k) => !used.has(k) && !used.has(carerBase(k)))).toEqual([]);
  });
});
