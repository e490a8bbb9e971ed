import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RLM } from '../../src/language/bidi';
import { Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { baseDirections, visual } from '../helpers/fribidi';

/**
 * Issue 19, over HTTP: the care-team contact written for each language reaches that language's
 * patients; a language without its own never gets the English sentence; and in Arabic and Urdu
 * the numbers read in dialling order and an SMS starts right to left, on the wire.
 */
const PHONE = '020 7946 0000';
const EN = `the DVT clinic on ${PHONE}`;
// The German clinic has a number of its own: it is linked for tap-to-call like the English one.
const DE_PHONE = '030 1234 5678';
const DE = `die Gefäßambulanz, Tel. ${DE_PHONE}`;
const AR = `عيادة الأوعية الدموية، ${PHONE}`;
const MARKS = /[\u2066-\u2069\u200e\u200f]/g;

let running: RunningApp;
let n = 0;
beforeAll(async () => {
  running = await startApp({ CARE_TEAM_CONTACT: EN, CARE_TEAM_CONTACT_DE: DE, CARE_TEAM_CONTACT_AR: AR, EMERGENCY_NUMBER: '116 117', ALLOW_DRAFT_LANGUAGES: 'on' });
});
afterAll(async () => { await running.stop(); });

const patient = (locale: string, channel = 'test'): Patient => new Patient(running.url, `deployment-${(n += 1)}`, channel, locale, `+4477009100${String(n).padStart(2, '0')}`);
const plain = (text: string): string => text.replace(MARKS, '').replace(/\\/g, '');

describe('issue 19: CARE_TEAM_CONTACT per language, over HTTP', () => {
  it('German gets CARE_TEAM_CONTACT_DE; English gets CARE_TEAM_CONTACT', async () => {
    const de = plain(texts(await patient('de-DE').say('hallo')));
    expect(de).toContain(DE);
    expect(de).not.toContain('DVT clinic');
    const en = patient('en-GB');
    await en.say('hi');
    expect(plain(texts(await en.say('talk to someone')))).toContain(EN);
  });

  it('web chat: the number in CARE_TEAM_CONTACT_DE is a tap-to-call link in German, as the English one is in English', async () => {
    expect(JSON.stringify(await patient('de-DE', 'webchat').say('hallo'))).toContain(`[${DE_PHONE}](tel:03012345678)`);
    const en = patient('en-GB', 'webchat');
    await en.say('hi');
    expect(JSON.stringify(await en.say('talk to someone'))).toContain(`[${PHONE}](tel:02079460000)`);
  });

  it('Polish and Chinese, with no value of their own, get their translated default, never the English sentence', async () => {
    for (const [locale, own] of [['pl-PL', 'zespołem'], ['zh-CN', '医护团队']] as const) {
      const seen = plain(texts(await patient(locale).say('hi')));
      expect(seen, locale).toContain(own);
      expect(seen, locale).not.toContain('DVT clinic');
    }
  });

  it('Arabic: its own contact, and the numbers in dialling order as FriBidi lays the line out right to left', async () => {
    const replies = await patient('ar-EG').say('مرحبا');
    const line = texts(replies).split('\n').find((l) => plain(l).includes(AR));
    expect(line).toBeDefined();
    const seen = visual(line!, 'rtl')[0]!;
    expect(seen).toContain(PHONE);
    expect(seen).toContain('116 117');
    expect(seen).not.toContain('0000 7946 020');
    expect(seen).not.toContain('117 116');
  });

  for (const [locale, hello] of [['ar-EG', 'مرحبا'], ['ur-PK', 'سلام']] as const) {
    it(`${locale} SMS: HELP (it opens with "Afterscan") starts with a right-to-left mark and reads right to left`, async () => {
      const p = patient(locale, 'sms');
      await p.say(hello);
      const help = await p.say('HELP');
      // Arabic script goes as UCS-2: the help may take two texts; each must start right to left.
      expect(help.length).toBeGreaterThan(0);
      const text = help.map((h) => h.text!).join('\n');
      expect(plain(text)).toMatch(/^Afterscan/);
      expect(help[0]!.text!.startsWith(RLM)).toBe(true);
      for (const h of help) expect(baseDirections(h.text!).every((d) => d === 'R')).toBe(true);
      const seen = visual(text, 'auto').join('\n');
      expect(seen).toContain('116 117');
      expect(seen).not.toContain('117 116');
    });
  }
});
