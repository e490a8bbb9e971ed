import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { CAPABILITIES, PLAIN } from '../../src/rendering/capabilities';
import { CONTENT_VERSION } from '../../src/content/version';
import { createLocalizer } from '../../src/language/localizer';
import { effectiveStatus, matchLanguage, offeredLanguages, readMeta, type LanguageMeta } from '../../src/language/offered';

const LOCALES = path.resolve(__dirname, '../../locales');
const TEN = ['ar', 'de', 'en', 'es', 'fr', 'pl', 'pt', 'ro', 'ur', 'zh-Hans'];

describe('choosing a language from a locale tag', () => {
  it.each([
    ['pt-BR', 'pt'], ['pt-PT', 'pt'], ['pt', 'pt'],
    ['zh-CN', 'zh-Hans'], ['zh-Hans', 'zh-Hans'], ['zh-Hans-CN', 'zh-Hans'], ['zh-SG', 'zh-Hans'], ['zh', 'zh-Hans'], ['zh-TW', 'zh-Hans'],
    ['es-MX', 'es'], ['es-419', 'es'], ['ES_es', 'es'], ['fr-CA', 'fr'], ['fr-BE', 'fr'], ['de-AT', 'de'], ['de-CH', 'de'],
    ['pl-PL', 'pl'], ['ro-RO', 'ro'], ['ro-MD', 'ro'], ['ar-EG', 'ar'], ['ar-SA', 'ar'], ['ur-PK', 'ur'], ['ur-IN', 'ur'],
    ['en-GB', 'en'], ['EN-us', 'en'],
    ['nl-NL', null], ['ja-JP', null], ['', null], ['x'.repeat(40), null],
  ])('%s → %s', (tag, lng) => {
    expect(matchLanguage(tag, TEN)).toBe(lng);
  });

  it('the language menu fits on every channel: each shows at least as many choices as there are languages', () => {
    const count = createLocalizer('en').languages.length;
    for (const [channel, caps] of Object.entries(CAPABILITIES)) expect(caps.maxActions, channel).toBeGreaterThanOrEqual(count);
    expect(PLAIN.maxActions).toBeGreaterThanOrEqual(count);
  });

  it('a language the deployment does not offer is never chosen through an alias', () => {
    expect(matchLanguage('zh-CN', ['en', 'es'])).toBeNull();
  });

  it('the localizer negotiates the first offered of several tags, else the default', () => {
    const localizer = createLocalizer('en');
    expect(localizer.negotiate(undefined, 'es-MX')).toBe('es');
    expect(localizer.negotiate('nl-NL', 'ja')).toBe('en');
    expect(createLocalizer('es').negotiate('nl')).toBe('es');
  });
});

describe('review status per language (locales/<lng>/meta.json)', () => {
  const dirs = fs.readdirSync(LOCALES).filter((d) => fs.statSync(path.join(LOCALES, d)).isDirectory());

  it.each(dirs)('%s has a valid meta.json; English is the source, the others say who reviewed them, if anyone', (lng) => {
    const meta = readMeta(LOCALES, lng);
    expect(meta.status === 'source').toBe(lng === 'en');
    expect(meta.dir).toBe(['ar', 'ur'].includes(lng) ? 'rtl' : 'ltr');
    expect(meta.contentVersion).toBe(CONTENT_VERSION);
  });

  it('H06: a review covers one content version: reviewed text of older content counts as a draft again', () => {
    const meta: LanguageMeta = { englishName: 'Polish', dir: 'ltr', status: 'approved', reviewedBy: 'A. Nowak', reviewedOn: '2026-10-01', contentVersion: '2026.10.1' };
    expect(effectiveStatus(meta, '2026.10.1')).toBe('approved');
    expect(effectiveStatus(meta, '2026.11.1')).toBe('draft');
    expect(effectiveStatus({ ...meta, status: 'draft', reviewedBy: null, reviewedOn: null }, '2026.10.1')).toBe('draft');
  });

  it('meta.json is checked: a reviewed language must say by whom and when', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-meta-'));
    fs.mkdirSync(path.join(tmp, 'xx'));
    fs.writeFileSync(path.join(tmp, 'xx', 'meta.json'), JSON.stringify({ englishName: 'X', dir: 'ltr', status: 'reviewed', reviewedBy: null, reviewedOn: null, contentVersion: '1' }));
    expect(() => readMeta(tmp, 'xx')).toThrow(/reviewedBy and reviewedOn/);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('H03 H06: production offers only English and reviewed languages unless the deployment opts in to drafts', () => {
    const status = (lng: string): 'source' | 'draft' | 'approved' => (lng === 'en' ? 'source' : lng === 'pl' ? 'approved' : 'draft');
    expect(offeredLanguages(['en', 'es', 'pl'], status, { enabled: null, allowDrafts: false })).toEqual(['en', 'pl']);
    expect(offeredLanguages(['en', 'es', 'pl'], status, { enabled: null, allowDrafts: true })).toEqual(['en', 'es', 'pl']);
    expect(offeredLanguages(['en', 'es', 'pl'], status, { enabled: ['es'], allowDrafts: true })).toEqual(['en', 'es']);
    // Every translation here is a draft today, so production without the opt-in offers English only.
    expect(createLocalizer('en', LOCALES, { enabled: null, allowDrafts: false }).languages).toEqual(['en']);
  });

  it('ALLOW_DRAFT_LANGUAGES defaults to off in production and on elsewhere; LANGUAGES limits the set', () => {
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'x', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length' }).allowDraftLanguages).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'x', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length', ALLOW_DRAFT_LANGUAGES: 'on' }).allowDraftLanguages).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).allowDraftLanguages).toBe(true);
    expect(loadConfig({ LANGUAGES: 'en, es,zh-Hans' }).languages).toEqual(['en', 'es', 'zh-Hans']);
    expect(() => loadConfig({ LANGUAGES: 'en;rm -rf' })).toThrow(/LANGUAGES/);
    expect(() => loadConfig({ ALLOW_DRAFT_LANGUAGES: 'maybe' })).toThrow(/ALLOW_DRAFT_LANGUAGES/);
  });
});
