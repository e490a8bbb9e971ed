import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttons, dispositions, Patient, startApp, texts, type Reply } from '../helpers/app';
import { startFakeConnector } from '../helpers/fakeConnector';
import { answerById, CALM, questionId } from '../helpers/questions';

const DAY = 24 * 3600 * 1000;

/** A patient on a channel whose connector is at `serviceUrl` (where check-ins are posted). */
class ChannelPatient extends Patient {
  constructor(url: string, conversationId: string, private readonly serviceUrl: string) { super(url, conversationId); }
  override say(text: string): Promise<Reply[]> { return this.send({ type: 'message', text, serviceUrl: this.serviceUrl }); }
}

/** Says hello and answers each question by its id (calm unless `answers` says otherwise) until the bot asks `stopAt`. */
async function upTo(p: Patient, stopAt: string, answers: Record<string, string> = {}): Promise<Reply[]> {
  const { replies, at } = await answerById(p, await p.say('hi'), { ...CALM, ...answers }, stopAt);
  expect(at).toBe(stopAt);
  return replies;
}

describe('follow-up check-ins end to end', () => {
  it('H05 H12: opt in, then the check-in arrives on day 2 exactly once, re-checks, and a persisting symptom moves the advice up a tier', async () => {
    let clock = Date.UTC(2026, 10, 26, 9);
    const connector = await startFakeConnector();
    const running = await startApp({ CHECKIN_DAYS: '2', CHECKIN_WINDOW_HOURS: '12' }, () => clock);
    const p = new ChannelPatient(running.url, 'checkin-1', connector.url);
    const before = await upTo(p, 'followUpOffer', { legTrend: 'about the same', teachBack: 'call 999' });
    expect(dispositions(before).map((d) => d.level)).toEqual(['soon']);
    const offered = await p.say('yes please');
    expect(texts(offered)).toMatch(/I will message you 2 days from now/);
    expect(running.app.checkIns.pendingFor('test/users/checkin-1-user')).toHaveLength(1);
    await p.say('I am done');

    expect(await running.app.scheduler.tick()).toBe(0); // not due yet
    clock += 2 * DAY + 60_000;
    expect(await running.app.scheduler.tick()).toBe(1);
    expect(await running.app.scheduler.tick()).toBe(0); // exactly once
    const proactive = connector.posted.map((x) => x.activity.text ?? '');
    expect(proactive[0]).toMatch(/checking on your leg as you asked/);
    expect(proactive.join('\n')).toMatch(/Are you more short of breath than usual, now or since your scan\?/);
    expect(connector.posted[0]!.path).toMatch(/^\/v3\/conversations\/checkin-1\/activities/);
    // The check-in starts again at the first emergency sign.
    const checkIn = connector.posted.map((x) => x.activity as Reply);
    expect(questionId(checkIn)).toBe('signBreathing');

    // The patient answers the check-in through the channel as usual.
    const { replies: rest, at } = await answerById(p, checkIn, { ...CALM, legTrend: 'still the same' }, 'teachBack');
    expect(at).toBe('teachBack');
    expect(dispositions(rest)[0]).toMatchObject({ level: 'urgent', reasons: ['S_LEG_SAME', 'M_REPEAT_CONTACT'] });
    await running.stop();
    await connector.stop();
  });

  it('H08: nothing is booked without a clear yes ("I am done" at the offer is not consent)', async () => {
    const running = await startApp({ CHECKIN_DAYS: '2,7' });
    const p = new Patient(running.url, 'consent-1');
    await upTo(p, 'followUpOffer', { legTrend: 'gone', teachBack: 'call 999' });
    const first = await p.say('I am done');
    expect(texts(first)).toMatch(/did not understand/);
    const second = await p.say('I am done');
    expect(texts(second)).toMatch(/I will not message you/);
    expect(running.app.checkIns.pendingFor('test/users/consent-1-user')).toEqual([]);
    await running.stop();
  });

  it('H05: a channel failure is retried with back-off; a check-in past its window is dropped, not sent late', async () => {
    let clock = Date.UTC(2026, 10, 26, 9);
    const connector = await startFakeConnector();
    const running = await startApp({ CHECKIN_DAYS: '2,7', CHECKIN_WINDOW_HOURS: '12' }, () => clock);
    const p = new ChannelPatient(running.url, 'checkin-2', connector.url);
    await upTo(p, 'followUpOffer', { legTrend: 'gone', teachBack: 'call 999' });
    expect(texts(await p.say('yes'))).toMatch(/I will message you/);
    clock += 2 * DAY;
    connector.failNext(50);
    await running.app.scheduler.tick();
    expect(connector.posted).toHaveLength(0);
    connector.failNext(0);
    clock += 60 * 60_000;
    await running.app.scheduler.tick();
    expect(connector.posted.length).toBeGreaterThan(0);
    clock += 10 * DAY; // the day-7 window has long passed
    await running.app.scheduler.tick();
    const db = new Database(path.join(running.dataDir, 'afterscan.db'), { readonly: true });
    const statuses = db.prepare('SELECT status FROM checkins ORDER BY due_at').all().map((r) => (r as { status: string }).status);
    db.close();
    expect(statuses).toEqual(['sent', 'dropped']);
    await running.stop();
    await connector.stop();
  });

  it('H08: forget me (confirmed) leaves nothing of the user or the conversation in the database', async () => {
    const running = await startApp({ CHECKIN_DAYS: '2,7' });
    const p = new Patient(running.url, 'forget-1');
    await upTo(p, 'followUpOffer', { legTrend: 'gone', teachBack: 'call 999' });
    await p.say('yes');
    expect(running.app.checkIns.pendingFor('test/users/forget-1-user')).toHaveLength(2);
    const asked = await p.say('delete my data');
    expect(texts(asked)).toMatch(/Do you want me to delete everything/);
    expect(buttons(asked)).toEqual(['Yes, delete it', 'No, keep it']);
    const done = await p.say('yes');
    expect(texts(done)).toMatch(/I have deleted what I kept about you/);

    const db = new Database(path.join(running.dataDir, 'afterscan.db'), { readonly: true });
    const state = db.prepare("SELECT key FROM state WHERE key LIKE '%forget-1%'").all();
    const checkins = db.prepare("SELECT id FROM checkins WHERE user_key LIKE '%forget-1%' OR reference LIKE '%forget-1%'").all();
    db.close();
    expect(state).toEqual([]);
    expect(checkins).toEqual([]);
    await running.stop();
  });

  it('forget me can be declined, and nothing is lost', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'forget-2');
    await upTo(p, 'legTrend');
    await p.say('forget me');
    const kept = await p.say('no');
    expect(texts(kept)).toMatch(/I will keep it/);
    expect(texts(kept)).toMatch(/Since the day of your scan/);
    expect(questionId(kept)).toBe('legTrend');
    await running.stop();
  });

  it('H08: state untouched for longer than RETENTION_DAYS is purged', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const running = await startApp({ RETENTION_DAYS: '30' }, () => clock);
    const p = new Patient(running.url, 'old-1');
    await p.say('hi');
    clock += 31 * DAY;
    const fresh = new Patient(running.url, 'new-1');
    await fresh.say('hi');
    running.app.retention();
    const db = new Database(path.join(running.dataDir, 'afterscan.db'), { readonly: true });
    const keys = db.prepare('SELECT key FROM state').all().map((r) => (r as { key: string }).key);
    db.close();
    expect(keys.some((k) => k.includes('old-1'))).toBe(false);
    expect(keys.some((k) => k.includes('new-1'))).toBe(true);
    await running.stop();
  });
});
