/**
 * Storage cost: the read + write of one turn's state (as BotState does it) on SQLite and on
 * PostgreSQL (DATABASE_URL, or a throwaway local cluster with PostgreSQL's default durability
 * when the postgresql package is installed), and the SQLite database size after 1,000 whole
 * conversations through the real app. Prints figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Storage } from 'botbuilder';
import { SqliteStorage } from '../src/storage/sqliteStorage';
import { PgStorage } from '../src/storage/pgStorage';
import { createPool, migrate } from '../src/storage/pgDatabase';
import { PgCheckInStore } from '../src/schedule/pgCheckInStore';
import { TURN_LOCK_CLASS } from '../src/storage/turnLock';
import { postgresBinDir, startPostgres, type LocalCluster } from '../scripts/localPostgres';
import { checkTurns } from './conversation';

/** A whole "soon" conversation, the check-ins accepted. */
const CONVERSATION = [...checkTurns({ legTrend: 'same' }), 'call 999', 'yes', 'i am done'];
/** The answers such a conversation stores by the leg question (every emergency sign asked one at a time). */
const ANSWERS = { signBreathing: 'no', signChest: 'no', signCoughBlood: 'no', signFaint: 'no', signHeart: 'no', signLeg: 'no', pregnant: 'no', bloodThinners: 'no', legTrend: 'same' };

const STATE = { dialogState: { dialogStack: [{ id: 'main', state: { options: { from: 'start' }, values: {}, stepIndex: 3 } }] }, session: { answers: ANSWERS, consented: true } };

/** Mean µs of `n` turns of `turn`, after a warm-up of n/10. */
async function timeTurns(n: number, turn: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < n / 10; i += 1) await turn(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await turn(i);
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

/** One turn's state traffic: read conversation + user state, write conversation state. */
const stateTurn = (storage: Storage) => async (i: number): Promise<void> => {
  const key = `test/conversations/c${i % 500}/`;
  await storage.read([key, `test/users/u${i % 500}/`]);
  await storage.write({ [key]: { ...STATE, eTag: '*' } });
};

async function perTurn(dir: string): Promise<string> {
  const storage = new SqliteStorage(path.join(dir, 'micro.db'));
  const n = 20_000;
  const us = await timeTurns(n, stateTurn(storage));
  storage.close();
  return `${us.toFixed(1)} µs per turn (read conversation + user state, write conversation state; ${n} turns)`;
}

/** Per-turn µs on PostgreSQL: the state traffic alone, and with the conversation lock and the check-in read. */
async function measurePostgres(url: string, n: number): Promise<{ plain: number; whole: number }> {
  const logger = pino({ level: 'silent' });
  const pool = createPool({ url }, logger);
  const lockPool = createPool({ url }, logger);
  try {
    await migrate(pool);
    const storage = new PgStorage(pool);
    const checkIns = new PgCheckInStore(pool);
    const state = stateTurn(storage);
    const plain = await timeTurns(n, state);
    const whole = await timeTurns(n, async (i) => {
      const lock = await lockPool.connect();
      await lock.query('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_CLASS, `test/c${i % 500}`]);
      await checkIns.pendingFor(`test/users/u${i % 500}`);
      await state(i);
      await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, `test/c${i % 500}`]);
      lock.release();
    });
    return { plain, whole };
  } finally {
    await Promise.all([pool.end(), lockPool.end()]);
  }
}

/**
 * The same on PostgreSQL over loopback TCP (or DATABASE_URL), then a whole turn's database
 * traffic with several instances: the conversation lock taken and released and the user's
 * pending check-ins read too. On a local server, measured twice: PostgreSQL's default (each
 * commit flushed to disk), and with synchronous_commit off, which is what SQLite's
 * synchronous=NORMAL in WAL mode does (the last commits can be lost on a power cut, nothing is
 * corrupted).
 */
async function perTurnPostgres(): Promise<string[]> {
  const n = 5_000;
  const line = (r: { plain: number; whole: number }, where: string): string[] => [
    `${r.plain.toFixed(1)} µs per turn (the same state traffic; ${n} turns; ${where})`,
    `${r.whole.toFixed(1)} µs per turn (that, plus the conversation lock taken and released and the pending check-ins read: a whole turn's database traffic with several instances)`,
  ];
  if (process.env.DATABASE_URL) return line(await measurePostgres(process.env.DATABASE_URL, n), 'DATABASE_URL');
  if (!postgresBinDir()) return ['PostgreSQL not measured (set DATABASE_URL, or install the postgresql package)'];
  const local: LocalCluster = await startPostgres({ durable: true });
  try {
    const durable = await measurePostgres(await local.createDatabase(), n);
    const url = await local.createDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET synchronous_commit = off`);
    await admin.end();
    const relaxed = await measurePostgres(url, n);
    return [
      ...line(durable, 'a local PostgreSQL 15 over loopback TCP, default durability: each commit flushed to disk'),
      ...line(relaxed, 'the same with synchronous_commit off, as SQLite\'s synchronous=NORMAL'),
    ];
  } finally {
    local.stop();
  }
}

async function sizePerThousand(dir: string): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_CONVERSATION: '0' });
  const app = buildApp(config, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/messages`;
  for (let c = 0; c < 1000; c += 1) {
    for (const text of CONVERSATION) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text, channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: `size-${c}` }, from: { id: `user-${c}` }, recipient: { id: 'b' } }) });
      await res.arrayBuffer();
    }
  }
  await app.close();
  const bytes = fs.readdirSync(dir).filter((f) => f.startsWith('afterscan.db')).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
  return `${(bytes / 1024 / 1024).toFixed(2)} MB for 1,000 whole conversations (state, 2,000 check-ins, 1,000 audit rows; after WAL checkpoint on close)`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-storage-bench-'));
  console.log(`SQLite per turn:     ${await perTurn(dir)}`);
  for (const line of await perTurnPostgres()) console.log(`PostgreSQL per turn: ${line}`);
  console.log(`database size:    ${await sizePerThousand(dir)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
