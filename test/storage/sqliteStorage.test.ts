import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ETagConflictError, SqliteStorage } from '../../src/storage/sqliteStorage';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-storage-'));
  file = path.join(dir, 'state.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('SqliteStorage', () => {
  it('writes, reads back with an eTag, and deletes', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ a: { step: 2, nested: { x: [1, 2] } } });
    const read = await storage.read(['a', 'missing']);
    expect(read.a).toMatchObject({ step: 2, nested: { x: [1, 2] } });
    expect(typeof read.a.eTag).toBe('string');
    expect(read.missing).toBeUndefined();
    await storage.delete(['a']);
    expect(await storage.read(['a'])).toEqual({});
    storage.close();
  });

  it('keeps state in the file across a reopen (a process restart)', async () => {
    const first = new SqliteStorage(file);
    await first.write({ k: { value: 'kept' } });
    first.close();
    const second = new SqliteStorage(file);
    expect((await second.read(['k'])).k).toMatchObject({ value: 'kept' });
    second.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('detects a conflicting write (stale eTag) and keeps the first writer\'s data', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ k: { n: 1 } });
    const a = (await storage.read(['k'])).k;
    const b = (await storage.read(['k'])).k;
    await storage.write({ k: { ...a, n: 2 } });
    await expect(storage.write({ k: { ...b, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.read(['k'])).k).toMatchObject({ n: 2 });
    storage.close();
  });

  it('detects a conflict between two processes sharing the file', async () => {
    const one = new SqliteStorage(file);
    const two = new SqliteStorage(file);
    await one.write({ k: { n: 1 } });
    const seenByTwo = (await two.read(['k'])).k;
    await one.write({ k: { ...(await one.read(['k'])).k, n: 2 } });
    await expect(two.write({ k: { ...seenByTwo, n: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
    one.close();
    two.close();
  });

  it('treats "*" and a missing eTag as last-writer-wins, like botbuilder MemoryStorage', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    await storage.write({ k: { n: 3 } });
    expect((await storage.read(['k'])).k).toMatchObject({ n: 3 });
    await storage.write({ fresh: { n: 1, eTag: 'never-seen' } });
    expect((await storage.read(['fresh'])).fresh).toMatchObject({ n: 1 });
    storage.close();
  });

  it('answers the readiness ping only while open', () => {
    const storage = new SqliteStorage(file);
    expect(storage.ping()).toBe(true);
    storage.close();
    expect(storage.ping()).toBe(false);
  });
});
