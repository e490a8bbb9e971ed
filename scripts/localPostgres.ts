import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster (tests, `npm run cluster`, `npm run bench:storage`): initdb into a temporary folder, pg_ctl start on a
 * free loopback port, torn down (and the folder removed) at the end. Uses Debian's `postgresql`
 * package (/usr/lib/postgresql/<version>/bin, or PG_BIN); no running service is needed.
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` system user
 * (or `nobody`), through runuser.
 */

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    for (const version of fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(root, version, 'bin'));
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

export interface LocalCluster {
  /** postgres://… of the cluster's default database. */
  url: string;
  port: number;
  /** A new empty database on the cluster (one test's isolation); returns its URL. */
  createDatabase: () => Promise<string>;
  /** Stops the server (fast shutdown: connections are cut), keeping its files: "the database went away". */
  pause: () => void;
  /** Starts it again on the same port after pause(). */
  resume: () => void;
  stop: () => void;
}

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function systemUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = fs.readFileSync('/etc/passwd', 'utf8');
  return /^postgres:/m.test(passwd) ? 'postgres' : 'nobody';
}

const running = new Set<() => void>();
process.once('exit', () => { for (const stop of running) stop(); });

/**
 * `durable`: PostgreSQL's default durability (each commit flushed to disk), for figures worth
 * quoting; otherwise fsync is off, which only tests and demos can afford.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<LocalCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql, or set PG_BIN)');
  const user = systemUser();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-pg-'));
  const dataDir = path.join(base, 'data');
  if (user) {
    fs.chmodSync(base, 0o755);
    execFileSync('chown', [user, base]);
  }
  const run = (tool: string, args: string[]): void => {
    const [cmd, argv] = user ? ['runuser', ['-u', user, '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd: base, timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', dataDir, '-U', 'afterscan', '--auth=trust', '-E', 'UTF8', '--no-locale', ...(options.durable ? [] : ['--no-sync'])]);
  const port = await freePort();
  const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
  const serverOptions = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c max_connections=200${fast}`;
  const start = (): void => run('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', path.join(base, 'server.log'), '-w', '-t', '60', 'start']);
  const pause = (): void => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  start();
  let up = true;
  const stop = (): void => {
    running.delete(stop);
    if (up) {
      try { run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']); } catch { /* already down */ }
      up = false;
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  running.add(stop);
  const url = `postgres://afterscan@127.0.0.1:${port}/postgres`;
  return {
    url, port,
    createDatabase: async () => {
      const name = `t_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://afterscan@127.0.0.1:${port}/${name}`;
    },
    pause: () => { pause(); up = false; },
    resume: () => { start(); up = true; },
    stop,
  };
}
