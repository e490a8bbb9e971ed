import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logger';

/** Connection settings for the pool (DATABASE_URL and the pool's bounds). */
export interface PgSettings {
  /** postgres://user:password@host:5432/db?sslmode=require */
  url: string;
  /** Most connections this instance opens (DATABASE_POOL_MAX). */
  max?: number;
  /** How long a query waits for a free connection, and a new connection for the server, before failing. */
  connectTimeoutMs?: number;
  /** Longest one statement may run on the server (statement_timeout) and on the client (query_timeout). */
  statementTimeoutMs?: number;
  /** An unused connection is closed after this. */
  idleTimeoutMs?: number;
}

/**
 * A pool with every wait bounded: getting a connection, connecting, and each statement. A
 * connection the server drops while idle (a restart, a failover) is logged and replaced on the
 * next query instead of crashing the process (pg's pool emits 'error' for it).
 */
export function createPool(settings: PgSettings, logger: Logger): pg.Pool {
  const statementTimeout = settings.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.max ?? 10,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: settings.idleTimeoutMs ?? 30_000,
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + 1_000,
    application_name: 'afterscan',
    keepAlive: true,
  });
  pool.on('error', (error: Error & { code?: string }) => {
    logger.error({ event: 'database_connection_lost', err: error.code ?? error.name }, 'a pooled database connection failed; it is replaced on next use');
  });
  // A connection lost while checked out (a turn holding its conversation lock, a transaction)
  // emits 'error' on the client, which the pool does not listen to then: without this listener
  // that is an uncaught exception. The query in flight fails on its own and is handled there.
  pool.on('connect', (client) => {
    client.on('error', (error: Error & { code?: string }) => {
      logger.warn({ event: 'database_connection_lost', err: error.code ?? error.name }, 'a database connection in use failed');
    });
  });
  return pool;
}

/** Advisory lock (class, id) held while migrating, so instances starting together apply each file once. */
const MIGRATION_LOCK: [number, number] = [0x41667465, 1];

/** The versioned SQL files (migrations/postgres/NNNN_name.sql), from sources or from dist/. */
export function findMigrationsDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'migrations', 'postgres');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('migrations/postgres folder not found');
}

/**
 * Brings the schema up to date: each file of `dir` not yet listed in schema_migrations runs in
 * its own transaction with its version recorded there. A session advisory lock serialises
 * instances starting at the same moment; the second one finds the work done. Returns the
 * versions it applied.
 */
export async function migrate(pool: pg.Pool, dir: string = findMigrationsDir()): Promise<string[]> {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', MIGRATION_LOCK);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await client.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const file of files) {
        const version = file.slice(0, 4);
        if (done.has(version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(fs.readFileSync(path.join(dir, file), 'utf8'));
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`database migration ${file} failed: ${(error as Error).message}`);
        }
        applied.push(version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', MIGRATION_LOCK);
    }
  } finally {
    client.release();
  }
  return applied;
}

/** bigint columns come back as text (pg keeps 64-bit exact); epoch milliseconds fit a double. */
export const num = (value: string | number | null): number => Number(value);
