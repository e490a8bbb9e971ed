import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesFor, countSms } from '../../src/rendering';
import { cardActions, cardVersion, cardWarnings, isAdaptiveCard } from '../helpers/cards';
import { dispositions, Patient, seen, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000' }); });
afterAll(async () => { await running.stop(); });

/**
 * The same four paths on every channel, answered in words by question id (calm unless said
 * otherwise), up to the question each path stops at.
 */
const TIERS: [string, Record<string, string>, string][] = [
  ['emergency', { signBreathing: 'yes' }, 'teachBack'],
  ['urgent', { legTrend: 'worse' }, 'teachBack'],
  ['soon', { legTrend: 'about the same', otherLimb: 'no', followUpPlanned: 'no' }, 'teachBack'],
  ['self-care', { legTrend: 'its gone now', otherLimb: 'no', hardVeins: 'nope', followUpPlanned: 'no', teachBack: 'call 999' }, 'followUpOffer'],
];

/** Says hello, then answers by question id until `stopAt` (or until nothing more is asked). */
async function walk(p: Patient, answers: Record<string, string>, stopAt?: string): Promise<Reply[]> {
  return (await answerById(p, await p.say('hi'), { ...CALM, ...answers }, stopAt)).replies;
}

/** What each channel must never get, checked on every reply of every path. */
const CHANNEL_RULES: Record<string, (r: Reply) => void> = {
  webchat: (r) => {
    for (const a of r.attachments ?? []) {
      expect(cardWarnings(a.content)).toEqual([]);
      expect(cardActions(a.content)).toEqual([]); // web chat buttons are suggested actions
    }
  },
  msteams: (r) => {
    expect(r.suggestedActions).toBeUndefined();
    for (const a of r.attachments ?? []) {
      expect(isAdaptiveCard(a)).toBe(true);
      expect(cardWarnings(a.content)).toEqual([]);
      expect(cardVersion(a.content)).toBeLessThanOrEqual(1.5);
      for (const action of cardActions(a.content)) expect(action.data).toEqual({ msteams: { type: 'imBack', value: action.title } });
    }
  },
  sms: (r) => {
    expect(r.attachments).toBeUndefined();
    expect(r.suggestedActions).toBeUndefined();
    expect(r.textFormat).toBe('plain');
    expect(r.text ?? '').not.toMatch(/[*_\\#`[]/);
    expect(countSms(r.text ?? '').segments).toBeLessThanOrEqual(2);
  },
};

describe.each(['webchat', 'msteams', 'sms'])('H04: on %s, every tier is reached and every reply suits the channel', (channel) => {
  for (const [level, answers, stopAt] of TIERS) {
    it(`reaches ${level}`, async () => {
      const replies = await walk(new Patient(running.url, `${channel}-${level}-${(n += 1)}`, channel), answers, stopAt);
      // The emergency path asks nothing after the advice; the others reach the question they stop at
      // (a web chat is never offered check-ins, so it goes straight on to "anything else?").
      const reached = stopAt === 'followUpOffer' && !capabilitiesFor(channel).checkIns ? 'whatNext' : stopAt;
      expect(questionId(replies)).toBe(level === 'emergency' ? 'signBreathing' : reached);
      expect(dispositions(replies).map((d) => d.level)).toContain(level);
      expect(dispositions(replies).map((d) => d.level).every((l) => l === level)).toBe(true);
      const advice = replies.find((r) => dispositions([r]).length > 0)!;
      expect(seen(advice)).toMatch(level === 'emergency' ? /Call 999 now[\s\S]*ambulance/ : /999|Get seen today|Contact your care team|Keep an eye/);
      for (const reply of replies) CHANNEL_RULES[channel]!(reply);
    });
  }

  it('S1 H01 H04: a red flag typed mid-question gets the emergency advice with the number written out', async () => {
    const p = new Patient(running.url, `${channel}-s1-${(n += 1)}`, channel);
    expect((await answerById(p, await p.say('hi'), CALM, 'legTrend')).at).toBe('legTrend');
    const replies = await p.say('i cant breathe properly');
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
    expect(seen(replies[0]!)).toMatch(/Call 999 now/);
    for (const reply of replies) CHANNEL_RULES[channel]!(reply);
  });
});

describe('channel-specific shapes', () => {
  it('web chat: advice is a card under its heading, choices are suggested actions', async () => {
    const replies = await walk(new Patient(running.url, `wc-${(n += 1)}`, 'webchat'), TIERS[1]![1], TIERS[1]![2]);
    const advice = replies.find((r) => dispositions([r]).length > 0)!;
    expect(advice.text).toBe('**Get seen today**');
    expect(advice.attachments).toHaveLength(1);
    expect(advice.speak).toMatch(/Get seen today\n\nScans can miss some clots/);
    expect(replies.at(-1)!.suggestedActions?.actions.length).toBeGreaterThan(0);
  });

  it('Teams: a question is its words plus a card of buttons; tapping one arrives as text and is understood', async () => {
    const p = new Patient(running.url, `teams-${(n += 1)}`, 'msteams');
    const { replies, at } = await answerById(p, await p.say('hi'), CALM, 'signBreathing');
    expect(at).toBe('signBreathing');
    const question = replies.at(-1)!;
    expect(texts([question])).toMatch(/Are you more short of breath than usual, now or since your scan\?/);
    const titles = cardActions(question.attachments?.[0]?.content).map((a) => a.title);
    expect(titles).toEqual(['Yes', 'No', 'Not sure']);
    // Teams posts an imBack tap as an ordinary message whose text is the button's value.
    const next = await p.say('No');
    expect(questionId(next)).toBe('signChest');
    expect(texts(next)).toMatch(/pain in your chest or upper back/);
  });

  it('Teams: installing the app in personal scope (installationUpdate add) welcomes the user', async () => {
    const p = new Patient(running.url, `teams-install-${(n += 1)}`, 'msteams');
    const replies = await p.send({ type: 'installationUpdate', action: 'add' });
    expect(replies[0]!.text).toMatch(/automated helper/);
    expect(texts(replies)).toMatch(/Is that OK\?/);
    expect(await p.send({ type: 'installationUpdate', action: 'add-upgrade' })).toEqual([]);
    const upgraded = new Patient(running.url, `teams-upgrade-${(n += 1)}`, 'msteams');
    expect(await upgraded.send({ type: 'installationUpdate', action: 'add-upgrade' })).toEqual([]); // an app upgrade is no new patient
  });
});
