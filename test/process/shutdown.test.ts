import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports';

/** The compiled entry point: `npm test` runs `tsc -b` first, so dist is fresh. */
const ENTRY = path.resolve(__dirname, '../../dist/src/index.js');

interface Spawned { child: ChildProcess; port: number; dataDir: string; logs: Record<string, unknown>[]; exited: Promise<number | null> }

async function spawnServer(env: Record<string, string>): Promise<Spawned> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-shutdown-'));
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ENTRY], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try { logs.push(JSON.parse(line) as Record<string, unknown>); } catch { /* not a log line */ }
        if (line.includes('"event":"listening"')) resolve();
      }
    });
    void exited.then((code) => reject(new Error(`exited early with ${code}`)));
  });
  return { child, port, dataDir, logs, exited };
}

const turn = (conversation: string, text: string) => JSON.stringify({ type: 'message', text, channelId: 'test', deliveryMode: 'expectReplies',
  conversation: { id: conversation }, from: { id: `${conversation}-u` }, recipient: { id: 'bot' }, locale: 'en-GB' });

/** A request whose body arrives in two halves: in flight (headers read, handler waiting) until finish() is called. */
function slowRequest(port: number, body: string) {
  const half = Math.floor(body.length / 2);
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/messages', agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => { let text = ''; res.on('data', (d) => { text += String(d); }); res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text })); });
    req.on('error', reject);
  });
  const connected = new Promise<void>((resolve) => req.on('socket', (s) => s.once('connect', () => resolve())));
  req.write(body.slice(0, half));
  return { connected, response, finish: () => req.end(body.slice(half)) };
}

let running: Spawned | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  if (running) fs.rmSync(running.dataDir, { recursive: true, force: true });
  running = undefined;
});

describe('graceful shutdown of `node dist/src/index.js`', () => {
  it('SIGTERM refuses new connections, lets 20 in-flight turns answer 200, flushes the WAL and exits 0 in time', async () => {
    running = await spawnServer({ SHUTDOWN_TIMEOUT_MS: '10000', RATE_LIMIT_PER_CLIENT: '0' });
    const { port } = running;
    const first = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: turn('before', 'hi') });
    expect(first.status).toBe(200);
    const wal = path.join(running.dataDir, 'afterscan.db-wal');
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    const inFlight = Array.from({ length: 20 }, (_, i) => slowRequest(port, turn(`in-flight-${i}`, 'hi')));
    await Promise.all(inFlight.map((r) => r.connected));
    await new Promise((r) => setTimeout(r, 100));

    const signalled = Date.now();
    running.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'answered', (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message);
    expect(refused).toBe('ECONNREFUSED');

    for (const r of inFlight) r.finish();
    const answers = await Promise.all(inFlight.map((r) => r.response));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => (JSON.parse(a.body) as { activities: unknown[] }).activities.length > 0)).toBe(true);

    const code = await running.exited;
    const elapsed = Date.now() - signalled;
    const done = running.logs.find((l) => l.event === 'shutdown_complete');
    console.log(`shutdown: exit ${code} ${elapsed} ms after SIGTERM (20 in-flight turns held ~300 ms by their bodies; server-side ${String(done?.durationMs)} ms)`);
    expect(code).toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    expect(done).toMatchObject({ outcome: 'clean' });
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  });

  it('a request that never finishes cannot hold the process past SHUTDOWN_TIMEOUT_MS (exit 1, forced)', async () => {
    running = await spawnServer({ SHUTDOWN_TIMEOUT_MS: '1500' });
    const stuck = slowRequest(running.port, turn('stuck', 'hi'));
    await stuck.connected;
    stuck.response.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    const code = await running.exited;
    const elapsed = Date.now() - signalled;
    console.log(`forced shutdown: exit ${code} ${elapsed} ms after SIGTERM (limit 1500 ms)`);
    expect(code).toBe(1);
    expect(elapsed).toBeLessThan(1500 + 500);
    expect(running.logs.some((l) => l.event === 'shutdown_forced')).toBe(true);
  });
});
