import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, texts, type Reply, type RunningApp, talk } from '../helpers/app';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

describe('who is typing: patient, carer or health professional', () => {
  it('H10: a carer gets every question and the advice addressed to them about the person they care for', async () => {
    const p = new Patient(running.url, `carer-${(n += 1)}`);
    await p.say('hi');
    const explained = await p.say('Yes, I am a carer');
    expect(texts(explained)).toMatch(/the person you care for|their scan|The scan/i);
    const rest = await talk(p, ['carry on', 'no', 'about the same', 'no', 'no']);
    const seen = texts(rest);
    expect(seen).toMatch(/Does the person you care for have any of these now, or have they had any since the scan\?/);
    expect(seen).not.toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    expect(dispositions(rest)[0]).toMatchObject({ level: 'soon', reasons: ['S_LEG_SAME'] });
    expect(seen).toMatch(/the team who did the scan/);
  });

  it('H10: a carer is recognised from their own words too, in Spanish as well', async () => {
    const en = new Patient(running.url, `carer-${(n += 1)}`);
    await en.say('hi');
    await en.say('im writing for my mum');
    expect(texts(await en.say('carry on'))).toMatch(/the person you care for/);
    const es = new Patient(running.url, `carer-${(n += 1)}`, 'test', 'es-ES');
    await es.say('hola');
    await es.say('soy cuidadora');
    expect(texts(await es.say('continuar'))).toMatch(/la persona a la que cuida/);
  });

  it('a health professional gets the evidence summary with references instead of the plain-language chunks', async () => {
    const p = new Patient(running.url, `pro-${(n += 1)}`);
    await p.say('hi');
    const summary = texts(await p.say('I am a health worker'));
    expect(summary).toMatch(/\\\[1\\\]/);
    expect(summary).toMatch(/NICE NG158/);
    expect(summary).not.toMatch(/That is good news/);
    expect(summary).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
  });
});
