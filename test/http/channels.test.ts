import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSms } from '../../src/rendering';
import { cardActions, cardVersion, cardWarnings, isAdaptiveCard } from '../helpers/cards';
import { dispositions, Patient, seen, startApp, texts, type Reply, type RunningApp, talk } from '../helpers/app';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000' }); });
afterAll(async () => { await running.stop(); });

const OPENING = ['hi', 'yes', 'carry on'];
/** The same four paths on every channel, answered in words. */
const TIERS: [string, string[]][] = [
  ['emergency', [...OPENING, 'yes']],
  ['urgent', [...OPENING, 'no', 'worse']],
  ['soon', [...OPENING, 'no', 'about the same', 'no', 'no']],
  ['self-care', [...OPENING, 'no', 'its gone now', 'no', 'nope', 'no', 'call 999']],
];

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
  for (const [level, lines] of TIERS) {
    it(`reaches ${level}`, async () => {
      const replies = await talk(new Patient(running.url, `${channel}-${level}-${(n += 1)}`, channel), lines);
      expect(dispositions(replies).map((d) => d.level)).toContain(level);
      expect(dispositions(replies).map((d) => d.level).every((l) => l === level)).toBe(true);
      const advice = replies.find((r) => dispositions([r]).length > 0)!;
      expect(seen(advice)).toMatch(level === 'emergency' ? /Call 999 now[\s\S]*ambulance/ : /999|Get seen today|Contact your team|Keep an eye/);
      for (const reply of replies) CHANNEL_RULES[channel]!(reply);
    });
  }

  it('S1 H01 H04: a red flag typed mid-question gets the emergency advice with the number written out', async () => {
    const p = new Patient(running.url, `${channel}-s1-${(n += 1)}`, channel);
    await talk(p, [...OPENING, 'no']);
    const replies = await p.say('i cant breathe properly');
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
    expect(replies[0]!.text).toMatch(/Call 999 now/);
    for (const reply of replies) CHANNEL_RULES[channel]!(reply);
  });
});

describe('channel-specific shapes', () => {
  it('web chat: advice is a card under its heading, choices are suggested actions', async () => {
    const replies = await talk(new Patient(running.url, `wc-${(n += 1)}`, 'webchat'), TIERS[1]![1]);
    const advice = replies.find((r) => dispositions([r]).length > 0)!;
    expect(advice.text).toBe('**Get seen today**');
    expect(advice.attachments).toHaveLength(1);
    expect(advice.speak).toMatch(/Get seen today\n\nScans can miss some clots/);
    expect(replies.at(-1)!.suggestedActions?.actions.length).toBeGreaterThan(0);
  });

  it('Teams: a question is its words plus a card of buttons; tapping one arrives as text and is understood', async () => {
    const p = new Patient(running.url, `teams-${(n += 1)}`, 'msteams');
    const replies = await talk(p, OPENING);
    const question = replies.at(-1)!;
    expect(texts([question])).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    const titles = cardActions(question.attachments?.[0]?.content).map((a) => a.title);
    expect(titles).toEqual(['Yes', 'No', 'Not sure']);
    // Teams posts an imBack tap as an ordinary message whose text is the button's value.
    expect(texts(await p.say('No'))).toMatch(/Since the day of your scan/);
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
