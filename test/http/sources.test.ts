import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT } from '../../src/content/registry';
import { MESSAGE_NAMESPACES } from '../../src/language/localizer';
import { SOURCES } from '../../src/triage';
import { Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';
import fs from 'node:fs';
import path from 'node:path';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

describe('sources and about', () => {
  it('every advice and explanation message has registered sources that exist', () => {
    const en = (ns: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/en/${ns}.json`), 'utf8')) as Record<string, unknown>;
    expect(MESSAGE_NAMESPACES).toContain('explain');
    const patientWording = (k: string): boolean => !k.includes('_carer');
    const explain = Object.keys(en('explain')).filter((k) => k !== 'offerMore' && patientWording(k)).map((k) => `explain:${k}`);
    const faq = Object.keys(en('faq').answers as object).filter((k) => !k.startsWith('repeatScanWindow') && patientWording(k)).map((k) => `faq:answers.${k}`);
    for (const key of [...explain, ...faq, 'outcome:emergency.body', 'outcome:urgent.body',
      'outcome:soon.what_scanPlanned', 'outcome:soon.what_either', 'outcome:soon.what_askAboutScan', 'outcome:selfCare.body']) {
      expect(CONTENT[key], key).toBeDefined();
    }
    for (const [key, entry] of Object.entries(CONTENT)) {
      expect(entry.sources.length, key).toBeGreaterThan(0);
      for (const id of entry.sources) expect(SOURCES[id], `${key} -> ${id}`).toBeDefined();
      expect(entry.updated).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('"why?" after the advice lists numbered references for it; before any advice it says so', async () => {
    const p = new Patient(running.url, 'why-1');
    const first = await p.say('hi');
    expect(texts(await p.say('why?'))).toMatch(/not given you any advice yet/);
    const { at } = await answerById(p, first, { ...CALM, legTrend: 'about the same' }, 'teachBack');
    expect(at).toBe('teachBack');
    const replies = await p.say('sources');
    const why = texts(replies);
    expect(why).toMatch(/sources for the advice/);
    expect(why).toMatch(/\\\[1\\\] NICE guideline NG158/);
    expect(why).toMatch(/What would you do if you got chest pain\?/); // the question is asked again
    expect(questionId(replies)).toBe('teachBack');
  });

  it('"about" gives the rules and content versions and says the content awaits clinical review', async () => {
    const p = new Patient(running.url, 'about-1');
    await p.say('hi');
    const about = texts(await p.say('about'));
    expect(about).toMatch(/Rules version 20\d\d\.\d+\.\d+/);
    expect(about).toMatch(/Content version 20\d\d\.\d+\.\d+, last changed on 20\d\d-\d\d-\d\d/);
    expect(about).toMatch(/waiting for a clinical review/);
  });
});
