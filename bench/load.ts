/**
 * A small closed-loop HTTP load generator (no dependencies): N connections, each a loop
 * that POSTs the next turn of its own conversation and waits for the answer before sending
 * the next (one request = one turn, as a real channel does with expectReplies). Keep-alive
 * sockets through one http.Agent with N sockets. It runs in the benchmark's own process and
 * so shares the machine's cores with the server under test.
 */
import http from 'node:http';

/** One request: the body and a tag (latencies are also kept per tag, e.g. red-flag turns). */
export interface Shot {
  body: Buffer;
  tag: string;
}

/** The sequence of requests one connection sends. `next()` is called after each answer. */
export interface Walker {
  /** The next request, or null when this connection has nothing more to send. */
  next(): Shot | null;
}

export interface RoundResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  /** Latencies in ms, all requests of the round. */
  latencies: number[];
  /** Latencies in ms per tag. */
  byTag: Map<string, number[]>;
  /** Error descriptions (first few). */
  errorSamples: string[];
}

function post(agent: http.Agent, port: number, body: Buffer, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    }, (res) => {
      res.on('data', () => { /* drain */ });
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Drives `connections` loops against 127.0.0.1:port for `seconds` (each loop stops sending
 * at the deadline, or when its walker returns null; answers in flight still count). Throughput = answered requests / time
 * from start to the last answer.
 */
export async function drive(port: number, connections: number, seconds: number, walkerFor: (connection: number) => Walker, timeoutMs = 10_000): Promise<RoundResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies: number[] = [];
  const byTag = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let requests = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let last = start;
  await Promise.all(Array.from({ length: connections }, async (_, c) => {
    const walker = walkerFor(c);
    while (performance.now() < deadline) {
      const shot = walker.next();
      if (!shot) break;
      const t0 = performance.now();
      try {
        const status = await post(agent, port, shot.body, timeoutMs);
        const t1 = performance.now();
        last = Math.max(last, t1);
        if (status !== 200) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`HTTP ${status} (${shot.tag})`);
          continue;
        }
        requests += 1;
        const ms = t1 - t0;
        latencies.push(ms);
        let list = byTag.get(shot.tag);
        if (!list) byTag.set(shot.tag, (list = []));
        list.push(ms);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${(error as Error).message} (${shot.tag})`);
        // A refused or reset connection would otherwise spin: back off a little.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }));
  agent.destroy();
  const secs = (last - start) / 1000;
  return { requests, errors, seconds: secs, rps: requests / secs, latencies, byTag, errorSamples };
}

/** Nearest-rank percentile of an unsorted list (sorts a copy). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** A deterministic PRNG (mulberry32), so a run's red-flag steps are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
