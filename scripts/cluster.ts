/**
 * `npm run cluster`: two bot processes on one PostgreSQL behind one port, on this machine.
 *
 * - PostgreSQL: DATABASE_URL when set, else a throwaway cluster (initdb + pg_ctl from Debian's
 *   postgresql package) in a temporary folder, removed on exit.
 * - Two `node dist/src/index.js` processes on CLUSTER_PORT+1 and CLUSTER_PORT+2.
 * - A small round-robin proxy on CLUSTER_PORT (default 3978): each POST /api/messages goes to the
 *   next instance, as Azure App Service's front end (ARR affinity off) or Azure Application Gateway
 *   would spread a channel's calls. Everything else (the chat page and the local Direct Line,
 *   which keeps its conversations in one process's memory) goes to the first instance.
 *
 * Ctrl-C (or SIGTERM) stops both instances gracefully, then PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { startPostgres, type LocalCluster } from './localPostgres';

const port = Number(process.env.CLUSTER_PORT ?? 3978);
const entry = path.resolve(__dirname, '../src/index.js');

function startInstance(n: number, url: string): ChildProcess {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port + n), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) process.stdout.write(`[bot ${n}] ${line}\n`);
  });
  return child;
}

async function main(): Promise<void> {
  let local: LocalCluster | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    local = await startPostgres();
    url = local.url;
    console.log(`PostgreSQL (throwaway, this run only) at ${url}`);
  }
  const bots = [startInstance(1, url), startInstance(2, url)];
  let next = 0;
  const proxy = http.createServer((req, res) => {
    const roundRobin = req.method === 'POST' && (req.url ?? '').startsWith('/api/messages');
    const n = roundRobin ? (next = (next % bots.length) + 1) : 1;
    const upstream = http.request({ host: '127.0.0.1', port: port + n, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' }); res.end('{"error":"bad gateway"}'); });
    req.pipe(upstream);
  });
  proxy.listen(port, '127.0.0.1', () => {
    console.log(`cluster: http://localhost:${port}/api/messages round-robin over bot 1 (:${port + 1}) and bot 2 (:${port + 2}); chat page on bot 1`);
  });
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    proxy.close();
    await Promise.all(bots.map((b) => new Promise((resolve) => { b.once('exit', resolve); b.kill('SIGTERM'); })));
    local?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  for (const b of bots) b.once('exit', (code) => { if (!stopping) { console.error(`a bot process exited (${code}); stopping the cluster`); void stop(); } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
