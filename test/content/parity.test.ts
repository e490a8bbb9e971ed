import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalizer, isComplete } from '../../src/language/localizer';
import { formIsOneNumber, localeProblems, requiredKeys } from '../../src/language/completeness';

const LOCALES = path.resolve(__dirname, '../../locales');
const languages = fs.readdirSync(LOCALES).filter((d) => fs.statSync(path.join(LOCALES, d)).isDirectory());

describe('S6: complete languages only', () => {
  for (const lng of languages.filter((l) => l !== 'en')) {
    it(`S6 H03 H06: ${lng} has every file, every key, its own plural forms and the same placeholders as English`, () => {
      expect(localeProblems(LOCALES, lng)).toEqual([]);
      expect(isComplete(LOCALES, lng)).toBe(true);
    });
  }

  it('plural keys need exactly the language\'s own CLDR forms', () => {
    const en = { days_one: '{{count}} day', days_other: '{{count}} days', plain: 'x' };
    expect([...requiredKeys(en, 'en').keys()]).toEqual(['days_one', 'days_other', 'plain']);
    expect([...requiredKeys(en, 'pl').keys()].sort()).toEqual(['days_few', 'days_many', 'days_one', 'days_other', 'plain']);
    expect([...requiredKeys(en, 'ar').keys()].filter((k) => k.startsWith('days_')).length).toBe(6);
    expect([...requiredKeys(en, 'zh-Hans').keys()]).toEqual(['days_other', 'plain']);
  });

  it('S6 H03: offers exactly the complete languages and negotiates regional locales to them', () => {
    const localizer = createLocalizer('en', LOCALES);
    expect(localizer.languages).toEqual(languages.filter((l) => l === 'en' || isComplete(LOCALES, l)).sort());
    expect(localizer.negotiate('es-MX')).toBe('es');
    expect(localizer.negotiate('ES_es')).toBe('es');
    expect(localizer.negotiate('en-GB')).toBe('en');
    expect(localizer.negotiate('xx-YY')).toBe('en');
    expect(localizer.negotiate(undefined)).toBe('en');
  });

  it('S6 H03: a language missing one key is not offered', () => {
    const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'afterscan-locales-'));
    fs.cpSync(LOCALES, tmp, { recursive: true });
    const common = JSON.parse(fs.readFileSync(path.join(tmp, 'es', 'common.json'), 'utf8')) as Record<string, unknown>;
    delete common.help;
    fs.writeFileSync(path.join(tmp, 'es', 'common.json'), JSON.stringify(common));
    expect(createLocalizer('en', tmp).languages).not.toContain('es');
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe('plural forms in use', () => {
  const localizer = createLocalizer('en');
  const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 100, 101, 1_000_000];

  for (const lng of localizer.languages) {
    it(`${lng}: every plural message has a form of its own for each count (never English, never the bare key)`, () => {
      const t = localizer.fixedT(lng);
      const en = localizer.fixedT('en');
      for (const key of ['outcome:soon.window', 'outcome:followUp.offer', 'outcome:followUp.booked', 'faq:answers.repeatScanWindow']) {
        for (const count of COUNTS) {
          const text = t(key, { count, days: String(count), min: 1, max: count, careTeam: 'X' });
          expect(text, `${lng} ${key} ${count}`).not.toBe(key.split(':')[1]);
          // The number is there, or it is spelled out in a form chosen for that number alone (Arabic "يوم واحد").
          if (!text.includes(String(count))) expect(formIsOneNumber(lng, new Intl.PluralRules(lng).select(count)), `${lng} ${key} ${count}`).toBe(true);
          if (lng !== 'en') expect(text, `${lng} ${key} ${count}`).not.toBe(en(key, { count, days: String(count), min: 1, max: count, careTeam: 'X' }));
        }
      }
    });
  }

  it.runIf(localizer.languages.includes('pl'))('the forms differ where the grammar does: Polish 1 and 2 days', () => {
    const pl = localizer.fixedT('pl');
    expect(pl('outcome:followUp.booked', { count: 1, days: '2' })).not.toBe(pl('outcome:followUp.booked', { count: 2, days: '2' }));
  });

  it.runIf(localizer.languages.includes('ar'))('the forms differ where the grammar does: Arabic 3 and 11 days, and one day is "يوم واحد"', () => {
    const ar = localizer.fixedT('ar');
    expect(ar('outcome:followUp.booked', { count: 3, days: '3' })).not.toBe(ar('outcome:followUp.booked', { count: 11, days: '3' }));
    // Issue 19: "بعد 1 يوم" (after 1 day) is not Arabic; one day is "يوم واحد".
    expect(ar('outcome:followUp.booked', { count: 1, days: '1' })).toContain('بعد يوم واحد');
    expect(ar('outcome:followUp.offer', { count: 1, days: '1' })).toContain('بعد يوم واحد');
    expect(formIsOneNumber('ar', 'one') && formIsOneNumber('ar', 'two') && !formIsOneNumber('ar', 'few')).toBe(true);
  });
});

describe('S6: what a translator may have typed by mistake', () => {
  it('null or a number where text belongs, or an empty item in a word list, makes a language incomplete', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-s6-'));
    fs.cpSync(LOCALES, tmp, { recursive: true });
    const commonFile = path.join(tmp, 'es', 'common.json');
    const common = JSON.parse(fs.readFileSync(commonFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(commonFile, JSON.stringify({ ...common, notUnderstood: null }));
    expect(localeProblems(tmp, 'es').join('\n')).toMatch(/notUnderstood must be non-empty text/);
    fs.writeFileSync(commonFile, JSON.stringify(common));
    const commandsFile = path.join(tmp, 'es', 'commands.json');
    const commands = JSON.parse(fs.readFileSync(commandsFile, 'utf8')) as { commands: Record<string, string[]> };
    commands.commands.help = ['ayuda', ''];
    fs.writeFileSync(commandsFile, JSON.stringify(commands));
    expect(localeProblems(tmp, 'es').join('\n')).toMatch(/commands.help must list only non-empty text/);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});

describe('S6: every English key exists in every language', () => {
  it('Chinese (plural form "other" only) still carries English\'s "_one" keys; without one it is incomplete', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-keys-'));
    fs.cpSync(LOCALES, tmp, { recursive: true });
    expect(localeProblems(tmp, 'zh-Hans')).toEqual([]);
    const file = path.join(tmp, 'zh-Hans', 'outcome.json');
    const outcome = JSON.parse(fs.readFileSync(file, 'utf8')) as { soon: Record<string, unknown> };
    delete outcome.soon.window_one;
    fs.writeFileSync(file, JSON.stringify(outcome));
    expect(localeProblems(tmp, 'zh-Hans')).toEqual(['zh-Hans/outcome.json: missing key soon.window_one']);
    fs.rmSync(tmp, { recursive: true, force: true });
  });
});
