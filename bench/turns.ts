/**
 * Start-up time and per-turn latency of the real server: spawns `node dist/src/index.js`
 * on a loopback port with a temporary DATA_DIR, waits for /healthz, then drives whole
 * conversations over HTTP with expectReplies, first one at a time (latency), then with
 * several in flight (throughput). Prints a table; asserts nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkTurns, WORDS } from './conversation';

const PORT = 39000 + Math.floor(Math.random() * 1000);
const URL = `http://127.0.0.1:${PORT}`;
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

const CHECK_START = checkTurns({ signBreathing: 'no' }).slice(0, WORDS.en.opening.length + 1);
const PATHS: string[][] = [
  [...checkTurns({ legTrend: 'gone' }), 'call 999', 'i am done'],
  [...checkTurns({ legTrend: 'same' }), 'wait and see', 'i am done'],
  [...checkTurns({ legTrend: 'worse' }, WORDS.en, ['hi', 'yes', 'yes', 'tell me more']), 'carry on', 'worse', 'ambulance', 'i am done'],
  checkTurns({ signBreathing: 'yes' }),
  [...CHECK_START, 'i cant breathe and my chest hurts'],
];

async function post(conversation: string, text: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${URL}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text, channelId: 'test', deliveryMode: 'expectReplies', conversation: { id: conversation }, from: { id: `${conversation}-u` }, recipient: { id: 'bot' }, locale: 'en-GB' }),
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return performance.now() - started;
}

async function conversation(i: number, latencies: number[]): Promise<void> {
  const lines = PATHS[i % PATHS.length]!;
  for (const line of lines) latencies.push(await post(`bench-${i}`, line));
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-bench-'));
  const entry = path.resolve(__dirname, '..', 'src', 'index.js');
  const t0 = performance.now();
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' }, stdio: 'inherit' });
  for (;;) {
    try {
      if ((await fetch(`${URL}/healthz`)).status === 200) break;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startup = performance.now() - t0;

  const serial: number[] = [];
  for (let i = 0; i < Math.min(100, CONVERSATIONS); i += 1) await conversation(i, serial);

  const parallel: number[] = [];
  let next = 1000;
  const t1 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < 1000 + CONVERSATIONS) await conversation((next += 1), parallel);
  }));
  const elapsed = (performance.now() - t1) / 1000;

  serial.sort((a, b) => a - b);
  parallel.sort((a, b) => a - b);
  const rows = [
    ['start-up (spawn to /healthz 200)', `${startup.toFixed(0)} ms`],
    ['turn latency, one at a time: p50 / p99', `${pct(serial, 50).toFixed(2)} / ${pct(serial, 99).toFixed(2)} ms (${serial.length} turns)`],
    [`turn latency, ${CONCURRENCY} in flight: p50 / p99`, `${pct(parallel, 50).toFixed(2)} / ${pct(parallel, 99).toFixed(2)} ms`],
    [`throughput, ${CONCURRENCY} in flight`, `${(parallel.length / elapsed).toFixed(0)} turns/s (${CONVERSATIONS} conversations, ${parallel.length} turns)`],
  ];
  console.log(`\nAfterscan turn benchmark (${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()})`);
  for (const [k, v] of rows) console.log(`  ${(k ?? "").padEnd(46)} ${v ?? ""}`);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
