/**
 * Soak test: is the server steady under a long mixed load? Spawns `node dist/src/index.js` on
 * loopback with a temporary DATA_DIR, keeps a few conversations in flight for SOAK_SECONDS
 * (default 90, at most 180) across channels (test, webchat, msteams, sms) and languages (en, es),
 * samples the child's resident memory (/proc/<pid>/status VmRSS) and the errors every few
 * seconds, prints a table and says whether memory levelled off: the slope over the last third
 * against the first (start-up and caches warming make the first third climb). RSS swings by tens
 * of MB as V8 resizes its heap, so a short run's slope is noisy: "levelled off" means the last
 * third grows by at most 1 MB/min or a quarter of the first's rate, or its median RSS is within 5%
 * of the middle third's. Exits 1 on any
 * error or an unclean shutdown. Linux only (/proc).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, memoryOf } from './children';
import { checkTurns, WORDS, type Words } from './conversation';

const SECONDS = Math.min(180, Math.max(10, Number(process.env.SOAK_SECONDS ?? 90)));
const SAMPLE_MS = Math.max(1000, Number(process.env.SOAK_SAMPLE_SECONDS ?? 3) * 1000);
const IN_FLIGHT = Math.min(16, Math.max(1, Number(process.env.SOAK_CONCURRENCY ?? 4)));
const CHANNELS = ['test', 'webchat', 'msteams', 'sms'] as const;
/** The first symptom question reached, in a language: the opening and "no" to the first emergency sign. */
const started = (words: Words): string[] => checkTurns({}, words).slice(0, words.opening.length + 1);
const SCRIPTS: Record<'en' | 'es', string[][]> = {
  en: [
    [...checkTurns({ legTrend: 'gone' }), 'call 999', 'no', 'i am done'],
    [...checkTurns({ legTrend: 'same' }, WORDS.en, ['hi', 'yes', 'yes', 'tell me more']), 'help', 'why?'],
    [...checkTurns({ legTrend: 'worse' }), 'carry on', 'about', 'restart', 'hi'],
    [...started(WORDS.en), 'no chest pain but i cant breathe'],
    ['hello', '👍', 'yes', 'menu', 'forget me'],
  ],
  es: [
    checkTurns({ legTrend: 'gone' }, WORDS.es),
    [...checkTurns({ legTrend: 'same' }, WORDS.es), 'ayuda'],
    [...checkTurns({ legTrend: 'worse' }, WORDS.es), 'reiniciar'],
    checkTurns({ signBreathing: 'yes' }, WORDS.es),
    ['hola', 'no me duele el pecho pero me falta el aire', '¿por qué?'],
  ],
};

interface Window { turns: number; errors: number; latencies: number[] }
const fresh = (): Window => ({ turns: 0, errors: 0, latencies: [] });
let window = fresh();
let totalTurns = 0;
let totalErrors = 0;
const errorKinds = new Map<string, number>();

const rssMb = (pid: number): number => memoryOf(pid).rssKb / 1024;

/** Least-squares slope in MB per minute. */
function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  const mm = points.reduce((s, p) => s + p.mb, 0) / n;
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

function fail(kind: string): void {
  window.errors += 1;
  totalErrors += 1;
  errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
}

async function say(url: string, channel: string, lang: string, conversation: string, text: string): Promise<void> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, channelId: channel, deliveryMode: 'expectReplies', conversation: { id: conversation },
        from: { id: channel === 'sms' ? `+4477${conversation.replace(/\D/g, '').slice(-8)}` : `${conversation}-u` }, recipient: { id: 'bot' }, locale: lang === 'en' ? 'en-GB' : 'es-ES' }),
    });
    const body = await res.text();
    if (res.status !== 200) fail(`HTTP ${res.status}`);
    else if (/something went wrong|algo no funciona/i.test(body)) fail('fallback');
  } catch (error) {
    fail((error as Error).name);
  }
  window.turns += 1;
  totalTurns += 1;
  window.latencies.push(performance.now() - started);
}

const pct = (xs: number[], p: number): string => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1) : '-';
};

async function main(): Promise<void> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-soak-'));
  // One loopback address sends everything, so the per-client limit is off; the per-conversation one stays on.
  const child = spawn(process.execPath, [path.resolve(__dirname, '..', 'src', 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development', RATE_LIMIT_PER_CLIENT: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (;;) {
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 20));
  }
  const pid = child.pid!;
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  const samples: { t: number; mb: number; turns: number; errors: number; p50: string; p95: string }[] = [{ t: 0, mb: rssMb(pid), turns: 0, errors: 0, p50: '-', p95: '-' }];
  const sampler = setInterval(() => {
    samples.push({ t: (performance.now() - t0) / 1000, mb: rssMb(pid), turns: window.turns, errors: window.errors, p50: pct(window.latencies, 50), p95: pct(window.latencies, 95) });
    window = fresh();
  }, SAMPLE_MS);
  let next = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (performance.now() < deadline) {
      const i = (next += 1);
      const channel = CHANNELS[i % CHANNELS.length]!;
      const lang = i % 3 === 0 ? 'es' : 'en';
      const script = SCRIPTS[lang][Math.floor(i / 4) % SCRIPTS[lang].length]!;
      for (const line of script) await say(url, channel, lang, `soak-${i}`, line);
    }
  }));
  clearInterval(sampler);

  console.log(`\nAfterscan soak: ${SECONDS} s, ${IN_FLIGHT} conversations in flight, ${CHANNELS.join('/')} x en/es (${os.cpus().length} cores, Node ${process.version})`);
  console.log('   t (s)   RSS (MB)   turns   turns/s   errors   p50 ms   p95 ms');
  for (const s of samples) console.log(`${s.t.toFixed(0).padStart(8)} ${s.mb.toFixed(1).padStart(10)} ${String(s.turns).padStart(7)} ${(s.turns / (SAMPLE_MS / 1000)).toFixed(0).padStart(9)} ${String(s.errors).padStart(8)} ${s.p50.padStart(8)} ${s.p95.padStart(8)}`);
  // The t=0 sample is the idle server before any load: it would make every first third look steep.
  const loaded = samples.slice(1);
  const third = Math.max(2, Math.floor(loaded.length / 3));
  const first = slope(loaded.slice(0, third));
  const last = slope(loaded.slice(-third));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const middleMb = median(loaded.slice(third, -third).map((s) => s.mb));
  const lastMb = median(loaded.slice(-third).map((s) => s.mb));
  const levelled = last <= Math.max(1, first * 0.25) || Math.abs(lastMb - middleMb) <= middleMb * 0.05;
  console.log(`\nturns: ${totalTurns} (${next} conversations started), errors: ${totalErrors}${errorKinds.size ? ` ${JSON.stringify(Object.fromEntries(errorKinds))}` : ''}`);
  console.log(`RSS slope: first third ${first.toFixed(2)} MB/min, last third ${last.toFixed(2)} MB/min; median RSS middle third ${middleMb.toFixed(1)} MB, last third ${lastMb.toFixed(1)} MB -> ${levelled ? 'levelled off' : 'STILL GROWING'} (peak ${Math.max(...samples.map((s) => s.mb)).toFixed(1)} MB)`);
  const stopAt = performance.now();
  child.kill('SIGTERM');
  const code = await exited;
  console.log(`shutdown: exit ${code} in ${(performance.now() - stopAt).toFixed(0)} ms; data ${(fs.statSync(path.join(dataDir, 'afterscan.db')).size / 1e6).toFixed(1)} MB on disk`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (totalErrors > 0 || code !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
