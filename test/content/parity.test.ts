import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalizer, isComplete } from '../../src/i18n';

const LOCALES = path.resolve(__dirname, '../../locales');
const languages = fs.readdirSync(LOCALES).filter((d) => fs.statSync(path.join(LOCALES, d)).isDirectory());

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value === 'string' || Array.isArray(value)) return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const read = (lng: string, file: string): unknown => JSON.parse(fs.readFileSync(path.join(LOCALES, lng, file), 'utf8'));
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('S6: complete languages only', () => {
  const files = fs.readdirSync(path.join(LOCALES, 'en')).filter((f) => f.endsWith('.json'));

  for (const lng of languages.filter((l) => l !== 'en')) {
    it(`S6 H03 H06: ${lng} has every file, every key and the same placeholders as English`, () => {
      for (const file of files) {
        expect(fs.existsSync(path.join(LOCALES, lng, file)), `${lng}/${file}`).toBe(true);
        const en = new Map(leaves(read('en', file)));
        const other = new Map(leaves(read(lng, file)));
        expect([...en.keys()].filter((k) => !other.has(k)), `${lng}/${file} missing`).toEqual([]);
        expect([...other.keys()].filter((k) => !en.has(k)), `${lng}/${file} extra`).toEqual([]);
        for (const [key, value] of en) {
          if (typeof value === 'string') expect(placeholders(String(other.get(key))), `${lng}/${file} ${key}`).toEqual(placeholders(value));
          else expect((other.get(key) as unknown[]).length, `${lng}/${file} ${key} is empty`).toBeGreaterThan(0);
        }
      }
      expect(isComplete(LOCALES, lng)).toBe(true);
    });
  }

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
