/**
 * Storage cost: the SQLite Storage's read + write of one turn's state (as BotState does it),
 * and the database size after 1,000 whole conversations through the real app. Prints figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { SqliteStorage } from '../src/storage/sqliteStorage';
import { checkTurns } from './conversation';

/** A whole "soon" conversation, the check-ins accepted. */
const CONVERSATION = [...checkTurns({ legTrend: 'same' }), 'call 999', 'yes', 'i am done'];
/** The answers such a conversation stores by the leg question (every emergency sign asked one at a time). */
const ANSWERS = { signBreathing: 'no', signChest: 'no', signCoughBlood: 'no', signFaint: 'no', signHeart: 'no', signLeg: 'no', pregnant: 'no', bloodThinners: 'no', legTrend: 'same' };

async function perTurn(dir: string): Promise<string> {
  const storage = new SqliteStorage(path.join(dir, 'micro.db'));
  const state = { dialogState: { dialogStack: [{ id: 'main', state: { options: { from: 'start' }, values: {}, stepIndex: 3 } }] }, session: { answers: ANSWERS, consented: true } };
  const n = 20_000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) {
    const key = `test/conversations/c${i % 500}/`;
    await storage.read([key, `test/users/u${i % 500}/`]);
    await storage.write({ [key]: { ...state, eTag: '*' } });
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  storage.close();
  return `${us.toFixed(1)} µs per turn (read conversation + user state, write conversation state; ${n} turns)`;
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
  console.log(`storage per turn: ${await perTurn(dir)}`);
  console.log(`database size:    ${await sizePerThousand(dir)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
