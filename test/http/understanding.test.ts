import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { DirectLineClient, fromBot } from '../helpers/directLine';
import { answerById, CALM, entitiesOf, questionId } from '../helpers/questions';

let app: RunningApp;
let n = 0;
const patient = (channel = 'test', user?: string): Patient => {
  n += 1;
  return new Patient(app.url, `understand-${n}`, channel, 'en-GB', user);
};
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

beforeAll(async () => { app = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await app.stop(); });

describe('an emergency or urgent finding holds (S8, H19)', () => {
  it('S8 H19: "ok" after free-text emergency advice repeats it, and "no" to every question cannot lower it', async () => {
    const p = patient();
    const first = await p.say('I coughed up some blood this morning');
    expect(dispositions(first).map((d) => d.level)).toEqual(['emergency']);
    const again = await p.say('ok');
    expect(texts(again)).toContain('Earlier you told me about coughing up blood');
    expect(dispositions(again)[0]?.level).toBe('emergency');
    const { replies } = await answerById(p, again, { ...CALM, legTrend: 'Gone' }, 'whatNext');
    const levels = dispositions(replies).map((d) => d.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((l) => l === 'emergency')).toBe(true);
  });

  it('S8 H19: urgent advice holds for the same user in a new conversation within 24 hours', async () => {
    const user = `user-${Date.now()}`;
    const a = patient('test', user);
    const { replies } = await answerById(a, await a.say('hi'), { ...CALM, legTrend: 'Worse' }, 'teachBack');
    expect(last(dispositions(replies))?.level).toBe('urgent');
    const b = patient('test', user);
    const again = await b.say('hi');
    expect(texts(again)).toContain('Earlier you told me about a leg that is getting worse');
    const { replies: later } = await answerById(b, again, CALM, 'teachBack');
    expect(dispositions(later).length).toBeGreaterThan(0);
    expect(dispositions(later).every((d) => d.level === 'urgent')).toBe(true);
  });
});

describe('answers read as patients type them (S9)', () => {
  it('S9 H18: "I don\'t understand" at a sign question is not sure, never no: the urgent line now, not self-care', async () => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, signBreathing: "I don't understand" }, 'teachBack');
    const d = last(dispositions(replies));
    expect(d?.level).toBe('urgent');
    expect(d?.reasons).toContain('U_BREATHING_UNSURE');
    expect(texts(replies)).toContain('Call 111 now');
  });

  it.each(['not anymore', 'yes but only a bit', 'i did yesterday'])('S9 H18: "%s" at "now, or since your scan" is a yes', async (said) => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, signFaint: said }, 'teachBack');
    expect(dispositions(replies).map((d) => d.level)).toContain('emergency');
  });

  it.each(['ok', 'okay', 'sure', 'ye', 'yh', 'go on'])('H23: consent "%s" agrees', async (said) => {
    const p = patient();
    await p.say('hi');
    expect(questionId(await p.say(said))).toBe('eligibility');
  });

  it('H23: consent: two unclear answers are asked again, never taken as a refusal (H23)', async () => {
    const p = patient();
    await p.say('hi');
    for (const said of ['banana', 'what is this', 'hmm']) {
      const replies = await p.say(said);
      expect(questionId(replies)).toBe('consent');
      expect(texts(replies)).not.toContain('Nothing has been kept');
    }
  });

  it('a card value.text longer than the text limit is refused with a short 400, like text', async () => {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'test', deliveryMode: 'expectReplies', conversation: { id: 'long-value' }, from: { id: 'u' }, value: { text: 'a'.repeat(20_000) } }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('value.text must be a string of at most 10000 characters');
  });

  it('issue 16 item 2: the local Direct Line refuses an over-long value.text with a 400 too, and a later message is answered', async () => {
    const client = await DirectLineClient.start(app.url);
    const res = await client.post({ type: 'message', from: { id: 'web-chat-own-id', role: 'user' }, value: { text: 'i cant breathe '.repeat(1000) } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('value.text must be a string of at most 10000 characters');
    expect(res.text).not.toMatch(/\n\s+at /);
    const replies = fromBot(await client.say('I cant breathe'));
    expect(replies.flatMap((r) => r.entities ?? []).some((e) => e.type === 'disposition' && e.level === 'emergency')).toBe(true);
  });

  it('consent: a card submit {value:{text:"yes"}} is read like the typed word', async () => {
    const p = patient();
    await p.say('hi');
    expect(questionId(await p.send({ type: 'message', value: { text: 'yes' } }))).toBe('eligibility');
  });

  it.each([['a bit better', 'self-care'], ['a little better but not much', 'self-care'], ['he says it doesnt hurt at all now', 'self-care'], ['about the same', 'soon'], ['getting worse', 'urgent'],
    ['Better. Still a little bit of pain when I stand for long, but much better', 'self-care'], ['It is about the same as before the scan, still swollen', 'soon'], ['not worse', 'soon'], ['almost back to normal', 'self-care'], ['the swelling has spread up to my knee', 'urgent']])('H18: trend "%s" gives %s', async (said, level) => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, legTrend: said }, 'teachBack');
    expect(last(dispositions(replies))?.level).toBe(level);
    expect(texts(replies)).not.toContain('count that as not sure');
  });

  it('carer: "yes I\'m his wife" at consent switches to carer wording', async () => {
    const p = patient();
    await p.say('hi');
    const replies = await p.say("yes I'm his wife");
    expect(questionId(replies)).toBe('eligibility');
    expect(texts(replies)).toContain('the person you care for');
  });
});

describe('possible red flags get a direct question (S9, H21)', () => {
  it('H21: a hedged, explained-away sign is asked about directly, with its entity; yes gives that advice', async () => {
    const p = patient();
    const first = await p.say('I get a bit breathless on the stairs but probably just nerves');
    const asked = entitiesOf(first, 'redFlagQuestion');
    expect(asked[0]).toMatchObject({ flag: 'breathless', level: 'emergency' });
    expect(questionId(first)).toBe('redFlagCheck');
    expect(dispositions(await p.say('yes'))[0]?.level).toBe('emergency');
  });

  it('H21: "no" to the direct question carries on where the patient was', async () => {
    const p = patient();
    const { at } = await answerById(p, await p.say('hi'), CALM, 'legTrend');
    expect(at).toBe('legTrend');
    const asked = await p.say('maybe a little short of breath, I think it is just stress');
    expect(questionId(asked)).toBe('redFlagCheck');
    expect(questionId(await p.say('no'))).toBe('legTrend');
  });

  it('H21: a possible flag denied once is not asked about again in the conversation', async () => {
    const p = patient();
    const { at } = await answerById(p, await p.say('hi'), CALM, 'legTrend');
    expect(at).toBe('legTrend');
    expect(questionId(await p.say('maybe a little short of breath, I think it is just stress'))).toBe('redFlagCheck');
    expect(questionId(await p.say('no'))).toBe('legTrend');
    expect(questionId(await p.say('maybe a little short of breath again, probably just stress'))).not.toBe('redFlagCheck');
  });

  it('H18: "a bit, but the same as always" at a sign question is not a new sign', async () => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, signBreathing: 'a bit, but the same as always' }, 'teachBack');
    expect(dispositions(replies).map((d) => d.level)).not.toContain('emergency');
  });

  it('H21: on SMS the direct question is numbered and carries its entity', async () => {
    const p = patient('sms');
    const replies = await p.say('I get a bit breathless on the stairs but probably just nerves');
    expect(entitiesOf(replies, 'redFlagQuestion')[0]).toMatchObject({ flag: 'breathless' });
    expect(texts(replies)).toMatch(/1\) Yes/);
    expect(dispositions(await p.say('1'))[0]?.level).toBe('emergency');
  });

  it('H21: "not sure" to a possible emergency flag gives the urgent line now', async () => {
    const p = patient();
    await p.say('I get a bit breathless on the stairs but probably just nerves');
    const replies = await p.say('not sure');
    expect(dispositions(replies)[0]).toMatchObject({ level: 'urgent' });
    expect(texts(replies)).toContain('Call 111 now');
  });
});

describe('who this chat is not for (H26)', () => {
  it('H26: "yes, I am 66 and no clot was found" confirms the chat is for them', async () => {
    const p = patient();
    await p.say('hi');
    await p.say('yes');
    expect(questionId(await p.say('Yes, I am 66 and no clot was found.'))).toBe('explain');
  });

  it('H26 S8: no scan yet gives urgent advice that holds; "ok" then asks again whether the chat is for them', async () => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, eligibility: 'No', eligibilityWhy: 'I have not had a scan yet' }, 'signBreathing');
    expect(dispositions(replies)[0]?.level).toBe('urgent');
    const again = await p.say('ok');
    expect(texts(again)).toContain('Earlier you told me about');
    expect(questionId(again)).toBe('eligibility');
  });
});

describe('one emergency sign per question', () => {
  it('H20: each of the six signs is its own question, each carrying its id, and yes to any one is an emergency', async () => {
    const ids = ['signBreathing', 'signChest', 'signCoughBlood', 'signFaint', 'signHeart', 'signLeg'];
    for (const sign of ids) {
      const p = patient();
      const { replies } = await answerById(p, await p.say('hi'), { ...CALM, [sign]: 'yes' }, 'teachBack');
      const asked = entitiesOf(replies, 'question').map((e) => e.id);
      expect(asked.slice(asked.indexOf('signBreathing'), asked.indexOf(sign) + 1)).toEqual(ids.slice(0, ids.indexOf(sign) + 1));
      expect(last(dispositions(replies))?.level).toBe('emergency');
    }
  });

  it('every question the bot asks carries a question entity with its id', async () => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), CALM, 'whatNext');
    const asking = replies.filter((r) => (r.suggestedActions?.actions.length ?? 0) > 0);
    expect(asking.length).toBeGreaterThan(10);
    for (const r of asking) expect(entitiesOf([r], 'question')).toHaveLength(1);
  });
});

describe('issue 19: recognizer spot checks over HTTP', () => {
  it('S1: Levantine "ما عم بقدر اتنفس" (I can\'t breathe) as the first message gets the emergency advice', async () => {
    const p = new Patient(app.url, `understand-ar-${(n += 1)}`, 'test', 'ar-EG');
    expect(dispositions(await p.say('ما عم بقدر اتنفس')).map((d) => d.level)).toEqual(['emergency']);
  });

  it('S1: German "ich kipp gleich um" (about to faint) as the first message gets the emergency advice', async () => {
    const p = new Patient(app.url, `understand-de-${(n += 1)}`, 'test', 'de-DE');
    expect(dispositions(await p.say('ich kipp gleich um')).map((d) => d.level)).toEqual(['emergency']);
  });

  it('German "ich schau gleich nach" (I will look in a moment) at the leg question is asked again, not read as "the same"', async () => {
    const p = new Patient(app.url, `understand-de-${(n += 1)}`, 'test', 'de-DE');
    const de = app.app.localizer.fixedT('de');
    const label = (choice: string): string => de(`common:choices.${choice}`);
    const calm = Object.fromEntries(Object.keys(CALM).map((id) => [id, label(({ consent: 'consentYes', eligibility: 'yes', explain: 'carryOn' } as Record<string, string>)[id] ?? 'no')]));
    const { replies } = await answerById(p, await p.say('hallo'), calm, 'legTrend');
    expect(questionId(replies)).toBe('legTrend');
    const again = await p.say('ich schau gleich nach');
    expect(questionId(again)).toBe('legTrend');
    expect(dispositions(again)).toEqual([]);
  });
});
