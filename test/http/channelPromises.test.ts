import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardWarnings } from '../helpers/cards';
import { dispositions, Patient, seen, startApp, type Reply, type RunningApp } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';

/**
 * What each channel is promised and given, through the real server: tap-to-call wherever the
 * advice names a number, and follow-up check-ins offered only where a message days later can arrive.
 */
let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ CHECKIN_DAYS: '2,7', CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000' }); });
afterAll(async () => { await running.stop(); });

const patient = (channel: string): Patient => new Patient(running.url, `promise-${channel}-${(n += 1)}`, channel);

type CardNode = { type?: string; url?: string; title?: string; body?: CardNode[]; items?: CardNode[]; actions?: CardNode[] };
const openUrls = (replies: Reply[]): { title?: string; url?: string }[] => {
  const out: { title?: string; url?: string }[] = [];
  const walk = (n: CardNode): void => {
    if (n.type === 'Action.OpenUrl') out.push({ title: n.title, url: n.url });
    for (const c of [...(n.body ?? []), ...(n.items ?? []), ...(n.actions ?? [])]) walk(c);
  };
  for (const r of replies) for (const a of r.attachments ?? []) walk(a.content as CardNode);
  return out;
};

describe('tap to call on every channel', () => {
  it('web chat: the emergency advice links 999 as tel: in its heading and on its card', async () => {
    const replies = await patient('webchat').say("I can't breathe");
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
    expect(replies[0]!.text).toBe('**Call [999](tel:999) now**');
    expect(seen(replies[0]!)).toMatch(/Call 999 now and ask for an ambulance/);
    expect(JSON.stringify(replies[0]!.attachments)).toContain('[999](tel:999)');
  });

  it('web chat: the care team number in the advice is a tel: link too', async () => {
    const p = patient('webchat');
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, legTrend: 'about the same', followUpPlanned: 'no' }, 'teachBack');
    expect(dispositions(replies).map((d) => d.level)).toEqual(['soon']);
    expect(JSON.stringify(replies)).toContain('[020 7946 0000](tel:02079460000)');
  });

  it('Teams: the emergency card carries an Action.OpenUrl tel:999 button', async () => {
    const replies = await patient('msteams').say("I can't breathe");
    expect(openUrls(replies)).toEqual([{ title: 'Call 999 now', url: 'tel:999' }]);
    for (const r of replies) for (const a of r.attachments ?? []) expect(cardWarnings(a.content)).toEqual([]);
  });

  it('SMS: the number stands alone on the line under "Call 999 now"', async () => {
    const replies = await patient('sms').say("I can't breathe");
    expect(replies[0]!.text!.split('\n').slice(0, 2)).toEqual(['Call 999 now', '999']);
    expect(replies.map((r) => r.text).join('\n')).not.toMatch(/tel:/);
  });
});

describe('check-ins are offered only where they can arrive', () => {
  const selfCare = { ...CALM, legTrend: 'Gone', followUpPlanned: 'No' };

  it.each(['msteams', 'sms'])('%s: after the advice and the teach-back, the check-in is offered', async (channel) => {
    const p = patient(channel);
    const { at } = await answerById(p, await p.say('hi'), selfCare, 'followUpOffer');
    expect(at).toBe('followUpOffer');
  });

  it('web chat: no check-in offer (its conversation is forgotten after an idle hour), and nothing is booked', async () => {
    const p = patient('webchat');
    const { replies, at } = await answerById(p, await p.say('hi'), { ...selfCare, followUpOffer: 'Yes, message me' }, 'followUpOffer');
    expect(at).not.toBe('followUpOffer');
    expect(questionId(replies)).not.toBe('followUpOffer');
    expect(seen({ type: 'message', text: replies.map((r) => r.text ?? '').join('\n') })).not.toMatch(/I will message you|Would you like me to send you a message/);
    expect(dispositions(replies).map((d) => d.level)).toEqual(['self-care']);
    expect(running.app.checkIns.pendingFor(`webchat/users/${p.userId}`)).toEqual([]);
  });
});
