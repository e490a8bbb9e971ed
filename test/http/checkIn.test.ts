import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttons, dispositions, Patient, startApp, texts } from '../helpers/app';
import { startFakeConnector } from '../helpers/fakeConnector';

const DAY = 24 * 3600 * 1000;
const OPENING = ['hi', 'yes', 'carry on'];

describe('follow-up check-ins end to end', () => {
  it('H05 H12: opt in, then the check-in arrives on day 2 exactly once, re-checks, and a persisting symptom moves the advice up a tier', async () => {
    let clock = Date.UTC(2026, 10, 26, 9);
    const connector = await startFakeConnector();
    const running = await startApp({ CHECKIN_DAYS: '2', CHECKIN_WINDOW_HOURS: '12' }, () => clock);
    const p = new Patient(running.url, 'checkin-1');
    const send = (text: string) => p.send({ type: 'message', text, serviceUrl: connector.url });
    for (const line of [...OPENING, 'no', 'about the same', 'no', 'no', 'call 999']) await send(line);
    const offered = await send('yes please');
    expect(texts(offered)).toMatch(/I will message you 2 days from now/);
    expect(running.app.checkIns.pendingFor('test/users/checkin-1-user')).toHaveLength(1);
    await send('I am done');

    expect(await running.app.scheduler.tick()).toBe(0); // not due yet
    clock += 2 * DAY + 60_000;
    expect(await running.app.scheduler.tick()).toBe(1);
    expect(await running.app.scheduler.tick()).toBe(0); // exactly once
    const proactive = connector.posted.map((x) => x.activity.text ?? '');
    expect(proactive[0]).toMatch(/checking on your leg as you asked/);
    expect(proactive.join('\n')).toMatch(/Do you have any of these now, or have you had any since your scan\?/);
    expect(connector.posted[0]!.path).toMatch(/^\/v3\/conversations\/checkin-1\/activities/);

    // The patient answers the check-in through the channel as usual.
    await send('no');
    const rest = [...(await send('still the same')), ...(await send('no')), ...(await send('no'))];
    expect(dispositions(rest)[0]).toMatchObject({ level: 'urgent', reasons: ['S_LEG_SAME', 'M_REPEAT_CONTACT'] });
    await running.stop();
    await connector.stop();
  });

  it('H08: nothing is booked without a clear yes ("I am done" at the offer is not consent)', async () => {
    const running = await startApp({ CHECKIN_DAYS: '2,7' });
    const p = new Patient(running.url, 'consent-1');
    for (const line of [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999']) await p.say(line);
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
    const p = new Patient(running.url, 'checkin-2');
    for (const line of [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999', 'yes']) await p.send({ type: 'message', text: line, serviceUrl: connector.url });
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
    for (const line of [...OPENING, 'no', 'gone', 'no', 'no', 'no', 'call 999', 'yes']) await p.say(line);
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
    for (const line of [...OPENING, 'no']) await p.say(line);
    await p.say('forget me');
    const kept = await p.say('no');
    expect(texts(kept)).toMatch(/I will keep it/);
    expect(texts(kept)).toMatch(/Since the day of your scan/);
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
