import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/language/commands';
import { MESSAGE_NAMESPACES } from '../../src/language/localizer';
import { pluralBase } from '../../src/language/completeness';
import { NO_SCAN_REASON } from '../../dialogs/welcomeDialog';
import { FLAG_FINDINGS, findingOf, QUESTIONS, RULES } from '../../src/triage';
import { REPEAT_CONTACT_REASON } from '../../src/triage/rules';

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
  // "Earlier you told me about <finding>": the finding of every reason code a held floor can carry (dialogs/floor.ts).
  const flagCodes = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en/redflags.json'), 'utf8')) as { flags: object }).flags);
  const reasons = [...RULES.map((r) => r.id), REPEAT_CONTACT_REASON, NO_SCAN_REASON, ...flagCodes.map((c) => `RF_${c.toUpperCase()}`), ...flagCodes.map((c) => `U_RF_${c.toUpperCase()}_UNSURE`), 'M_UNKNOWN'];
  for (const reason of reasons) used.add(`common:findings.${findingOf([reason])}`);
  // The direct question about a red flag the screen could only half read (dialogs/redFlagCheckDialog.ts), for every flag.
  for (const code of flagCodes) used.add(`common:redFlagQuestion.${code}`);
  // "This chat is not for you", by the reason chosen at the eligibility question (dialogs/welcomeDialog.ts).
  for (const why of ['clotFound', 'noScan', 'armScan', 'under18']) used.add(`welcome:notFor.${why}`);
  // Advice variants (dialogs/advice.ts): the kind of emergency, the urgent line now, whether a second scan was planned.
  for (const kind of ['bleeding', 'leg']) used.add(`outcome:emergency.body_${kind}`);
  for (const line of ['line', 'noLine']) used.add(`outcome:urgent.title_now_${line}`).add(`outcome:urgent.now_${line}`);
  for (const what of ['scanPlanned', 'either', 'askAboutScan']) used.add(`outcome:soon.what_${what}`);
  for (const variant of ['now', 'maternity']) used.add(`outcome:summary.advice_urgent_${variant}`);
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

  it('every red flag has a finding and a direct question of its own', () => {
    const flagCodes = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en/redflags.json'), 'utf8')) as { flags: object }).flags);
    expect([...FLAG_FINDINGS].sort()).toEqual([...flagCodes].sort());
  });

  it('no English key is unused', () => {
    expect([...defined].filter((k) => !used.has(k) && !used.has(carerBase(k)))).toEqual([]);
  });
});
