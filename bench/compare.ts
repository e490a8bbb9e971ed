/**
 * A/B two builds or settings of the real bot against each other (not against the echo):
 * both run side by side, driven alternately A, B, A, B ... with one workload, and the report
 * gives requests/s and server CPU per request for each. CPU per request is the steadier
 * figure on a shared machine. Use it to check a proposed fix before and after.
 *
 *   BENCH_B_ARGS="--max-semi-space-size=32" node dist/bench/compare.js
 *   BENCH_B_ENTRY=/path/to/other/dist/src/index.js node dist/bench/compare.js redflag
 *
 * Environment: BENCH_A_ARGS / BENCH_B_ARGS (node options, space-separated), BENCH_A_ENTRY /
 * BENCH_B_ENTRY (default: this dist/src/index.js), BENCH_A_ENV / BENCH_B_ENV ("KEY=value ..."),
 * BENCH_CONNECTIONS (50), BENCH_ROUNDS (6), BENCH_ROUND_SECONDS (5), BENCH_WARMUP_SECONDS (3).
 * Argument: the workload, fresh | tiers | redflag (default tiers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertAlive, cpuMsOf, freePort, installCleanup, startServer, type Server } from './children';
import { drive, percentile } from './load';
import { walker, type WorkloadName } from './workloads';

const env = (name: string, fallback = ''): string => process.env[name] ?? fallback;
const num = (name: string, fallback: number): number => Number(env(name, String(fallback)));
const split = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const pairs = (s: string): Record<string, string> => Object.fromEntries(split(s).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const ROUNDS = num('BENCH_ROUNDS', 6);
const ROUND_SECONDS = num('BENCH_ROUND_SECONDS', 5);
const WARMUP_SECONDS = num('BENCH_WARMUP_SECONDS', 3);
const WORKLOAD = (process.argv[2] ?? 'tiers') as WorkloadName;
const DEFAULT_ENTRY = path.resolve(__dirname, '..', 'src', 'index.js');

interface Variant { label: string; args: string[]; entry: string; env: Record<string, string>; server?: Server; rps: number[]; cpuUs: number[]; lat: number[] }

async function start(v: Variant): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-compare-'));
  process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return startServer({
    name: `bot ${v.label}`, script: v.entry, port, nodeArgs: v.args,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn', MicrosoftAppId: '', MicrosoftAppPassword: '', LOCAL_DIRECTLINE: 'off', ALLOWED_SERVICE_URLS: 'https://webchat.botframework.com/', RATE_LIMIT_PER_CLIENT: '1000000', ...v.env },
  });
}

async function main(): Promise<void> {
  if (!['fresh', 'tiers', 'redflag'].includes(WORKLOAD)) throw new Error(`unknown workload "${WORKLOAD}" (fresh, tiers, redflag)`);
  installCleanup();
  const variants: Variant[] = ['A', 'B'].map((x) => ({
    label: x, args: split(env(`BENCH_${x}_ARGS`)), entry: env(`BENCH_${x}_ENTRY`, DEFAULT_ENTRY), env: pairs(env(`BENCH_${x}_ENV`)), rps: [], cpuUs: [], lat: [],
  }));
  for (const v of variants) console.error(`compare: ${v.label} = node ${[...v.args, v.entry].join(' ')}${Object.keys(v.env).length ? ` with ${env(`BENCH_${v.label}_ENV`)}` : ''}`);
  for (const v of variants) v.server = await start(v);
  try {
    let seed = 1;
    for (const v of variants) await drive(v.server!.port, CONNECTIONS, WARMUP_SECONDS, (c) => walker(WORKLOAD, c, seed++));
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const v of (r % 2 ? [...variants].reverse() : variants)) {
        const s = v.server!;
        const cpu0 = cpuMsOf(s.child.pid!);
        const res = await drive(s.port, CONNECTIONS, ROUND_SECONDS, (c) => walker(WORKLOAD, c, seed++));
        assertAlive();
        if (res.errors > 0) console.error(`compare: ${v.label}: ${res.errors} errors (${res.errorSamples.join('; ')})`);
        v.rps.push(res.rps);
        v.cpuUs.push(((cpuMsOf(s.child.pid!) - cpu0) * 1000) / Math.max(1, res.requests));
        for (const x of res.latencies) v.lat.push(x);
      }
      console.error(`compare: round ${r + 1}/${ROUNDS}: ${variants.map((v) => `${v.label} ${v.rps.at(-1)!.toFixed(0)} req/s, ${v.cpuUs.at(-1)!.toFixed(0)} µs CPU/req`).join('; ')}`);
    }
  } finally {
    await Promise.all(variants.map((v) => v.server?.stop()));
  }
  const med = (a: number[]): number => { const s = [...a].sort((x, y) => x - y); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
  const [a, b] = variants as [Variant, Variant];
  console.log(`workload ${WORKLOAD}, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${ROUND_SECONDS} s, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  for (const v of variants) console.log(`  ${v.label}: ${med(v.rps).toFixed(0)} req/s (median), ${med(v.cpuUs).toFixed(0)} µs CPU/request (median), p50 / p99 ${percentile(v.lat, 50).toFixed(1)} / ${percentile(v.lat, 99).toFixed(1)} ms`);
  const cpuRatios = a.cpuUs.map((x, i) => b.cpuUs[i]! / x);
  console.log(`  B/A: throughput ${(med(b.rps) / med(a.rps)).toFixed(3)}×, CPU per request ${med(cpuRatios).toFixed(3)}× (per round ${cpuRatios.map((x) => x.toFixed(2)).join(', ')})`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`compare failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
