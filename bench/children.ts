/**
 * Child processes for the benchmark: free loopback ports, spawning a server and waiting for
 * its /healthz, reading its RSS from /proc, and making sure no child outlives the benchmark
 * (normal exit, an error, Ctrl-C or SIGTERM all kill what is still running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

const live = new Set<ChildProcess>();
let hooksInstalled = false;

function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) {
      try { child.kill(signal); } catch { /* already gone */ }
    }
  }
}

/** Kills every child on any way out of this process. Idempotent. */
export function installCleanup(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\nbench: ${signal}, stopping the servers`);
      killAll('SIGKILL');
      process.exit(130);
    });
  }
}

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function getStatus(port: number, path: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

export interface Server {
  name: string;
  port: number;
  child: ChildProcess;
  /** Milliseconds from spawn() to the first 200 on /healthz. */
  startupMs: number;
  /** Log lines the child wrote at warn level or above (pino JSON level >= 40), and stderr lines that are not the known restify deprecation warning. */
  warnings: string[];
  stop: () => Promise<void>;
}

export interface SpawnOptions {
  name: string;
  script: string;
  port: number;
  env: Record<string, string>;
  nodeArgs?: string[];
  timeoutMs?: number;
}

const KNOWN_NOISE = /DEP0111|process\.binding\('http_parser'\)|--trace-deprecation|Debugger listening|nodejs\.org\/en\/docs\/inspector|Debugger attached|Waiting for the debugger/;

/** Spawns `node [nodeArgs] script` and resolves once GET /healthz answers 200. */
export async function startServer(opts: SpawnOptions): Promise<Server> {
  installCleanup();
  const warnings: string[] = [];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let exited: string | null = null;
  const tail: string[] = [];
  const onLine = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      tail.push(`${stream}: ${line}`);
      if (tail.length > 20) tail.shift();
      if (stream === 'stderr') {
        if (!KNOWN_NOISE.test(line) && warnings.length < 1000) warnings.push(line);
        continue;
      }
      try {
        const entry = JSON.parse(line) as { level?: number };
        if (typeof entry.level === 'number' && entry.level >= 40 && warnings.length < 1000) warnings.push(line);
      } catch { /* not a log line */ }
    }
  };
  child.stdout?.on('data', onLine('stdout'));
  child.stderr?.on('data', onLine('stderr'));
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `exit code ${code ?? 'none'}${signal ? `, signal ${signal}` : ''}`;
      live.delete(child);
      resolve();
    });
  });
  child.once('error', (error) => { exited = `spawn error: ${error.message}`; });

  const deadline = t0 + (opts.timeoutMs ?? 15_000);
  for (;;) {
    if (exited) throw new Error(`${opts.name} exited before answering /healthz (${exited}). Last output:\n${tail.join('\n')}`);
    if ((await getStatus(opts.port, '/healthz', 500)) === 200) break;
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} did not answer /healthz on port ${opts.port} within ${opts.timeoutMs ?? 15_000} ms. Last output:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const startupMs = performance.now() - t0;
  // Something else could have answered on a port taken between freePort() and the child's
  // listen(): a child that failed to listen exits at once, so look again.
  await new Promise((r) => setTimeout(r, 50));
  if (exited) throw new Error(`${opts.name} exited right after start-up (${exited}); was port ${opts.port} taken? Last output:\n${tail.join('\n')}`);

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(timer);
  };
  const server: Server = { name: opts.name, port: opts.port, child, startupMs, warnings, stop };
  // A server that dies mid-benchmark must fail the run loudly, not show up as a slow server.
  child.once('exit', () => {
    if (!stopping.has(server)) {
      deaths.push(`${opts.name} (pid ${child.pid}) exited during the benchmark (${exited ?? 'unknown'}). Last output:\n${tail.join('\n')}`);
    }
  });
  const originalStop = server.stop;
  server.stop = async () => { stopping.add(server); await originalStop(); };
  return server;
}

const stopping = new Set<Server>();
const deaths: string[] = [];

/** Throws if any server died unexpectedly. */
export function assertAlive(): void {
  if (deaths.length > 0) throw new Error(deaths.join('\n\n'));
}

export interface Memory { rssKb: number; hwmKb: number }

/** VmRSS and VmHWM of a process, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** Runs `node args...` to completion; resolves with wall time and output. */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  installCleanup();
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`node ${args.join(' ')} did not finish within ${timeoutMs} ms`)); }, timeoutMs);
    child.once('error', (error) => { clearTimeout(timer); live.delete(child); reject(error); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      live.delete(child);
      resolve({ ms: performance.now() - t0, code, stdout, stderr });
    });
  });
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU milliseconds a process has used so far, from /proc/<pid>/stat (10 ms resolution). */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** Busy and total jiffies of the whole machine (first line of /proc/stat), to tell how loaded it was. */
export function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Forces a full GC in a child started with --inspect=127.0.0.1:<port> and returns its V8 heap
 * use afterwards, through the inspector protocol (HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage). The client runs in a short-lived `node --experimental-websocket`
 * (Node 20 has no WebSocket without the flag), so this process needs no flag.
 */
export async function collectGarbage(inspectPort: number): Promise<{ usedMb: number; totalMb: number }> {
  const script = `
    const port = ${inspectPort};
    (async () => {
      const list = await (await fetch('http://127.0.0.1:' + port + '/json/list')).json();
      const ws = new WebSocket(list[0].webSocketDebuggerUrl);
      let id = 0; const waiting = new Map();
      const call = (method, params = {}) => new Promise((resolve, reject) => { id += 1; waiting.set(id, { resolve, reject }); ws.send(JSON.stringify({ id, method, params })); });
      ws.onmessage = (e) => { const m = JSON.parse(e.data); const w = waiting.get(m.id); if (w) { waiting.delete(m.id); m.error ? w.reject(new Error(m.error.message)) : w.resolve(m.result); } };
      await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('inspector connection failed')); });
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
      const usage = await call('Runtime.getHeapUsage');
      console.log(JSON.stringify(usage));
      ws.close();
      process.exit(0);
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  const r = await runNode(['--experimental-websocket', '--no-warnings', '-e', script], {}, 30_000);
  if (r.code !== 0) throw new Error(`could not force a GC through the inspector on port ${inspectPort}: ${r.stderr.trim().slice(0, 300)}`);
  const usage = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { usedSize?: number; totalSize?: number };
  return { usedMb: (usage.usedSize ?? NaN) / 1048576, totalMb: (usage.totalSize ?? NaN) / 1048576 };
}
