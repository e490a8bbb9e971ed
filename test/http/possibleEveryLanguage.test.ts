import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, seen, startApp, type RunningApp } from '../helpers/app';
import { entitiesOf, questionId } from '../helpers/questions';

/** A pulse given as a number between 100 and 119, in each language: a possible fast heartbeat (S9, H21). */
const PULSE: Record<string, string> = {
  en: 'my pulse is 105', es: 'tengo el pulso a 105', fr: 'mon pouls est à 105', de: 'mein Puls ist 105', pl: 'tętno mam 105', pt: 'meu pulso está 105',
  ro: 'am pulsul 105', ar: 'نبضي 105', ur: 'نبض 105 ہے', 'zh-Hans': '脉率 105',
};

const question = (lng: string): string => {
  const common = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales', lng, 'common.json'), 'utf8')) as { redFlagQuestion: Record<string, string> };
  return common.redFlagQuestion.fast_heartbeat as string;
};
/** The first sentence of the question, which no channel's markup changes. */
const opening = (text: string): string => text.split(/[.?!。？؟]/)[0]!.trim();

let app: RunningApp;
beforeAll(async () => { app = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await app.stop(); });

describe('S6: every language is complete at start-up', () => {
  it('S6: no language is switched off for a missing or extra key (start-up would log language_incomplete)', () => {
    expect(app.logLines.filter((l) => l.includes('language_incomplete'))).toEqual([]);
    expect(app.app.localizer.languages).toHaveLength(Object.keys(PULSE).length);
  });
});

describe('the three outcomes in every language and on every channel (H21)', () => {
  for (const [lng, text] of Object.entries(PULSE)) {
    for (const channel of ['test', 'sms', 'msteams'] as const) {
      it(`H21 ${lng} on ${channel}: a possible flag gets the direct question in ${lng}; yes gives emergency advice`, async () => {
        const p = new Patient(app.url, `possible-${lng}-${channel}`, channel, lng === 'zh-Hans' ? 'zh-CN' : lng);
        const replies = await p.say(text);
        expect(entitiesOf(replies, 'redFlagQuestion')[0]).toMatchObject({ flag: 'fast_heartbeat', level: 'emergency' });
        expect(questionId(replies)).toBe('redFlagCheck');
        expect(replies.map(seen).join('\n')).toContain(opening(question(lng)));
        const yes = await p.say(channel === 'sms' ? '1' : JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../locales', lng, 'common.json'), 'utf8')).choices.yes);
        expect(dispositions(yes)[0]?.level).toBe('emergency');
      });
    }
  }
});
