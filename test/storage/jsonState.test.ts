import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestAdapter, TurnContext, type Storage, type StoreItems } from 'botbuilder';
import { JsonConversationState, JsonUserState } from '../../src/sdk/jsonState';
import { SqliteStorage } from '../../src/storage/sqliteStorage';
import { Patient, startApp } from '../helpers/app';

/** The SDK module whose change hash BotState calls through its exports object (so a spy sees every call). */
const sdkStorage = createRequire(import.meta.url)('botbuilder-core/lib/storage.js') as { calculateChangeHash: (item: object) => string };

/** The real SQLite storage, with every write it is asked for recorded. */
class Recorded implements Storage {
  readonly writes: StoreItems[] = [];
  constructor(private readonly inner: SqliteStorage) {}
  read(keys: string[]) { return this.inner.read(keys); }
  write(changes: StoreItems) { this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems); return this.inner.write(changes); }
  delete(keys: string[]) { return this.inner.delete(keys); }
}

let dir: string;
let sqlite: SqliteStorage;
let storage: Recorded;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-jsonstate-'));
  sqlite = new SqliteStorage(path.join(dir, 'state.db'));
  storage = new Recorded(sqlite);
});
afterEach(() => {
  vi.restoreAllMocks();
  sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const turn = (): TurnContext => new TurnContext(new TestAdapter(), {
  type: 'message', text: 'hi', channelId: 'test', conversation: { id: 'c1' } as never, from: { id: 'u1', name: 'patient' }, recipient: { id: 'bot', name: 'bot' },
});

interface Session { answers: Record<string, string>; step?: number }

describe('state change check by JSON text (bench/RESULTS.md fix 3)', () => {
  it('writes a changed state once, skips an unchanged one, and sees a change deep inside', async () => {
    const state = new JsonConversationState(storage);
    const session = state.createProperty<Session>('session');
    let context = turn();
    (await session.get(context, { answers: {} })).answers.pain = 'yes';
    await state.saveChanges(context);
    await state.saveChanges(context); // nothing changed since the save
    expect(storage.writes).toHaveLength(1);

    context = turn(); // the next turn: loaded from SQLite, read, not changed
    expect((await session.get(context))?.answers).toEqual({ pain: 'yes' });
    await state.saveChanges(context);
    expect(storage.writes).toHaveLength(1);

    context = turn(); // a change two levels down
    (await session.get(context))!.answers.swelling = 'no';
    await state.saveChanges(context);
    expect(storage.writes).toHaveLength(2);
    expect((await storage.read(['test/conversations/c1/']))['test/conversations/c1/']).toMatchObject({ session: { answers: { pain: 'yes', swelling: 'no' } } });

    context = turn(); // a property deleted, then a forced save of the same state
    await session.delete(context);
    await state.saveChanges(context);
    expect(storage.writes).toHaveLength(3);
    await state.saveChanges(context, true);
    expect(storage.writes).toHaveLength(4);
  });

  it('clear() always writes, and a user state is keyed per user', async () => {
    const users = new JsonUserState(storage);
    const profile = users.createProperty<{ lng?: string }>('profile');
    let context = turn();
    (await profile.get(context, {})).lng = 'es';
    await users.saveChanges(context);
    context = turn();
    await users.load(context);
    await users.clear(context);
    await users.saveChanges(context);
    expect(storage.writes.map((w) => Object.keys(w))).toEqual([['test/users/u1/'], ['test/users/u1/']]);
    expect(await profile.get(turn())).toBeUndefined();
  });

  it('a failed write is written again on the next save', async () => {
    const state = new JsonConversationState(storage);
    const session = state.createProperty<Session>('session');
    const context = turn();
    (await session.get(context, { answers: {} })).step = 1;
    sqlite.close(); // the database goes away under the turn
    await expect(state.saveChanges(context)).rejects.toThrow();
    sqlite = new SqliteStorage(path.join(dir, 'state.db'));
    (storage as unknown as { inner: SqliteStorage }).inner = sqlite;
    await state.saveChanges(context);
    expect((await sqlite.read(['test/conversations/c1/']))['test/conversations/c1/']).toMatchObject({ session: { step: 1 } });
  });

  it('a whole turn of the real bot computes no SHA-256 change hash', async () => {
    const hash = vi.spyOn(sdkStorage, 'calculateChangeHash');
    const running = await startApp();
    try {
      expect((await new Patient(running.url, 'json-1').say('hi')).length).toBeGreaterThan(0);
      expect((await new Patient(running.url, 'json-1').say('yes')).length).toBeGreaterThan(0);
    } finally {
      await running.stop();
    }
    expect(hash).not.toHaveBeenCalled();
  });
});

describe('SqliteStorage eTags', () => {
  it('are unique per write and per instance sharing a file, without random bytes per write', async () => {
    const other = new SqliteStorage(path.join(dir, 'state.db'), () => 1_000);
    const same = new SqliteStorage(path.join(dir, 'state.db'), () => 1_000);
    const tags = new Set<string>();
    for (const s of [other, same]) {
      for (let i = 0; i < 3; i += 1) {
        await s.write({ [`k${i}`]: { n: i } });
        tags.add((await s.read([`k${i}`]))[`k${i}`].eTag as string);
      }
    }
    other.close();
    same.close();
    expect(tags.size).toBe(6); // same clock, same counters: the instance part tells them apart
  });
});
