import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckIn, CheckInSchedule, NewCheckIn } from '../../src/schedule/checkInStore';
import { PgCheckInStore } from '../../src/schedule/pgCheckInStore';
import { CheckInScheduler } from '../../src/schedule/scheduler';
import { SqliteCheckInStore } from '../../src/schedule/sqliteCheckInStore';
import { createPool, migrate } from '../../src/storage/pgDatabase';
import { runPostgresTests, startPostgres, type TestCluster } from '../helpers/postgres';

/**
 * One contract for the check-in schedule, run against SQLite and PostgreSQL. `open(k)` gives k
 * stores on the same data (k processes sharing the file, k instances sharing the server).
 */
type Store = CheckInSchedule & { counts: () => Record<string, number> | Promise<Record<string, number>> };
type Open = (k: number) => Promise<{ stores: Store[]; close: () => Promise<void> }>;

const HOUR = 3600_000;
const silent = pino({ level: 'silent' });
let clock = 1_000 * HOUR;
const now = (): number => clock;

const item = (id: string, dueIn: number, windowHours = 12, userKey = 'sms/users/u1'): NewCheckIn => ({
  id, userKey, reference: { conversation: { id: `c-${id}` }, locale: 'en' }, locale: 'en', dueAt: clock + dueIn, expiresAt: clock + dueIn + windowHours * HOUR,
});

function scheduler(store: CheckInSchedule, sent: string[], fail: () => boolean = () => false, worker?: string): CheckInScheduler {
  return new CheckInScheduler({
    store, now, logger: silent, worker, leaseMs: 5 * 60_000, backoffMs: () => 10 * 60_000,
    deliver: async (c: CheckIn) => { if (fail()) throw new Error('channel down'); sent.push(c.id); },
  });
}

function contract(name: string, open: () => Open, enabled = true): void {
  describe.runIf(enabled)(`check-in schedule contract: ${name}`, () => {
    it('sends what is due, once, and not what is not yet due; keeps reference and times exact', async () => {
      clock = 1_000 * HOUR;
      const { stores: [store], close } = await open()(1);
      await store!.add([item('due', -1), item('later', 2 * HOUR)]);
      expect(await store!.pendingFor('sms/users/u1')).toEqual([
        { ...item('due', -1), attempts: 0 }, { ...item('later', 2 * HOUR), attempts: 0 },
      ]);
      const sent: string[] = [];
      const s = scheduler(store!, sent);
      expect(await s.tick()).toBe(1);
      expect(await s.tick()).toBe(0);
      clock += 2 * HOUR;
      await s.tick();
      expect(sent).toEqual(['due', 'later']);
      expect(await store!.counts()).toEqual({ sent: 2 });
      await close();
    });

    it('drops a check-in whose window has passed instead of sending it late', async () => {
      clock = 1_000 * HOUR;
      const { stores: [store], close } = await open()(1);
      await store!.add([item('missed', 1 * HOUR, 12)]);
      clock += 14 * HOUR;
      const sent: string[] = [];
      await scheduler(store!, sent).tick();
      expect(sent).toEqual([]);
      expect(await store!.counts()).toEqual({ dropped: 1 });
      await close();
    });

    it('retries with back-off when the channel fails, then delivers', async () => {
      clock = 1_000 * HOUR;
      const { stores: [store], close } = await open()(1);
      await store!.add([item('flaky', 0)]);
      const sent: string[] = [];
      let failing = true;
      const s = scheduler(store!, sent, () => failing);
      await s.tick();
      clock += 5 * 60_000;
      await s.tick();
      expect(sent).toEqual([]);
      failing = false;
      clock += 6 * 60_000;
      await s.tick();
      expect(sent).toEqual(['flaky']);
      expect((await store!.claimDue(clock + HOUR, 'x', clock + 2 * HOUR, 10))).toEqual([]);
      await close();
    });

    it('a worker that dies holding a claim: another takes it once the lease runs out, and only the holder can mark it sent', async () => {
      clock = 1_000 * HOUR;
      const { stores: [a, b], close } = await open()(2);
      await a!.add([item('orphan', 0)]);
      const [claimed] = await a!.claimDue(clock, 'dead', clock + 5 * 60_000, 10);
      expect(claimed).toMatchObject({ id: 'orphan', attempts: 1 });
      expect(await b!.claimDue(clock, 'B', clock + 5 * 60_000, 10)).toEqual([]);
      clock += 6 * 60_000;
      const [retaken] = await b!.claimDue(clock, 'B', clock + 5 * 60_000, 10);
      expect(retaken).toMatchObject({ id: 'orphan', attempts: 2 });
      expect(await a!.markSent('orphan', 'dead', clock)).toBe(false);
      expect(await b!.markSent('orphan', 'B', clock)).toBe(true);
      expect(await b!.markSent('orphan', 'B', clock)).toBe(false);
      expect(await a!.counts()).toEqual({ sent: 1 });
      await close();
    });

    it('three workers on three connections, claiming at once: each check-in is sent exactly once', async () => {
      clock = 1_000 * HOUR;
      const { stores, close } = await open()(3);
      await stores[0]!.add(Array.from({ length: 60 }, (_, i) => item(`c${i}`, -i)));
      const sent = stores.map(() => [] as string[]);
      const workers = stores.map((s, i) => scheduler(s, sent[i]!, undefined, `W${i}`));
      for (let round = 0; round < 6; round += 1) await Promise.all(workers.map((w) => w.tick()));
      const all = sent.flat().sort();
      expect(all).toHaveLength(60);
      expect(new Set(all).size).toBe(60);
      expect(await stores[0]!.counts()).toEqual({ sent: 60 });
      await close();
    });

    it('cancels and deletes a user\'s check-ins (STOP and forget me), and purges finished rows', async () => {
      clock = 1_000 * HOUR;
      const { stores: [store], close } = await open()(1);
      await store!.add([item('x', HOUR, 12, 'sms/users/a'), item('y', 2 * HOUR, 12, 'sms/users/a'), item('z', HOUR, 12, 'sms/users/b')]);
      expect(await store!.cancelForUser('sms/users/a', clock)).toBe(2);
      expect(await store!.pendingFor('sms/users/a')).toEqual([]);
      expect(await store!.pendingFor('sms/users/b')).toHaveLength(1);
      expect(await store!.purgeFinishedBefore(clock)).toBe(0);
      expect(await store!.purgeFinishedBefore(clock + 1)).toBe(2);
      expect(await store!.deleteForUser('sms/users/b')).toBe(1);
      expect(await store!.counts()).toEqual({});
      await close();
    });
  });
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-checkin-contract-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
contract('SQLite', () => async (k) => {
  const file = path.join(dir, `c${(n += 1)}.db`);
  const stores = Array.from({ length: k }, () => new SqliteCheckInStore(file));
  return { stores, close: async () => { for (const s of stores) s.close(); } };
});

let cluster: TestCluster | undefined;
describe.runIf(runPostgresTests)('PostgreSQL cluster', () => {
  beforeAll(async () => { cluster = await startPostgres(); }, 120_000);
  afterAll(() => cluster?.stop());
  contract('PostgreSQL', () => async (k) => {
    const url = await cluster!.createDatabase();
    const pools: pg.Pool[] = Array.from({ length: k }, () => createPool({ url }, silent));
    await migrate(pools[0]!);
    return { stores: pools.map((p) => new PgCheckInStore(p)), close: async () => { await Promise.all(pools.map((p) => p.end())); } };
  });
});
