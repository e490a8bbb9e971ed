/**
 * `npm run bench`: Afterscan against a bare echo bot and against the SDK's own 3-step dialog sample
 * (bench/sampleBot.ts: ComponentDialog, WaterfallDialog, ChoicePrompts, ConversationState and
 * UserState on MemoryStorage), all three on the same stack (restify, CloudAdapter), on this machine.
 *
 *  1. start-up: the real bot spawned to its first 200 on /healthz (first start on an empty
 *     DATA_DIR, then restarts on the same one), the echo and the sample likewise, next to bare
 *     `node` and the SDK's own require time; each server's RSS just after start
 *  2. throughput and latency, alternated (echo, sample, bot, echo, ...) per workload at 50
 *     connections with expectReplies: (a) first message of fresh conversations, (b) whole
 *     conversations to each tier in free text, (c) a red flag at a random step; then the
 *     unloaded latency of (b) on one connection (what bench/turns.ts measured serially)
 *  3. RSS of a fresh process of each server before and after 50,000 short conversations
 *  4. the red-flag recognizer alone (dist/bench/recognizer.js), messages per second
 *  5. a CPU profile of the bot under workload (b) (node --cpu-prof, written to /tmp) and its
 *     self time per package and function
 *
 * Prints a report and writes it to dist/bench/results.md (and .json). Targets: first turn of a
 * fresh conversation >= 0.6x echo and >= 1.0x the sample; whole conversations >= 0.5x echo;
 * p99 <= 2x echo's; RSS growth < 50 MB over 50,000 conversations (after a full GC); start-up
 * < 1 s; recognizer >= 50,000/s. The sample runs in workloads (a) and (b) (its own words in (b)).
 *
 * Settings (environment): BENCH_CONNECTIONS (50), BENCH_ROUNDS (4), BENCH_ROUND_SECONDS (5),
 * BENCH_WARMUP_SECONDS (2), BENCH_RSS_CONVERSATIONS (50000), BENCH_PROFILE (1; 0 skips),
 * BENCH_PROFILE_SECONDS (8), BENCH_SERIAL_SECONDS (3; one-connection latency), BENCH_ECHO_APP (0; 1 adds an echo behind Afterscan's own HTTP
 * layer to workload (a)), BENCH_ONLY (comma list of: startup,ab,rss,recognizer,profile).
 *
 * The load generator runs in this process and shares the machine's cores with the server
 * under test; both servers pay that equally, which is why the ratio, not the absolute figure,
 * is the result. The two servers run side by side but only one is driven at a time.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertAlive, collectGarbage, cpuMsOf, freePort, installCleanup, machineTicks, memoryOf, runNode, startServer, type Server } from './children';
import { drive, percentile, type RoundResult, type Walker } from './load';
import { analyse, formatAnalysis, type Analysis } from './profile';
import { checkSample, checkScripts, shortConversations, walker, WORKLOADS, type WorkloadName } from './workloads';

const num = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
};

const CONNECTIONS = num('BENCH_CONNECTIONS', 50);
const ROUNDS = num('BENCH_ROUNDS', 4);
const ROUND_SECONDS = num('BENCH_ROUND_SECONDS', 5);
const WARMUP_SECONDS = num('BENCH_WARMUP_SECONDS', 2);
const RSS_CONVERSATIONS = num('BENCH_RSS_CONVERSATIONS', 50_000);
const PROFILE_SECONDS = num('BENCH_PROFILE_SECONDS', 8);
const SERIAL_SECONDS = num('BENCH_SERIAL_SECONDS', 3);
const PROFILE = process.env.BENCH_PROFILE !== '0';
const ECHO_APP = process.env.BENCH_ECHO_APP === '1';
const ONLY = new Set((process.env.BENCH_ONLY ?? 'startup,ab,rss,recognizer,profile').split(',').map((s) => s.trim()));

const DIST = path.resolve(__dirname, '..');
const BOT_ENTRY = path.join(DIST, 'src', 'index.js');
const ECHO_ENTRY = path.join(__dirname, 'echoBot.js');
const SAMPLE_ENTRY = path.join(__dirname, 'sampleBot.js');
const RECOGNIZER_ENTRY = path.join(__dirname, 'recognizer.js');
const PROJECT = path.resolve(DIST, '..');

const TARGET = { firstVsEcho: 0.6, firstVsSample: 1.0, wholeVsEcho: 0.5, p99: 2, rssMb: 50, startupMs: 1000, recognizer: 50_000 } as const;
/** Which workloads the dialog sample runs (it has no red-flag screen to exercise). */
const SAMPLE_WORKLOADS: ReadonlySet<WorkloadName> = new Set(['fresh', 'tiers']);

const tempDirs: string[] = [];
function tempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `afterscan-bench-${label}-`));
  tempDirs.push(dir);
  return dir;
}
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Production-like settings for the real bot (no credentials, so NODE_ENV must be development). */
function botEnv(port: number, dataDir: string): Record<string, string> {
  return {
    PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'warn',
    MicrosoftAppId: '', MicrosoftAppPassword: '', DIRECT_LINE_SECRET: '',
    LOCAL_DIRECTLINE: 'off', // as in production; it only adds routes
    ALLOWED_SERVICE_URLS: 'https://webchat.botframework.com/', // the serviceUrl the workload names, as an Azure channel would
    // All benchmark traffic comes from one loopback address; the per-client flood guard is kept
    // on (its cost is paid) but set high enough not to refuse. The per-conversation limit stays at its default.
    RATE_LIMIT_PER_CLIENT: '1000000',
  };
}

async function startBot(name: string, dataDir: string, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  return startServer({ name, script: BOT_ENTRY, port, env: botEnv(port, dataDir), nodeArgs });
}

async function startEcho(mode: 'bare' | 'app' = 'bare', nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  return startServer({ name: mode === 'bare' ? 'echo bot' : 'echo bot (Afterscan HTTP layer)', script: ECHO_ENTRY, port, env: { PORT: String(port), HOST: '127.0.0.1', ECHO_SERVER: mode }, nodeArgs });
}

async function startSample(nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  return startServer({ name: 'SDK dialog sample', script: SAMPLE_ENTRY, port, env: { PORT: String(port), HOST: '127.0.0.1' }, nodeArgs });
}

type Kind = 'echo' | 'sample' | 'bot';
const KINDS: readonly Kind[] = ['echo', 'sample', 'bot'];
const start = (kind: Kind, dataDir: string, nodeArgs: string[] = []): Promise<Server> =>
  kind === 'echo' ? startEcho('bare', nodeArgs) : kind === 'sample' ? startSample(nodeArgs) : startBot('bot', dataDir, nodeArgs);

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
const yes = (ok: boolean): string => (ok ? 'met' : '**not met**');
const log = (line: string): void => { process.stderr.write(`bench: ${line}\n`); };
const elapsed = ((t0) => (): string => `${((performance.now() - t0) / 1000).toFixed(0)} s`)(performance.now());

// ---------------------------------------------------------------- start-up

interface Startup { firstMs: number; restartMs: number[]; echoMs: number[]; sampleMs: number[]; rssAfterStartMb: Record<Kind, number>; nodeMs: number; requires: { what: string; ms: number }[] }

/** RSS a moment after /healthz first answered (start-up allocations settled, nothing served yet). */
async function rssAfterStart(server: Server): Promise<number> {
  await new Promise((r) => setTimeout(r, 300));
  return memoryOf(server.child.pid!).rssKb / 1024;
}

async function measureStartup(): Promise<Startup> {
  const dataDir = tempDir('startup');
  const rss: Record<Kind, number[]> = { echo: [], sample: [], bot: [] };
  const first = await startBot('bot (first start)', dataDir);
  await first.stop();
  const restartMs: number[] = [];
  const echoMs: number[] = [];
  const sampleMs: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    for (const [kind, into] of [['echo', echoMs], ['sample', sampleMs], ['bot', restartMs]] as const) {
      const s = await start(kind, dataDir);
      into.push(s.startupMs);
      rss[kind].push(await rssAfterStart(s));
      await s.stop();
    }
  }
  const time = async (args: string[]): Promise<number> => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await runNode(args, {}, 30_000);
      if (r.code !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.slice(0, 500)}`);
      runs.push(r.ms);
    }
    return median(runs);
  };
  const nodeMs = await time(['-e', '0']);
  const requires: { what: string; ms: number }[] = [];
  for (const mods of [['botbuilder-dialogs'], ['botbuilder'], ['botbuilder', 'botbuilder-dialogs', 'restify', 'better-sqlite3', 'i18next', 'pino', 'zod']]) {
    const code = mods.map((m) => `require(${JSON.stringify(require.resolve(m, { paths: [PROJECT] }))})`).join(';');
    requires.push({ what: mods.length === 1 ? `require('${mods[0]}')` : `require() of all ${mods.length} runtime dependencies`, ms: await time(['-e', code]) });
  }
  return { firstMs: first.startupMs, restartMs, echoMs, sampleMs, rssAfterStartMb: { echo: median(rss.echo), sample: median(rss.sample), bot: median(rss.bot) }, nodeMs, requires };
}

// ---------------------------------------------------------------- A/B throughput

interface Side { rounds: number[]; cpuUsPerReq: number[]; latencies: number[]; byTag: Map<string, number[]>; errors: number; errorSamples: string[]; requests: number; seconds: number }
interface AB { workload: WorkloadName; label: string; echo: Side; bot: Side; sample?: Side; echoApp?: Side; generatorCpuShare: number; machineBusy: number }

const emptySide = (): Side => ({ rounds: [], cpuUsPerReq: [], latencies: [], byTag: new Map(), errors: 0, errorSamples: [], requests: 0, seconds: 0 });

async function measured(server: Server, side: Side, walkerFor: (c: number) => Walker, seconds: number): Promise<{ genCpuMs: number; wallMs: number }> {
  const cpu0 = cpuMsOf(server.child.pid!);
  const gen0 = process.cpuUsage();
  const w0 = performance.now();
  const r: RoundResult = await drive(server.port, CONNECTIONS, seconds, walkerFor);
  const wallMs = performance.now() - w0;
  const gen = process.cpuUsage(gen0);
  assertAlive();
  const cpu = cpuMsOf(server.child.pid!) - cpu0;
  side.rounds.push(r.rps);
  side.cpuUsPerReq.push((cpu * 1000) / Math.max(1, r.requests));
  for (const v of r.latencies) side.latencies.push(v);
  for (const [tag, list] of r.byTag) {
    const into = side.byTag.get(tag) ?? [];
    for (const v of list) into.push(v);
    side.byTag.set(tag, into);
  }
  side.errors += r.errors;
  side.requests += r.requests;
  side.seconds += r.seconds;
  for (const e of r.errorSamples) if (side.errorSamples.length < 5) side.errorSamples.push(e);
  return { genCpuMs: (gen.user + gen.system) / 1000, wallMs };
}

async function abWorkload(name: WorkloadName, label: string, echo: Server, bot: Server, echoApp?: Server, sample?: Server): Promise<AB> {
  let seed = 1;
  const walkers = (inSampleWords = false) => { const s = seed++; return (c: number) => walker(name, c, s, inSampleWords); };
  // Warm-up (JIT, SQLite pages, caches), not counted.
  for (const s of [echo, bot, ...(echoApp ? [echoApp] : [])]) await drive(s.port, CONNECTIONS, WARMUP_SECONDS, walkers());
  if (sample) await drive(sample.port, CONNECTIONS, WARMUP_SECONDS, walkers(true));
  assertAlive();
  const result: AB = { workload: name, label, echo: emptySide(), bot: emptySide(), generatorCpuShare: 0, machineBusy: 0 };
  if (echoApp) result.echoApp = emptySide();
  if (sample) result.sample = emptySide();
  let genMs = 0;
  let wallMs = 0;
  const m0 = machineTicks();
  for (let round = 0; round < ROUNDS; round += 1) {
    const plan: [Server, Side, boolean][] = [[echo, result.echo, false]];
    if (sample && result.sample) plan.push([sample, result.sample, true]);
    plan.push([bot, result.bot, false]);
    if (echoApp && result.echoApp) plan.push([echoApp, result.echoApp, false]);
    for (const [server, side, inSampleWords] of plan) {
      const m = await measured(server, side, walkers(inSampleWords), ROUND_SECONDS);
      genMs += m.genCpuMs;
      wallMs += m.wallMs;
    }
    log(`  ${name} round ${round + 1}/${ROUNDS}: echo ${fmt(result.echo.rounds.at(-1)!)} req/s, ${sample ? `sample ${fmt(result.sample!.rounds.at(-1)!)} req/s, ` : ''}bot ${fmt(result.bot.rounds.at(-1)!)} req/s${echoApp ? `, echo+app HTTP ${fmt(result.echoApp!.rounds.at(-1)!)} req/s` : ''} (${elapsed()})`);
  }
  const m1 = machineTicks();
  result.generatorCpuShare = genMs / wallMs; // cores' worth
  result.machineBusy = (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total);
  return result;
}

// ---------------------------------------------------------------- RSS

interface Checkpoint { conversations: number; rssMb: number; rssAfterGcMb: number; heapAfterGcMb: number }
interface Rss { kind: Kind; startMb: number; checkpoints: Checkpoint[]; hwmMb: number; conversations: number; seconds: number; errors: number; dbMb: number }

/**
 * A fresh bot (started with --inspect on loopback so a full GC can be forced between phases):
 * 2,000 warm-up conversations, then RSS_CONVERSATIONS in two halves. At each checkpoint the
 * load stops, RSS is read, a full GC is forced and RSS and V8 heap use are read again. RSS
 * alone swings by tens of MB with the GC cycle, so the growth is judged after GC.
 */
async function measureRss(kind: Kind): Promise<Rss> {
  const dataDir = tempDir('rss');
  const inspectPort = await freePort();
  const bot = await start(kind, dataDir, [`--inspect=127.0.0.1:${inspectPort}`]);
  try {
    const pid = bot.child.pid!;
    await new Promise((r) => setTimeout(r, 200));
    const startMb = memoryOf(pid).rssKb / 1024;
    const checkpoints: Checkpoint[] = [];
    let total = 0;
    const checkpoint = async (label: string): Promise<void> => {
      await new Promise((r) => setTimeout(r, 200));
      const rssMb = memoryOf(pid).rssKb / 1024;
      const heap = await collectGarbage(inspectPort);
      await new Promise((r) => setTimeout(r, 200));
      checkpoints.push({ conversations: total, rssMb, rssAfterGcMb: memoryOf(pid).rssKb / 1024, heapAfterGcMb: heap.usedMb });
      log(`  ${kind} RSS ${label}: ${fmt(rssMb, 1)} MB, after a full GC ${fmt(checkpoints.at(-1)!.rssAfterGcMb, 1)} MB, V8 heap ${fmt(heap.usedMb, 1)} MB (${elapsed()})`);
    };
    let errors = 0;
    const play = async (count: number): Promise<void> => {
      const run = shortConversations(count, kind === 'sample');
      const r = await drive(bot.port, CONNECTIONS, Infinity, run.walkerFor, 30_000);
      assertAlive();
      errors += r.errors;
      total += run.done();
    };
    await play(2000);
    await checkpoint('after 2,000 warm-up conversations');
    total = 0; // conversations counted from here
    const t0 = performance.now();
    const half = Math.floor(RSS_CONVERSATIONS / 2);
    await play(half);
    await checkpoint(`after ${fmt(total)} more`);
    await play(RSS_CONVERSATIONS - half);
    const seconds = (performance.now() - t0) / 1000;
    await checkpoint(`after ${fmt(total)}`);
    const dbBytes = fs.readdirSync(dataDir).filter((f) => f.startsWith('afterscan.db')).reduce((a, f) => a + fs.statSync(path.join(dataDir, f)).size, 0);
    return { kind, startMb, checkpoints, hwmMb: memoryOf(pid).hwmKb / 1024, conversations: total, seconds, errors, dbMb: dbBytes / 1048576 };
  } finally {
    await bot.stop();
  }
}

// ---------------------------------------------------------------- recognizer

async function measureRecognizer(): Promise<{ perSec: number; line: string }> {
  const r = await runNode([RECOGNIZER_ENTRY], {}, 60_000);
  if (r.code !== 0) throw new Error(`recognizer benchmark failed: ${r.stderr.slice(0, 500)}`);
  const line = r.stdout.split('\n').find((l) => /messages\/s/.test(l)) ?? r.stdout.trim();
  const match = /([\d,]+)\s+messages\/s/.exec(line);
  return { perSec: match ? Number(match[1]!.replace(/,/g, '')) : NaN, line: line.trim() };
}

// ---------------------------------------------------------------- profile

interface Profiled { file: string; analysis: Analysis; rps: number; requests: number }

/** Runs a server under `node --cpu-prof` (profile in /tmp), drives workload (b) and analyses the load window. */
async function profileServer(kind: 'bot' | 'echo', seconds: number): Promise<Profiled> {
  const dir = fs.mkdtempSync(path.join('/tmp', `afterscan-cpuprofile-${kind}-`));
  const name = `${kind === 'bot' ? 'afterscan' : 'echo'}-tiers.cpuprofile`;
  const nodeArgs = ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name}`];
  const port = await freePort();
  const server = kind === 'bot'
    ? await startServer({ name: 'bot (profiled)', script: BOT_ENTRY, port, env: botEnv(port, tempDir('profile')), nodeArgs })
    : await startServer({ name: 'echo bot (profiled)', script: ECHO_ENTRY, port, env: { PORT: String(port), HOST: '127.0.0.1' }, nodeArgs });
  let window: { fromUs: number; toUs: number } | undefined;
  let r: RoundResult;
  try {
    await drive(server.port, CONNECTIONS, WARMUP_SECONDS, (c) => walker('tiers', c, 99));
    const fromUs = Number(process.hrtime.bigint() / 1000n);
    r = await drive(server.port, CONNECTIONS, seconds, (c) => walker('tiers', c, 100));
    window = { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) };
    assertAlive();
  } finally {
    await server.stop(); // the profile is written when the process exits
  }
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new Error(`no CPU profile written to ${dir} (did the ${kind} exit cleanly on SIGTERM?)`);
  return { file, analysis: analyse(file, window), rps: r.rps, requests: r.requests };
}

/** Call trees worth naming in the bot's profile: [label, parts of function keys (inclusive time of the largest match)]. */
const ACTIVITIES: [string, string[]][] = [
  ['CloudAdapter: ConnectorClient + UserTokenClient built per turn (@azure/core-client pipelines)', ['ServiceClientContext botbuilder-stdlib']],
  ['CloudAdapter: authenticateRequest (anonymous)', ['authenticateRequest botbuilder-core/lib/configurationBotFrameworkAuthentication']],
  ['BotState load: SQLite read + JSON.parse', ['read src/storage/sqliteStorage']],
  ['BotState save: SQLite write transaction', ['write src/storage/sqliteStorage']],
  ['BotState change hash (botbuilder-stdlib stringify + SHA-256), on load and save', ['calculateChangeHash botbuilder-core']],
  ['DialogContext → DialogStateManager (memory scopes, ServiceCollection, zod)', ['DialogStateManager botbuilder-dialogs/lib/memory/dialogStateManager']],
  ['i18next t() (all calls)', ['fixedT i18next']],
  ['red-flag recognizer (recognize)', ['recognize src/triage/recognizer/recognize']],
  ['audit middleware', ['src/audit/auditMiddleware.js']],
  ['response write (restify flush → socket)', ['flush restify/lib/response']],
  ['request body read + JSON.parse (readJson)', ['readJson src/http/readJson']],
];

function activityTable(p: Profiled): string[] {
  const lines = ['| call tree | µs/request | % of busy |', '|---|---:|---:|'];
  for (const [label, keys] of ACTIVITIES) {
    // The largest matching frame: nested frames of one call tree must not be added twice.
    let ms = 0;
    for (const [k, v] of p.analysis.inclusiveAll) if (keys.some((m) => k.includes(m))) ms = Math.max(ms, v);
    lines.push(`| ${label} | ${fmt((ms * 1000) / p.requests)} | ${fmt((100 * ms) / p.analysis.busyMs, 1)} |`);
  }
  const gc = p.analysis.byPackage.find((r) => r.name === 'GC');
  if (gc) lines.push(`| garbage collection | ${fmt((gc.ms * 1000) / p.requests)} | ${fmt(gc.pct, 1)} |`);
  lines.push(`| **all busy CPU** | **${fmt((p.analysis.busyMs * 1000) / p.requests)}** | 100 |`);
  return lines;
}

/** CPU per request by package, bot against echo: where the bot's extra microseconds go. */
function perRequestTable(bot: Profiled, echo: Profiled): string[] {
  const perReq = (p: Profiled) => new Map(p.analysis.byPackage.map((r) => [r.name, (r.ms * 1000) / p.requests]));
  const b = perReq(bot);
  const e = perReq(echo);
  const names = [...new Set([...b.keys(), ...e.keys()])].sort((x, y) => ((b.get(y) ?? 0) - (e.get(y) ?? 0)) - ((b.get(x) ?? 0) - (e.get(x) ?? 0)));
  const totalB = [...b.values()].reduce((a, v) => a + v, 0);
  const totalE = [...e.values()].reduce((a, v) => a + v, 0);
  const lines = ['| package | echo µs/request | bot µs/request | bot − echo |', '|---|---:|---:|---:|'];
  for (const n of names) {
    const bv = b.get(n) ?? 0;
    const ev = e.get(n) ?? 0;
    if (bv < 5 && ev < 5) continue;
    lines.push(`| ${n} | ${fmt(ev)} | ${fmt(bv)} | ${fmt(bv - ev)} |`);
  }
  lines.push(`| **total (profiled CPU, busy samples)** | **${fmt(totalE)}** | **${fmt(totalB)}** | **${fmt(totalB - totalE)}** |`);
  return lines;
}

// ---------------------------------------------------------------- report

function machine(): { date: string; cores: number; cpu: string; node: string; load: string } {
  let date: string;
  try { date = execFileSync('date', { encoding: 'utf8' }).trim(); } catch { date = new Date().toString(); }
  return {
    date,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    load: os.loadavg().map((l) => l.toFixed(2)).join(' / '),
  };
}

/** Median and range of the per-round ratios a/b (rounds alternate, so round i of each ran back to back). */
function ratioOf(a: Side | undefined, b: Side | undefined): { median: number; min: number; max: number } {
  if (!a || !b) return { median: NaN, min: NaN, max: NaN };
  const ratios = a.rounds.map((x, i) => x / b.rounds[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
const ratioText = (r: { median: number; min: number; max: number }): string => (Number.isFinite(r.median) ? `${fmt(r.median, 2)}× (${fmt(r.min, 2)}–${fmt(r.max, 2)})` : '—');
const rpsOf = (side: Side | undefined): number => (side ? side.requests / side.seconds : NaN);
const p50p99 = (side: Side | undefined): string => (side ? `${fmt(percentile(side.latencies, 50), 1)} / ${fmt(percentile(side.latencies, 99), 1)}` : '—');

function abTable(results: AB[]): string[] {
  const lines = [
    '| workload | echo req/s | sample req/s | bot req/s | bot/echo (median of rounds; range) | bot/sample | sample/echo | p50 / p99 ms: echo | sample | bot | p99 bot/echo | server CPU per request, echo / sample / bot |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const cpu = (side: Side | undefined): string => (side ? `${fmt(median(side.cpuUsPerReq))}` : '—');
    lines.push(`| ${r.label} | ${fmt(rpsOf(r.echo))} | ${r.sample ? fmt(rpsOf(r.sample)) : '—'} | ${fmt(rpsOf(r.bot))} | ${ratioText(ratioOf(r.bot, r.echo))} | ${ratioText(ratioOf(r.bot, r.sample))} | ${ratioText(ratioOf(r.sample, r.echo))} | ${p50p99(r.echo)} | ${p50p99(r.sample)} | ${p50p99(r.bot)} | ${fmt(percentile(r.bot.latencies, 99) / percentile(r.echo.latencies, 99), 1)}× | ${cpu(r.echo)} / ${cpu(r.sample)} / ${cpu(r.bot)} µs |`);
  }
  return lines;
}

/** The throughput and tail targets, each said plainly. */
function abTargets(results: AB[]): string[] {
  const lines = ['| target | result | |', '|---|---:|:---:|'];
  const fresh = results.find((r) => r.workload === 'fresh');
  const tiers = results.find((r) => r.workload === 'tiers');
  if (fresh) {
    const e = ratioOf(fresh.bot, fresh.echo);
    lines.push(`| first turn of a fresh conversation ≥ ${TARGET.firstVsEcho}× echo | ${ratioText(e)} | ${yes(e.median >= TARGET.firstVsEcho)} |`);
    if (fresh.sample) {
      const sm = ratioOf(fresh.bot, fresh.sample);
      lines.push(`| first turn of a fresh conversation ≥ ${TARGET.firstVsSample}× the SDK dialog sample | ${ratioText(sm)} | ${yes(sm.median >= TARGET.firstVsSample)} |`);
    }
  }
  if (tiers) {
    const e = ratioOf(tiers.bot, tiers.echo);
    lines.push(`| whole conversations ≥ ${TARGET.wholeVsEcho}× echo | ${ratioText(e)} | ${yes(e.median >= TARGET.wholeVsEcho)} |`);
  }
  for (const r of results) {
    const x = percentile(r.bot.latencies, 99) / percentile(r.echo.latencies, 99);
    lines.push(`| p99 ≤ ${TARGET.p99}× echo's, ${r.label} | ${fmt(x, 2)}× | ${yes(x <= TARGET.p99)} |`);
  }
  return lines;
}

function abNotes(results: AB[]): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const tags = [...r.bot.byTag].filter(([, v]) => v.length > 0).map(([tag, v]) => `${tag} ${fmt(percentile(v, 50), 1)} / ${fmt(percentile(v, 99), 1)} ms (${fmt(v.length)} turns)`);
    lines.push(`- ${r.label}: bot p50 / p99 by kind of turn: ${tags.join('; ')}. Load generator used ${fmt(r.generatorCpuShare * 100)} % of a core; machine ${fmt(r.machineBusy * 100)} % busy over the rounds.${r.bot.errors + r.echo.errors + (r.sample?.errors ?? 0) > 0 ? ` **Errors: bot ${r.bot.errors}, echo ${r.echo.errors}, sample ${r.sample?.errors ?? 0}** (${[...r.bot.errorSamples, ...r.echo.errorSamples, ...(r.sample?.errorSamples ?? [])].join('; ')})` : ' No errors.'}`);
    if (r.echoApp) {
      const appRps = r.echoApp.requests / r.echoApp.seconds;
      lines.push(`  - echo behind Afterscan's own HTTP layer (src/http/server.ts createServer): ${fmt(appRps)} req/s, p50 / p99 ${fmt(percentile(r.echoApp.latencies, 50), 1)} / ${fmt(percentile(r.echoApp.latencies, 99), 1)} ms, ${fmt(median(r.echoApp.cpuUsPerReq))} µs CPU per request (${fmt(median(r.echoApp.rounds.map((a, i) => a / r.echo.rounds[i]!)), 2)}× the bare echo)`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  installCleanup();
  for (const file of [BOT_ENTRY, ECHO_ENTRY, SAMPLE_ENTRY, RECOGNIZER_ENTRY]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm run bench runs tsc -b)`);
  }
  const m = machine();
  const budget = (ONLY.has('ab') ? WORKLOADS.length * (ROUNDS * 2 * ROUND_SECONDS + 2 * WARMUP_SECONDS) + SAMPLE_WORKLOADS.size * (ROUNDS + 1) * ROUND_SECONDS : 0) + (ONLY.has('profile') && PROFILE ? PROFILE_SECONDS + WARMUP_SECONDS : 0);
  log(`${m.date}; ${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.load}`);
  log(`${CONNECTIONS} connections, ${ROUNDS} rounds × ${ROUND_SECONDS} s per server per workload; timed phases ≈ ${budget} s plus ${fmt(RSS_CONVERSATIONS)} conversations for RSS`);

  const out: string[] = [];
  const json: Record<string, unknown> = { machine: m, settings: { CONNECTIONS, ROUNDS, ROUND_SECONDS, WARMUP_SECONDS, RSS_CONVERSATIONS } };
  out.push(`# Afterscan benchmark, ${m.date}`, '');
  out.push(`Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, load average at start ${m.load} (1 / 5 / 15 min). ${CONNECTIONS} connections, keep-alive, \`deliveryMode: expectReplies\`, Web Chat activities, loopback. Load generator in the same process as this report, on the same cores.`, '');

  const summary: string[] = ['| measure | result | target | |', '|---|---:|---:|:---:|'];

  if (ONLY.has('startup')) {
    log(`start-up (${elapsed()})`);
    const s = await measureStartup();
    json.startup = s;
    const restart = median(s.restartMs);
    const dialogs = s.requires.find((r) => r.what.includes('botbuilder-dialogs'))!;
    summary.push(`| start-up, spawn → first 200 on /healthz (bot: restart on an existing DATA_DIR, median of 3; all ten languages) | ${fmt(restart)} ms (runs ${s.restartMs.map((x) => fmt(x)).join(' / ')}) | < ${TARGET.startupMs} ms | ${yes(restart < TARGET.startupMs)} |`);
    summary.push(`| start-up of the echo / the SDK dialog sample, same measure (median of 3) | ${fmt(median(s.echoMs))} / ${fmt(median(s.sampleMs))} ms | | |`);
    summary.push(`| RSS just after start-up (0.3 s after the first 200 on /healthz; median of 3): echo / sample / bot | ${fmt(s.rssAfterStartMb.echo, 1)} / ${fmt(s.rssAfterStartMb.sample, 1)} / ${fmt(s.rssAfterStartMb.bot, 1)} MB | | |`);
    summary.push(`| start-up, first start on an empty DATA_DIR | ${fmt(s.firstMs)} ms | < ${TARGET.startupMs} ms | ${yes(s.firstMs < TARGET.startupMs)} |`);
    summary.push(`| for scale: \`node -e 0\` / \`${dialogs.what}\` / ${s.requires.slice(1).map((r) => `${r.what}`).join(' / ')} (process spawn to exit, median of 3) | ${fmt(s.nodeMs)} / ${s.requires.map((r) => fmt(r.ms)).join(' / ')} ms | | |`);
  }

  const ab: AB[] = [];
  let serial = '';
  if (ONLY.has('ab')) {
    log(`A/B: starting echo bot, the SDK dialog sample and Afterscan (${elapsed()})`);
    const echo = await startEcho('bare');
    const echoApp = ECHO_APP ? await startEcho('app') : undefined;
    const sample = await startSample();
    const bot = await startBot('bot', tempDir('ab'));
    try {
      const problems = [...await checkScripts(bot.port), ...await checkSample(sample.port)];
      json.scriptProblems = problems;
      if (problems.length > 0) {
        log(`WARNING: the workload scripts no longer do what they claim (the dialogs changed?); figures below measure something else:\n  ${problems.join('\n  ')}`);
        out.push(`**Warning: workload scripts out of date:** ${problems.join('; ')}`, '');
      }
      for (const w of WORKLOADS) {
        log(`A/B ${w.label} (${elapsed()})`);
        ab.push(await abWorkload(w.name, w.label, echo, bot, w.name === 'fresh' ? echoApp : undefined, SAMPLE_WORKLOADS.has(w.name) ? sample : undefined));
      }
      // Unloaded turn latency (what bench/turns.ts measured one turn at a time): one connection,
      // so there is no queueing and p50 is the service time of a turn.
      if (SERIAL_SECONDS > 0) {
        log(`one connection, workload (b), ${SERIAL_SECONDS} s each (${elapsed()})`);
        const e = await drive(echo.port, 1, SERIAL_SECONDS, (c) => walker('tiers', c, 77));
        const b = await drive(bot.port, 1, SERIAL_SECONDS, (c) => walker('tiers', c, 78));
        assertAlive();
        serial = `Unloaded latency, one connection, workload (b): echo p50 / p99 ${fmt(percentile(e.latencies, 50), 2)} / ${fmt(percentile(e.latencies, 99), 2)} ms (${fmt(e.rps)} req/s), bot ${fmt(percentile(b.latencies, 50), 2)} / ${fmt(percentile(b.latencies, 99), 2)} ms (${fmt(b.rps)} req/s)${b.errors + e.errors ? `; errors: ${b.errors + e.errors}` : ''}.`;
        json.serial = { echoP50: percentile(e.latencies, 50), echoP99: percentile(e.latencies, 99), botP50: percentile(b.latencies, 50), botP99: percentile(b.latencies, 99) };
      }
      json.ab = ab.map((r) => ({ workload: r.workload, echoRounds: r.echo.rounds, sampleRounds: r.sample?.rounds, botRounds: r.bot.rounds, echoCpuUs: r.echo.cpuUsPerReq, sampleCpuUs: r.sample?.cpuUsPerReq, botCpuUs: r.bot.cpuUsPerReq, sampleP50: r.sample ? percentile(r.sample.latencies, 50) : undefined, sampleP99: r.sample ? percentile(r.sample.latencies, 99) : undefined, echoP50: percentile(r.echo.latencies, 50), echoP99: percentile(r.echo.latencies, 99), botP50: percentile(r.bot.latencies, 50), botP99: percentile(r.bot.latencies, 99), errors: r.bot.errors + r.echo.errors, generatorCpuShare: r.generatorCpuShare, machineBusy: r.machineBusy }));
      // The page's "no Direct Line" notice is expected with LOCAL_DIRECTLINE=off and no secret.
      const warnings = [...bot.warnings, ...echo.warnings, ...sample.warnings].filter((w) => !w.includes('"webchat_unavailable"'));
      if (warnings.length > 0) out.push(`Servers logged ${warnings.length} warning/error lines, first: \`${warnings[0]!.slice(0, 300)}\``, '');
    } finally {
      await Promise.all([echo.stop(), sample.stop(), bot.stop(), echoApp?.stop()]);
    }
  }

  if (ONLY.has('rss') && RSS_CONVERSATIONS > 0) {
    const all: Rss[] = [];
    for (const kind of KINDS) {
      log(`RSS: ${fmt(RSS_CONVERSATIONS)} short conversations on a fresh ${kind} (${elapsed()})`);
      all.push(await measureRss(kind));
    }
    json.rss = all;
    const point = (c: Checkpoint, gc: boolean): string => fmt(gc ? c.rssAfterGcMb : c.rssMb, 1);
    const rssRow = (r: Rss): string => {
      const [warm, mid, end] = r.checkpoints as [Checkpoint, Checkpoint, Checkpoint];
      return `${fmt(end.rssAfterGcMb - warm.rssAfterGcMb, 1)} MB (${point(warm, true)} → ${point(mid, true)} → ${point(end, true)}; heap ${fmt(warm.heapAfterGcMb, 1)} → ${fmt(end.heapAfterGcMb, 1)} MB; ${fmt(r.conversations / r.seconds)} conversations/s)`;
    };
    const byKind = new Map(all.map((r) => [r.kind, r]));
    for (const kind of KINDS) {
      const r = byKind.get(kind)!;
      const [warm, , end] = r.checkpoints as [Checkpoint, Checkpoint, Checkpoint];
      const growth = end.rssAfterGcMb - warm.rssAfterGcMb;
      summary.push(`| ${kind}: RSS growth over ${fmt(r.conversations)} new 2-turn conversations, read after a forced full GC (after 2,000 warm-up conversations → half-way → end) | ${rssRow(r)} | ${kind === 'bot' ? `< ${TARGET.rssMb} MB` : ''} | ${kind === 'bot' ? yes(growth < TARGET.rssMb) : ''} |`);
      if (r.errors > 0) summary.push(`| ${kind}: errors during the RSS run | ${r.errors} | 0 | **check** |`);
    }
    const bot = byKind.get('bot')!;
    const [warm, mid, end] = bot.checkpoints as [Checkpoint, Checkpoint, Checkpoint];
    summary.push(`| bot: the same RSS read under load without a GC (GC-cycle noise of tens of MB) | ${fmt(end.rssMb - warm.rssMb, 1)} MB (${point(warm, false)} → ${point(mid, false)} → ${point(end, false)} MB; peak ${fmt(bot.hwmMb, 1)} MB) | | |`);
    summary.push(`| bot: SQLite file after the RSS run (state rows stay until RETENTION_DAYS) | ${fmt(bot.dbMb, 1)} MB | | |`);
  }

  if (ONLY.has('recognizer')) {
    log(`recognizer (${elapsed()})`);
    const rec = await measureRecognizer();
    json.recognizer = rec;
    summary.push(`| red-flag recognizer alone, one core (\`${rec.line}\`) | ${fmt(rec.perSec)} messages/s | ≥ ${fmt(TARGET.recognizer)}/s | ${yes(rec.perSec >= TARGET.recognizer)} |`);
  }

  if (ab.length > 0) out.push('## Throughput and latency (alternated: echo, SDK dialog sample, bot)', '', ...abTable(ab), '', ...abTargets(ab), '', ...abNotes(ab), ...(serial ? [`- ${serial}`] : []), '');
  out.push('## Other targets', '', ...summary, '');

  if (ONLY.has('profile') && PROFILE) {
    log(`CPU profiles under workload (b): echo ${Math.ceil(PROFILE_SECONDS / 2)} s, bot ${PROFILE_SECONDS} s (${elapsed()})`);
    const pe = await profileServer('echo', Math.ceil(PROFILE_SECONDS / 2));
    const p = await profileServer('bot', PROFILE_SECONDS);
    json.profile = { file: p.file, echoFile: pe.file, rps: p.rps, requests: p.requests, echoRequests: pe.requests, byPackage: p.analysis.byPackage, echoByPackage: pe.analysis.byPackage, selfTop: p.analysis.selfTop, inclusiveTop: p.analysis.inclusiveTop };
    out.push(`## CPU profile, workload (b): bot ${fmt(p.rps)} req/s, echo ${fmt(pe.rps)} req/s while profiled`, '',
      `Profiles: \`${p.file}\` and \`${pe.file}\` (open in Chrome DevTools → Performance, or \`node dist/bench/profile.js <file> [--callers <function>]\`).`, '',
      'CPU per request by package (self time in the load window ÷ requests answered):', '', ...perRequestTable(p, pe), '',
      'Named call trees in the bot (inclusive; they overlap where one calls another, e.g. i18next inside the dialogs):', '', ...activityTable(p), '',
      '### Bot', '', formatAnalysis(p.analysis, 25), '');
  }

  const report = out.join('\n');
  fs.writeFileSync(path.join(__dirname, 'results.md'), `${report}\n`);
  fs.writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(report);
  log(`done in ${elapsed()}; written to ${path.relative(PROJECT, path.join(__dirname, 'results.md'))} and results.json`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
