import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { dispositions, Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { answerById, CALM, entitiesOf, questionId } from '../helpers/questions';

/** The patient wording of every symptom question (locales/en/symptoms.json, without the _carer forms). */
const PATIENT_WORDING: string[] = Object.entries(JSON.parse(fs.readFileSync(path.join(__dirname, '../../locales/en/symptoms.json'), 'utf8')) as Record<string, string>)
  .filter(([key]) => !key.endsWith('_carer')).map(([, text]) => text);

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

describe('who is typing: patient, carer or health professional', () => {
  it('H10: a carer gets every question and the advice addressed to them about the person they care for', async () => {
    const p = new Patient(running.url, `carer-${(n += 1)}`);
    await p.say('hi');
    const eligibility = await p.say('I am writing for someone');
    expect(questionId(eligibility)).toBe('eligibility');
    expect(texts(eligibility)).toMatch(/The person you care for is 18 or older/);
    const explained = await p.say('yes');
    expect(texts(explained)).toMatch(/the person you care for|their scan|The scan/i);
    const { replies: rest, at } = await answerById(p, explained, { ...CALM, legTrend: 'about the same' }, 'teachBack');
    expect(at).toBe('teachBack');
    const seen = texts(rest);
    expect(seen).toMatch(/Is the person you care for more short of breath than usual, now or since their scan\?/);
    expect(seen).not.toMatch(/Are you more short of breath than usual, now or since your scan\?/);
    // Every question asked is in the carer's wording: none of the patient wording appears.
    expect(entitiesOf(rest, 'question').length).toBeGreaterThan(10);
    for (const patientText of PATIENT_WORDING) expect(seen).not.toContain(patientText);
    expect(seen).toMatch(/What would you do if the person you care for got chest pain\?/);
    expect(dispositions(rest)[0]).toMatchObject({ level: 'soon', reasons: ['S_LEG_SAME'] });
    expect(seen).toMatch(/the team who did the scan/);
  });

  it('H10: a carer is recognised from their own words too, in Spanish as well', async () => {
    const en = new Patient(running.url, `carer-${(n += 1)}`);
    await en.say('hi');
    const enEligible = await en.say('im writing for my mum');
    expect(questionId(enEligible)).toBe('eligibility');
    expect(texts(enEligible)).toMatch(/the person you care for/i);
    await en.say('yes');
    expect(texts(await en.say('carry on'))).toMatch(/the person you care for/);
    const es = new Patient(running.url, `carer-${(n += 1)}`, 'test', 'es-ES');
    await es.say('hola');
    const esEligible = await es.say('soy cuidadora');
    expect(questionId(esEligible)).toBe('eligibility');
    expect(texts(esEligible)).toMatch(/la persona a la que cuida/);
    await es.say('sí');
    expect(texts(await es.say('continuar'))).toMatch(/la persona a la que cuida/);
  });

  it('a health professional gets the evidence summary with references instead of the plain-language chunks', async () => {
    const p = new Patient(running.url, `pro-${(n += 1)}`);
    await p.say('hi');
    expect(questionId(await p.say('I am a health worker'))).toBe('eligibility');
    const replies = await p.say('yes');
    const summary = texts(replies);
    expect(summary).toMatch(/\\\[1\\\]/);
    expect(summary).toMatch(/NICE NG158/);
    expect(summary).not.toMatch(/That is good news/);
    expect(summary).toMatch(/Are you more short of breath than usual, now or since your scan\?/);
    expect(questionId(replies)).toBe('signBreathing');
  });
});
