import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, dispositions, Patient, seen, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000' }); });
afterAll(async () => { await running.stop(); });

const patient = (): Patient => new Patient(running.url, `conv-${(n += 1)}`);

/** The first symptom question: the first of the six emergency signs. */
const FIRST_SIGN = /Are you more short of breath than usual, now or since your scan\?/;
const LEG_QUESTION = /Since the day of your scan/;

/**
 * Says hello and answers every question by its id (calm answers unless `answers` says otherwise)
 * until the bot asks `stopAt`; fails if it never does. Returns every reply so far.
 */
async function upTo(p: Patient, stopAt: string | undefined, answers: Record<string, string> = {}): Promise<Reply[]> {
  const { replies, at } = await answerById(p, await p.say('hi'), { ...CALM, ...answers }, stopAt);
  expect(at).toBe(stopAt);
  return replies;
}

describe('the whole conversation over HTTP, answered in words', () => {
  it('H15: opens with who it is, what to do in an emergency, and a consent question', async () => {
    const replies = await patient().say('hello');
    expect(replies[0]!.text).toMatch(/automated helper/);
    expect(replies[0]!.text).toMatch(/not a doctor/);
    expect(replies[0]!.text).toMatch(/call 999 now/i);
    expect(texts(replies)).toMatch(/Is that OK\?/);
    expect(questionId(replies)).toBe('consent');
    expect(buttons(replies)).toEqual(['Yes, go on', 'No thanks', 'I am writing for someone', 'I am a health worker']);
    expect(dispositions(replies)).toEqual([]);
  });

  it('checks the chat is for them, explains the result, then asks the first emergency sign', async () => {
    const p = patient();
    await p.say('hi');
    const eligible = await p.say('yes');
    expect(questionId(eligible)).toBe('eligibility');
    expect(texts(eligible)).toMatch(/18 or older/);
    const explained = await p.say('yes');
    expect(texts(explained)).toMatch(/did not find a clot in the veins that were checked/);
    expect(texts(explained)).toMatch(/cannot rule out every clot/);
    const more = await p.say('tell me more');
    expect(texts(more)).toMatch(/calf/);
    expect(texts(more)).toMatch(/D-dimer/);
    expect(texts(more)).toMatch(FIRST_SIGN);
    expect(questionId(more)).toBe('signBreathing');
    expect(buttons(more)).toEqual(['Yes', 'No', 'Not sure']);
  });

  it('S3 H09: never says "you do not have a clot"', async () => {
    const p = patient();
    const replies = await upTo(p, 'whatNext', { legTrend: 'its gone', teachBack: 'call 999' });
    expect(texts(replies)).not.toMatch(/you do not have a clot|you don.t have a clot|no clot in your leg/i);
  });

  it('reaches self-care: improving, nothing else, no test planned', async () => {
    const replies = await upTo(patient(), 'teachBack', { legTrend: 'its gone now', otherLimb: 'no', hardVeins: 'nope', followUpPlanned: 'no' });
    const [d] = dispositions(replies);
    expect(d).toEqual({ type: 'disposition', level: 'self-care', reasons: ['SC_SETTLING'], rulesVersion: expect.any(String) });
    expect(texts(replies)).toMatch(/Keep an eye on your leg/);
    expect(texts(replies)).toMatch(/Get seen today if/);
    expect(texts(replies)).toMatch(/Call 999 now if/);
    expect(texts(replies)).toMatch(/What would you do if you got chest pain\?/);
  });

  it('reaches soon: symptoms about the same', async () => {
    const replies = await upTo(patient(), 'teachBack', { legTrend: 'about the same' });
    expect(dispositions(replies)).toEqual([{ type: 'disposition', level: 'soon', reasons: ['S_LEG_SAME'], rulesVersion: expect.any(String) }]);
    expect(texts(replies)).toMatch(/Contact your care team within 2 working days/);
    expect(texts(replies)).toMatch(/the DVT clinic on 020 7946 0000/);
  });

  it('reaches urgent: the leg is worse', async () => {
    const replies = await upTo(patient(), 'teachBack', { legTrend: 'worse' });
    const levels = dispositions(replies).map((d) => d.level);
    expect(levels).toContain('urgent');
    expect(levels).not.toContain('self-care');
    expect(texts(replies)).toMatch(/Get seen today/);
    expect(texts(replies)).toMatch(/111/);
  });

  it('reaches emergency: yes to an emergency sign ends the questions at once', async () => {
    const p = patient();
    const before = await upTo(p, 'signBreathing');
    expect(dispositions(before)).toEqual([]);
    const replies = await p.say('yes');
    const last = replies.at(-1)!;
    expect(dispositions([last])).toEqual([{ type: 'disposition', level: 'emergency', reasons: ['E_BREATHING'], rulesVersion: expect.any(String) }]);
    expect(questionId(replies)).toBeUndefined();
    expect(last.text).toMatch(/Call 999 now/);
    expect(seen(last)).toMatch(/ambulance/);
    expect(seen(last)).toMatch(/Do not drive yourself/);
  });

  it('H10: teach-back: a wrong answer gets a kind correction, then the summary to keep', async () => {
    const replies = await upTo(patient(), 'followUpOffer', { legTrend: 'better', teachBack: 'wait and see' });
    expect(texts(replies)).toMatch(/Thank you for telling me/);
    expect(texts(replies)).toMatch(/call 999 for an ambulance straight away/);
    expect(texts(replies)).toMatch(/Your summary/);
  });

  it('H10: teach-back: the right answer is confirmed', async () => {
    const replies = await upTo(patient(), 'followUpOffer', { legTrend: 'gone', teachBack: 'id ring for an ambulance' });
    expect(texts(replies)).toMatch(/Yes, that is right/);
  });

  it('H15: declining consent ends politely and keeps the emergency advice', async () => {
    const p = patient();
    await p.say('hi');
    const replies = await p.say('no thanks');
    expect(texts(replies)).toMatch(/Nothing has been kept/);
    expect(replies.at(-1)!.text).toMatch(/call 999 now/i);
    expect(questionId(replies)).toBeUndefined();
  });
});

describe('answers the bot cannot read', () => {
  it('S2 H02: asks again once, then counts the answer as not sure (which moves the tier up)', async () => {
    const p = patient();
    await upTo(p, 'signBreathing');
    const first = await p.say('purple monkey dishwasher');
    expect(texts(first)).toMatch(/did not understand/);
    expect(texts(first)).toMatch(FIRST_SIGN);
    expect(questionId(first)).toBe('signBreathing');
    const second = await p.say('purple monkey dishwasher');
    expect(texts(second)).toMatch(/count that as not sure/);
    const { replies: rest } = await answerById(p, second, { ...CALM, legTrend: 'gone' }, 'teachBack');
    expect(dispositions([...second, ...rest])[0]).toMatchObject({ level: 'urgent', reasons: ['U_BREATHING_UNSURE'] });
    expect(dispositions([...second, ...rest]).map((d) => d.level)).not.toContain('self-care');
  });

  it('H02: does not read a bare number or "not yes" as an answer on a rich channel', async () => {
    const p = patient();
    await upTo(p, 'signBreathing');
    expect(texts(await p.say('1'))).toMatch(/did not understand/);
  });
});

describe('questions and commands at any turn', () => {
  it('answers a question typed in place of an answer, then asks the question again', async () => {
    const p = patient();
    await upTo(p, 'legTrend');
    const replies = await p.say('what is a d-dimer?');
    expect(texts(replies)).toMatch(/A D-dimer is a blood test/);
    expect(texts(replies)).toMatch(/call 999 now/i);
    expect(texts(replies)).toMatch(LEG_QUESTION);
    expect(questionId(replies)).toBe('legTrend');
  });

  it('menu opens the questions patients ask; each answer ends with the safety net', async () => {
    const p = patient();
    await upTo(p, 'signBreathing');
    const menu = await p.say('menu');
    expect(buttons(menu)).toContain('Travel or flying');
    const answer = await p.say('Travel or flying');
    expect(texts(answer)).toMatch(/get up and walk/);
    expect(texts(answer)).toMatch(/Remember: if your leg gets worse, get seen today/);
    const back = await p.say('I am done');
    expect(texts(back)).toMatch(FIRST_SIGN);
    expect(questionId(back)).toBe('signBreathing');
  });

  it('help, talk to someone, restart and stop work mid-question', async () => {
    const p = patient();
    await upTo(p, 'legTrend');
    const help = await p.say('help');
    expect(texts(help)).toMatch(/type your answers in your own words[\s\S]*Since the day of your scan/);
    expect(questionId(help)).toBe('legTrend');
    const humanReplies = await p.say('talk to someone');
    const human = texts(humanReplies);
    expect(human).toMatch(/the DVT clinic on 020 7946 0000/);
    expect(human).toMatch(LEG_QUESTION);
    expect(questionId(humanReplies)).toBe('legTrend');
    const restartedReplies = await p.say('restart');
    const restarted = texts(restartedReplies);
    expect(restarted).toMatch(/start again/);
    expect(restarted).toMatch(FIRST_SIGN);
    expect(questionId(restartedReplies)).toBe('signBreathing');
    const stopped = await p.say('stop');
    expect(texts(stopped)).toMatch(/I have stopped/);
    expect(texts(stopped)).toMatch(/call 999 now/i);
  });

  it('after the advice, offers questions, another check, or to finish', async () => {
    const p = patient();
    const replies = await upTo(p, 'followUpOffer', { legTrend: 'gone', teachBack: 'call 999' });
    expect(texts(replies.slice(-1))).toMatch(/send you a message to check on your leg\? I would message you 2 and 7 days from now/);
    expect(buttons(replies.slice(-1))).toEqual(['Yes, message me', 'No thanks']);
    const menu = await p.say('no thanks');
    expect(texts(menu)).toMatch(/I will not message you/);
    expect(questionId(menu)).toBe('whatNext');
    expect(buttons(menu)).toEqual(['Ask a question', 'Check my leg again', 'I am done']);
    const bye = await p.say('I am done');
    expect(texts(bye)).toMatch(/Take care/);
  });
});

describe('S1: a red flag typed at any turn gets the emergency advice at once', () => {
  // Where the patient is when they type it: undefined is before anything is said.
  const steps: [string, string | undefined][] = [
    ['before anything', undefined],
    ['at the consent question', 'consent'],
    ['at the eligibility question', 'eligibility'],
    ['during the explanation', 'explain'],
    ['at the first emergency sign', 'signBreathing'],
    ['at the last emergency sign', 'signLeg'],
    ['at the pregnancy question', 'pregnant'],
    ['at the leg question', 'legTrend'],
    ['at the teach-back', 'teachBack'],
    ['at the follow-up offer', 'followUpOffer'],
    ['at the final menu', 'whatNext'],
  ];
  for (const [where, at] of steps) {
    it(`S1 H01: ${where}`, async () => {
      const p = patient();
      if (at) await upTo(p, at, { legTrend: 'gone' });
      const replies = await p.say('no chest pain but i cant breathe properly');
      expect(dispositions(replies)).toEqual([{ type: 'disposition', level: 'emergency', reasons: ['RF_BREATHLESS'], rulesVersion: expect.any(String) }]);
      expect(replies[0]!.text).toMatch(/Call 999 now/);
    });
  }

  it('S2 H01: a negated red flag does not fire', async () => {
    const p = patient();
    await upTo(p, 'signBreathing');
    const replies = await p.say('no chest pain and no breathing problems');
    expect(dispositions(replies).map((d) => d.level)).not.toContain('emergency');
  });

  it('S2 H09: an urgent red flag typed out of turn gets urgent advice at once, then the offer to carry on; the final advice stays urgent', async () => {
    const p = patient();
    await upTo(p, 'signBreathing');
    const flagged = await p.say('my other leg has started swelling up as well');
    expect(dispositions(flagged)).toEqual([{ type: 'disposition', level: 'urgent', reasons: ['RF_OTHER_LIMB'], rulesVersion: expect.any(String) }]);
    expect(buttons(flagged)).toEqual(['Carry on', 'Ask a question', 'I am done']);
    const resumed = await p.say('carry on');
    expect(texts(resumed)).toMatch(FIRST_SIGN);
    expect(questionId(resumed)).toBe('signBreathing');
    const { replies: rest } = await answerById(p, resumed, { ...CALM, legTrend: 'gone' }, 'teachBack');
    expect(dispositions(rest)[0]).toMatchObject({ level: 'urgent', reasons: ['RF_OTHER_LIMB'] });
    expect(dispositions(rest).map((d) => d.level)).not.toContain('self-care');
  });

  it('S2 H09: an urgent red flag that answers the question on screen is recorded as the answer, and the advice is at least urgent', async () => {
    const p = patient();
    await upTo(p, 'legTrend');
    const answered = await p.say('my calf is much more swollen than yesterday');
    expect(dispositions(answered)).toEqual([{ type: 'disposition', level: 'urgent', reasons: ['U_LEG_WORSE', 'RF_LEG_WORSE'], rulesVersion: expect.any(String) }]);
    expect(texts(answered)).not.toMatch(/carry on with the questions/);
  });
});
