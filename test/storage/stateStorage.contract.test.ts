import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type pg from 'pg';
import type { Storage } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, migrate } from '../../src/storage/pgDatabase';
import { PgStorage } from '../../src/storage/pgStorage';
import { ETagConflictError, SqliteStorage } from '../../src/storage/sqliteStorage';
import { runPostgresTests, startPostgres, type TestCluster } from '../helpers/postgres';

/**
 * One contract for the botbuilder Storage, run against both backends: SQLite (a file) and
 * PostgreSQL (a throwaway cluster). `open` gives a fresh store; `second` another connection to
 * the same data (another process on the file, another pooled connection to the server).
 */
interface Backend {
  open: () => Promise<{ one: Storage; two: Storage; close: () => Promise<void> }>;
}

const silent = pino({ level: 'silent' });

function contract(name: string, backend: () => Backend, enabled = true): void {
  describe.runIf(enabled)(`Storage contract: ${name}`, () => {
    it('writes, reads back with an eTag, and deletes', async () => {
      const { one, close } = await backend().open();
      await one.write({ a: { step: 2, nested: { x: [1, 2] }, text: 'ünïcødé ✓' } });
      const read = await one.read(['a', 'missing']);
      expect(read.a).toMatchObject({ step: 2, nested: { x: [1, 2] }, text: 'ünïcødé ✓' });
      expect(typeof read.a.eTag).toBe('string');
      expect(read.missing).toBeUndefined();
      await one.delete(['a']);
      expect(await one.read(['a'])).toEqual({});
      await close();
    });

    it('a stale eTag is a conflict and keeps the first writer\'s data', async () => {
      const { one, close } = await backend().open();
      await one.write({ k: { n: 1 } });
      const a = (await one.read(['k'])).k;
      const b = (await one.read(['k'])).k;
      await one.write({ k: { ...a, n: 2 } });
      await expect(one.write({ k: { ...b, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await one.read(['k'])).k).toMatchObject({ n: 2 });
      await close();
    });

    it('detects a conflict between two connections (two instances) on the same data', async () => {
      const { one, two, close } = await backend().open();
      await one.write({ k: { n: 1 } });
      const seenByTwo = (await two.read(['k'])).k;
      await one.write({ k: { ...(await one.read(['k'])).k, n: 2 } });
      await expect(two.write({ k: { ...seenByTwo, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await two.read(['k'])).k).toMatchObject({ n: 2 });
      await close();
    });

    it('of two writers racing with the same eTag, exactly one wins', async () => {
      const { one, two, close } = await backend().open();
      await one.write({ k: { n: 0 } });
      const seen = (await one.read(['k'])).k;
      const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).write({ k: { ...seen, n: i + 1 } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ETagConflictError)).toBe(true);
      await close();
    });

    it('a write of several items is all or nothing', async () => {
      const { one, close } = await backend().open();
      await one.write({ x: { n: 1 }, y: { n: 1 } });
      const y = (await one.read(['y'])).y;
      await one.write({ y: { ...y, n: 2 } });
      await expect(one.write({ x: { n: 9, eTag: '*' }, y: { ...y, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect(await one.read(['x', 'y'])).toMatchObject({ x: { n: 1 }, y: { n: 2 } });
      await close();
    });

    it('treats "*" and a missing eTag as last-writer-wins, and an unknown eTag on a new item as an insert', async () => {
      const { one, close } = await backend().open();
      await one.write({ k: { n: 1 } });
      await one.write({ k: { n: 2, eTag: '*' } });
      await one.write({ k: { n: 3 } });
      expect((await one.read(['k'])).k).toMatchObject({ n: 3 });
      await one.write({ fresh: { n: 1, eTag: 'never-seen' } });
      expect((await one.read(['fresh'])).fresh).toMatchObject({ n: 1 });
      await close();
    });
  });
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-contract-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
contract('SQLite', () => ({
  open: async () => {
    const file = path.join(dir, `s${(n += 1)}.db`);
    const one = new SqliteStorage(file);
    const two = new SqliteStorage(file);
    return { one, two, close: async () => { one.close(); two.close(); } };
  },
}));

let cluster: TestCluster | undefined;
describe.runIf(runPostgresTests)('PostgreSQL cluster', () => {
  beforeAll(async () => { cluster = await startPostgres(); }, 120_000);
  afterAll(() => cluster?.stop());

  contract('PostgreSQL', () => ({
    open: async () => {
      const url = await cluster!.createDatabase();
      const pools: pg.Pool[] = [createPool({ url }, silent), createPool({ url }, silent)];
      await migrate(pools[0]!);
      return { one: new PgStorage(pools[0]!), two: new PgStorage(pools[1]!), close: async () => { await Promise.all(pools.map((p) => p.end())); } };
    },
  }));

  it('migrations: three instances starting at once apply each file exactly once', async () => {
    const url = await cluster!.createDatabase();
    const pools = [1, 2, 3].map(() => createPool({ url }, silent));
    const applied = await Promise.all(pools.map((p) => migrate(p)));
    expect(applied.flat()).toEqual(['0001']);
    const { rows } = await pools[0]!.query('SELECT version FROM schema_migrations');
    expect(rows).toEqual([{ version: '0001' }]);
    expect(await migrate(pools[0]!)).toEqual([]);
    await Promise.all(pools.map((p) => p.end()));
  });

  it('readiness: a write probe answers while the server is up, and not while it is gone', async () => {
    const url = await cluster!.createDatabase();
    const pool = createPool({ url, connectTimeoutMs: 1000 }, silent);
    await migrate(pool);
    const storage = new PgStorage(pool);
    expect(await storage.ping()).toBe(true);
    await pool.end();
    expect(await storage.ping()).toBe(false);
  });
});
