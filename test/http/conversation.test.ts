import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, dispositions, Patient, seen, startApp, texts, type Reply, type RunningApp, talk } from '../helpers/app';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000' }); });
afterAll(async () => { await running.stop(); });

const patient = (): Patient => new Patient(running.url, `conv-${(n += 1)}`);

/** Welcome, consent and the explanation, up to the first symptom question. */
const OPENING = ['hi', 'yes', 'carry on'];

describe('the whole conversation over HTTP, answered in words', () => {
  it('H15: opens with who it is, what to do in an emergency, and a consent question', async () => {
    const replies = await patient().say('hello');
    expect(replies[0]!.text).toMatch(/automated helper/);
    expect(replies[0]!.text).toMatch(/not a doctor/);
    expect(replies[0]!.text).toMatch(/call 999 now/);
    expect(texts(replies)).toMatch(/Is that OK\?/);
    expect(buttons(replies)).toEqual(['Yes, go on', 'No thanks', 'Yes, I am a carer', 'I am a health worker']);
    expect(dispositions(replies)).toEqual([]);
  });

  it('explains the result, then asks the emergency screen first', async () => {
    const p = patient();
    await p.say('hi');
    const explained = await p.say('yes');
    expect(texts(explained)).toMatch(/did not find a clot in the veins that were checked/);
    expect(texts(explained)).toMatch(/cannot rule out every clot/);
    const more = await p.say('tell me more');
    expect(texts(more)).toMatch(/calf/);
    expect(texts(more)).toMatch(/D-dimer/);
    expect(texts(more)).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    expect(buttons(more)).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('S3 H09: never says "you do not have a clot"', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'its gone', 'no', 'no', 'no', 'call 999']);
    expect(texts(replies)).not.toMatch(/you do not have a clot|you don.t have a clot|no clot in your leg/i);
  });

  it('reaches self-care: improving, nothing else, no test planned', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'its gone now', 'no', 'nope', 'no']);
    const [d] = dispositions(replies);
    expect(d).toEqual({ type: 'disposition', level: 'self-care', reasons: ['SC_SETTLING'], rulesVersion: expect.any(String) });
    expect(texts(replies)).toMatch(/Keep an eye on your leg/);
    expect(texts(replies)).toMatch(/Get seen today if/);
    expect(texts(replies)).toMatch(/Call 999 now if/);
    expect(texts(replies)).toMatch(/What would you do if you got chest pain\?/);
  });

  it('reaches soon: symptoms about the same', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'about the same', 'no', 'no']);
    expect(dispositions(replies)).toEqual([{ type: 'disposition', level: 'soon', reasons: ['S_LEG_SAME'], rulesVersion: expect.any(String) }]);
    expect(texts(replies)).toMatch(/Contact your team in the next few days/);
    expect(texts(replies)).toMatch(/the DVT clinic on 020 7946 0000/);
  });

  it('reaches urgent: the leg is worse', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'worse']);
    const levels = dispositions(replies).map((d) => d.level);
    expect(levels).toContain('urgent');
    expect(levels).not.toContain('self-care');
    expect(texts(replies)).toMatch(/Get seen today/);
    expect(texts(replies)).toMatch(/111/);
  });

  it('reaches emergency: yes to the emergency screen ends the questions at once', async () => {
    const replies = await talk(patient(), [...OPENING, 'yes']);
    const last = replies.at(-1)!;
    expect(dispositions([last])).toEqual([{ type: 'disposition', level: 'emergency', reasons: ['E_SIGNS'], rulesVersion: expect.any(String) }]);
    expect(last.text).toMatch(/Call 999 now/);
    expect(seen(last)).toMatch(/ambulance/);
    expect(seen(last)).toMatch(/Do not drive yourself/);
  });

  it('H10: teach-back: a wrong answer gets a kind correction, then the summary to keep', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'better', 'no', 'no', 'no', 'no', 'no', 'wait and see']);
    expect(texts(replies)).toMatch(/Thank you for telling me/);
    expect(texts(replies)).toMatch(/call 999 straight away/);
    expect(texts(replies)).toMatch(/Your summary/);
  });

  it('H10: teach-back: the right answer is confirmed', async () => {
    const replies = await talk(patient(), [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'id ring for an ambulance']);
    expect(texts(replies)).toMatch(/Yes, that is right/);
  });

  it('H15: declining consent ends politely and keeps the emergency advice', async () => {
    const replies = await talk(patient(), ['hi', 'no thanks']);
    expect(texts(replies)).toMatch(/Nothing has been kept/);
    expect(replies.at(-1)!.text).toMatch(/call 999 now/);
  });
});

describe('answers the bot cannot read', () => {
  it('S2 H02: asks again once, then counts the answer as not sure (which moves the tier up)', async () => {
    const p = patient();
    await talk(p, OPENING);
    const first = await p.say('purple monkey dishwasher');
    expect(texts(first)).toMatch(/did not understand/);
    expect(texts(first)).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    const second = await p.say('purple monkey dishwasher');
    expect(texts(second)).toMatch(/count that as not sure/);
    const rest = await talk(p, ['gone', 'no', 'no', 'no']);
    expect(dispositions(rest)[0]).toMatchObject({ level: 'urgent', reasons: ['U_SIGNS_UNSURE'] });
  });

  it('H02: does not read a bare number or "not yes" as an answer on a rich channel', async () => {
    const p = patient();
    await talk(p, OPENING);
    expect(texts(await p.say('1'))).toMatch(/did not understand/);
  });
});

describe('questions and commands at any turn', () => {
  it('answers a question typed in place of an answer, then asks the question again', async () => {
    const p = patient();
    await talk(p, [...OPENING, 'no']);
    const replies = await p.say('what is a d-dimer?');
    expect(texts(replies)).toMatch(/A D-dimer is a blood test/);
    expect(texts(replies)).toMatch(/If you have chest pain or trouble breathing, call 999 now/);
    expect(texts(replies)).toMatch(/Since the day of your scan/);
  });

  it('menu opens the questions patients ask; each answer ends with the safety net', async () => {
    const p = patient();
    await talk(p, OPENING);
    const menu = await p.say('menu');
    expect(buttons(menu)).toContain('Travel or flying');
    const answer = await p.say('Travel or flying');
    expect(texts(answer)).toMatch(/get up and walk/);
    expect(texts(answer)).toMatch(/Remember: if your leg gets worse, get seen today/);
    const back = await p.say('I am done');
    expect(texts(back)).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
  });

  it('help, talk to someone, restart and stop work mid-question', async () => {
    const p = patient();
    await talk(p, [...OPENING, 'no']);
    expect(texts(await p.say('help'))).toMatch(/type your answers in your own words[\s\S]*Since the day of your scan/);
    const human = texts(await p.say('talk to someone'));
    expect(human).toMatch(/the DVT clinic on 020 7946 0000/);
    expect(human).toMatch(/Since the day of your scan/);
    const restarted = texts(await p.say('restart'));
    expect(restarted).toMatch(/start again/);
    expect(restarted).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    const stopped = await p.say('stop');
    expect(texts(stopped)).toMatch(/I have stopped/);
    expect(texts(stopped)).toMatch(/call 999 now/);
  });

  it('after the advice, offers questions, another check, or to finish', async () => {
    const p = patient();
    const replies = await talk(p, [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999']);
    expect(texts(replies.slice(-1))).toMatch(/send you a message to check on your leg\? I would message you 2 and 7 days from now/);
    expect(buttons(replies.slice(-1))).toEqual(['Yes, message me', 'No thanks']);
    const menu = await p.say('no thanks');
    expect(texts(menu)).toMatch(/I will not message you/);
    expect(buttons(menu)).toEqual(['Ask a question', 'Check my leg again', 'I am done']);
    const bye = await p.say('I am done');
    expect(texts(bye)).toMatch(/Take care/);
  });
});

describe('S1: a red flag typed at any turn gets the emergency advice at once', () => {
  const steps: [string, string[]][] = [
    ['before anything', []],
    ['at the consent question', ['hi']],
    ['during the explanation', ['hi', 'yes']],
    ['at the emergency screen', OPENING],
    ['at the leg question', [...OPENING, 'no']],
    ['at the teach-back', [...OPENING, 'no', 'gone', 'no', 'no', 'no']],
    ['at the follow-up offer', [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999']],
    ['at the final menu', [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999', 'no']],
  ];
  for (const [where, before] of steps) {
    it(`S1 H01: ${where}`, async () => {
      const p = patient();
      await talk(p, before);
      const replies = await p.say('no chest pain but i cant breathe properly');
      expect(dispositions(replies)).toEqual([{ type: 'disposition', level: 'emergency', reasons: ['RF_BREATHLESS'], rulesVersion: expect.any(String) }]);
      expect(replies[0]!.text).toMatch(/Call 999 now/);
    });
  }

  it('S2 H01: a negated red flag does not fire', async () => {
    const p = patient();
    await talk(p, OPENING);
    const replies = await p.say('no chest pain and no breathing problems');
    expect(dispositions(replies).map((d) => d.level)).not.toContain('emergency');
  });

  it('S2 H09: an urgent red flag typed out of turn gets urgent advice at once, then the offer to carry on; the final advice stays urgent', async () => {
    const p = patient();
    await talk(p, OPENING);
    const flagged = await p.say('my other leg has started swelling up as well');
    expect(dispositions(flagged)).toEqual([{ type: 'disposition', level: 'urgent', reasons: ['RF_OTHER_LIMB'], rulesVersion: expect.any(String) }]);
    expect(buttons(flagged)).toEqual(['Carry on', 'Ask a question', 'I am done']);
    const resumed = await p.say('carry on');
    expect(texts(resumed)).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    const rest = await talk(p, ['no', 'gone', 'no', 'no', 'no']);
    expect(dispositions(rest)[0]).toMatchObject({ level: 'urgent', reasons: ['RF_OTHER_LIMB'] });
  });

  it('S2 H09: an urgent red flag that answers the question on screen is recorded as the answer, and the advice is at least urgent', async () => {
    const p = patient();
    await talk(p, [...OPENING, 'no']);
    const answered = await p.say('my calf is much more swollen than yesterday');
    expect(dispositions(answered)).toEqual([{ type: 'disposition', level: 'urgent', reasons: ['U_LEG_WORSE', 'RF_LEG_WORSE'], rulesVersion: expect.any(String) }]);
    expect(texts(answered)).not.toMatch(/carry on with the questions/);
  });
});
