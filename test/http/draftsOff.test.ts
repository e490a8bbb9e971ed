/**
 * A deployment that offers only reviewed languages (production's default while every translation
 * is a draft): the text patients see is English, but red flags are still read in every language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ ALLOW_DRAFT_LANGUAGES: 'off', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

describe('drafts off: English text, every language screened', () => {
  it('H03 H06: only English is offered, and a Spanish browser is answered in English', async () => {
    expect(running.app.localizer.languages).toEqual(['en']);
    const replies = await new Patient(running.url, `drafts-${(n += 1)}`, 'webchat', 'es-ES').say('hola');
    expect(replies[0]!.locale).toBe('en');
  });

  it.each([
    ['es-ES', 'no puedo respirar'],
    ['pl-PL', 'nie mogę złapać tchu'],
    ['ar-EG', 'مش قادر اتنفس'],
    ['zh-CN', '我喘不过气来'],
  ])('S1 H17: %s "%s" still gets the emergency advice (in English)', async (locale, text) => {
    const p = new Patient(running.url, `drafts-${(n += 1)}`, 'webchat', locale);
    await p.say('hi');
    const replies = await p.say(text);
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
    expect(replies[0]!.locale).toBe('en');
  });
});
