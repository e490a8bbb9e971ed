import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, texts, type Reply } from '../helpers/app';
import { DirectLineClient } from '../helpers/directLine';
import { answerById, CALM, questionId } from '../helpers/questions';

/** Says hello and answers each question by its id (calm unless `answers` says otherwise) until the bot asks `stopAt`. */
async function upTo(p: Patient, stopAt: string, answers: Record<string, string> = {}): Promise<Reply[]> {
  const { replies, at } = await answerById(p, await p.say('hi'), { ...CALM, ...answers }, stopAt);
  expect(at).toBe(stopAt);
  return replies;
}

describe('durability and safe failure', () => {
  it('H07: a restart mid-conversation resumes at the same question', async () => {
    const first = await startApp();
    const p1 = new Patient(first.url, 'restart-1');
    await upTo(p1, 'legTrend');
    await first.stop(true);

    const second = await startApp({}, undefined, first.dataDir);
    const p2 = new Patient(second.url, 'restart-1');
    const replies = await p2.say('about the same');
    expect(texts(replies)).toMatch(/new swelling or pain in your other leg/);
    expect(questionId(replies)).toBe('otherLimb');
    await second.stop();
  });

  it('S7 H07: a storage failure mid-turn still tells the patient what to do in an emergency', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'storage-down');
    await upTo(p, 'signBreathing');
    running.app.storage.close();
    const replies = await p.say('no');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/something went wrong/);
    expect(replies[0]!.text).toMatch(/call 999 now/i);
    expect(replies[0]!.text).not.toMatch(/database|sqlite|Error|at /i);
    const log = running.logLines.find((l) => l.includes('turn_error'));
    expect(log).toBeDefined();
    expect(JSON.parse(log!)).toMatchObject({ correlationId: expect.any(String) });
    await running.stop();
  });

  it('S1 H07 H01: with storage down, a red flag still gets the emergency advice (screened before state loads)', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'storage-down-red-flag');
    await p.say('hi');
    running.app.storage.close();
    const replies = await p.say('coughing up blood this morning');
    expect(dispositions(replies)).toEqual([expect.objectContaining({ level: 'emergency', reasons: ['RF_COUGHING_BLOOD'] })]);
    await running.stop();
  });

  it('S5 H08: what the patient types appears in no log line and no stored file, on every channel and path', async () => {
    const running = await startApp({ LOG_LEVEL: 'trace', CHECKIN_DAYS: '2' });
    const marker = 'zebra-marker-7731';
    // Every question answered by its id with the marker in the words (the whole check, down to the
    // follow-up offer), then questions, commands, unreadable answers, red flags, forget me and STOP.
    const marked = Object.fromEntries(Object.entries({ ...CALM, legTrend: 'about the same' })
      .map(([id, said], i) => [id, i % 2 === 0 ? `${said} ${marker}` : `${marker} ${said}`]));
    const after = [`yes ${marker}`, `what is a d-dimer ${marker}`, `why ${marker}`, `help ${marker}`, `restart ${marker}`, `purple ${marker}`, `purple ${marker}`,
      `my other leg is swollen too ${marker}`, `i cant breathe ${marker}`, `forget me ${marker}`, 'no', 'STOP', `HELP ${marker}`];
    for (const channel of ['test', 'webchat', 'msteams', 'sms']) {
      for (const locale of ['en-GB', 'es-ES']) {
        const p = new Patient(running.url, `privacy-${channel}-${locale}`, channel, locale);
        const { replies } = await answerById(p, await p.say('hi'), marked, 'followUpOffer');
        expect(dispositions(replies).length, `${channel} ${locale}`).toBeGreaterThan(0);
        for (const line of after) await p.say(line);
      }
    }
    const web = await DirectLineClient.start(running.url);
    for (const line of ['hi', `yes ${marker}`, `${marker} yes`, 'carry on', `${marker} no`, `no ${marker}`, `not sure ${marker}`, `why ${marker}`, `help ${marker}`, `i cant breathe ${marker}`]) await web.say(line);
    running.app.storage.close();
    await new Patient(running.url, 'privacy-down').say(`storage is gone ${marker}`);
    expect(running.logLines.length).toBeGreaterThan(0);
    expect(running.logLines.join('\n')).not.toContain(marker);
    const files = fs.readdirSync(running.dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(fs.readFileSync(path.join(running.dataDir, file)).includes(marker), file).toBe(false);
    }
    await running.stop();
  }, 60_000);

  it('H04: escapes markdown and HTML in configured text on markdown channels', async () => {
    const running = await startApp({ CARE_TEAM_CONTACT: '<img src=x onerror=alert(1)> **the clinic**' });
    const p = new Patient(running.url, 'escape-1');
    await p.say('hi');
    const replies = await p.say('talk to someone');
    const text = texts(replies);
    expect(text).toContain('\\<img src=x onerror=alert\\(1\\)\\> \\*\\*the clinic\\*\\*');
    await running.stop();
  });

  it('welcomes a user who joins (conversationUpdate), once', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'join-1');
    const joined = await p.send({ type: 'conversationUpdate', membersAdded: [{ id: 'join-1-user' }, { id: 'afterscan' }] });
    expect(joined[0]!.text).toMatch(/automated helper/);
    const again = await p.send({ type: 'conversationUpdate', membersAdded: [{ id: 'join-1-user' }] });
    expect(again).toEqual([]);
    await running.stop();
  });
});
