import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn, NewCheckIn } from '../../src/schedule/checkInStore';
import { CheckInScheduler } from '../../src/schedule/scheduler';
import { SqliteCheckInStore } from '../../src/schedule/sqliteCheckInStore';

const HOUR = 3600_000;
const silent = pino({ level: 'silent' });
let dir: string;
let file: string;
let clock: number;
const now = (): number => clock;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-sched-'));
  file = path.join(dir, 'afterscan.db');
  clock = 1_000 * HOUR;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (id: string, dueIn: number, windowHours = 12, userKey = 'sms/users/u1'): NewCheckIn => ({
  id, userKey, reference: { conversation: { id: `c-${id}` } }, locale: 'en', dueAt: clock + dueIn, expiresAt: clock + dueIn + windowHours * HOUR,
});

function scheduler(store: SqliteCheckInStore, sent: string[], fail: () => boolean = () => false, worker?: string): CheckInScheduler {
  return new CheckInScheduler({
    store, now, logger: silent, worker, leaseMs: 5 * 60_000, backoffMs: () => 10 * 60_000,
    deliver: async (c: CheckIn) => { if (fail()) throw new Error('channel down'); sent.push(c.id); },
  });
}

describe('H05: check-in scheduler', () => {
  it('sends what is due, once, and not what is not yet due', async () => {
    const store = new SqliteCheckInStore(file);
    store.add([item('due', -1), item('later', 2 * HOUR)]);
    const sent: string[] = [];
    const s = scheduler(store, sent);
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    expect(sent).toEqual(['due']);
    clock += 2 * HOUR;
    await s.tick();
    expect(sent).toEqual(['due', 'later']);
    expect(store.counts()).toEqual({ sent: 2 });
    store.close();
  });

  it('drops a check-in whose window has passed instead of sending it late', async () => {
    const store = new SqliteCheckInStore(file);
    store.add([item('missed', 1 * HOUR, 12)]);
    clock += 14 * HOUR;
    const sent: string[] = [];
    await scheduler(store, sent).tick();
    expect(sent).toEqual([]);
    expect(store.counts()).toEqual({ dropped: 1 });
    store.close();
  });

  it('retries with back-off when the channel fails, then delivers', async () => {
    const store = new SqliteCheckInStore(file);
    store.add([item('flaky', 0)]);
    const sent: string[] = [];
    let failing = true;
    const s = scheduler(store, sent, () => failing);
    await s.tick();
    expect(sent).toEqual([]);
    clock += 5 * 60_000;
    await s.tick();
    expect(sent).toEqual([]); // back-off not over yet
    failing = false;
    clock += 6 * 60_000;
    await s.tick();
    expect(sent).toEqual(['flaky']);
    store.close();
  });

  it('a crash between claim and send: another worker delivers it once the lease runs out, exactly once', async () => {
    const crashed = new SqliteCheckInStore(file);
    crashed.add([item('orphan', 0)]);
    expect(crashed.claimDue(clock, 'crashed-worker', clock + 5 * 60_000, 10)).toHaveLength(1);
    crashed.close(); // the process died holding the claim

    const store = new SqliteCheckInStore(file);
    const sent: string[] = [];
    const s = scheduler(store, sent);
    await s.tick();
    expect(sent).toEqual([]); // lease still held
    clock += 6 * 60_000;
    await s.tick();
    await s.tick();
    expect(sent).toEqual(['orphan']);
    store.close();
  });

  it('two workers in two connections on one database: each check-in is sent exactly once', async () => {
    const a = new SqliteCheckInStore(file);
    const b = new SqliteCheckInStore(file);
    a.add(Array.from({ length: 40 }, (_, i) => item(`c${i}`, -i)));
    const sentA: string[] = [];
    const sentB: string[] = [];
    const wa = scheduler(a, sentA, undefined, 'A');
    const wb = scheduler(b, sentB, undefined, 'B');
    for (let round = 0; round < 4; round += 1) await Promise.all([wa.tick(), wb.tick()]);
    const all = [...sentA, ...sentB].sort();
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
    expect(sentA.length).toBeGreaterThan(0);
    expect(sentB.length).toBeGreaterThan(0);
    a.close();
    b.close();
  });

  it('cancels and deletes a user\'s check-ins (STOP and forget me), and purges finished rows', async () => {
    const store = new SqliteCheckInStore(file);
    store.add([item('x', HOUR, 12, 'sms/users/a'), item('y', 2 * HOUR, 12, 'sms/users/a'), item('z', HOUR, 12, 'sms/users/b')]);
    expect(store.cancelForUser('sms/users/a', clock)).toBe(2);
    expect(store.pendingFor('sms/users/a')).toEqual([]);
    expect(store.pendingFor('sms/users/b')).toHaveLength(1);
    expect(store.purgeFinishedBefore(clock + 1)).toBe(2);
    expect(store.deleteForUser('sms/users/b')).toBe(1);
    expect(store.counts()).toEqual({});
    store.close();
  });
});
