import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Storage, StoreItems } from 'botbuilder';
import { num } from './pgDatabase';
import { watched, type Outage } from './outage';
import { ETagConflictError } from './sqliteStorage';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * botbuilder Storage on PostgreSQL, shared by every instance. The same optimistic concurrency
 * as SqliteStorage: an item written with an eTag other than "*" must still carry the stored
 * eTag, or the write fails with ETagConflictError and nothing is written. The check is in the
 * UPDATE's WHERE clause, so it holds between instances (READ COMMITTED re-checks a row another
 * transaction changed meanwhile). Several items in one write are one transaction.
 */
export class PgStorage implements Storage {
  private counter = 0;
  private writeFailedAt: number | null = null;
  /** How long a failed state write keeps readiness false even when the probe write succeeds. */
  static readonly FAILED_WRITE_HOLD_MS = 30_000;

  /** `outage` hears whether the server answered each read and write (see Outage). */
  constructor(private readonly pool: pg.Pool, private readonly now: () => number = Date.now, private readonly outage?: Outage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const { rows } = await watched(this.outage, this.pool.query<{ key: string; value: string; etag: string }>('SELECT key, value, etag FROM state WHERE key = ANY($1)', [keys]));
    for (const row of rows) items[row.key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    return watched(this.outage, this.writeAll(changes));
  }

  private async writeAll(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes) as [string, Record<string, unknown>][];
    try {
      if (entries.length === 1) {
        await this.writeOne(this.pool, entries[0]![0], entries[0]![1]);
      } else if (entries.length > 1) {
        const client = await this.pool.connect();
        try {
          await client.query('BEGIN');
          for (const [key, item] of entries) await this.writeOne(client, key, item);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }
      this.writeFailedAt = null;
    } catch (error) {
      if (!(error instanceof ETagConflictError)) this.writeFailedAt = this.now();
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await watched(this.outage, this.pool.query('DELETE FROM state WHERE key = ANY($1)', [keys]));
  }

  /** Deletes items not written since the cut-off (retention); returns how many. */
  async purgeOlderThan(cutoff: number): Promise<number> {
    return (await this.pool.query('DELETE FROM state WHERE updated_at < $1', [cutoff])).rowCount ?? 0;
  }

  /** Readiness: the database takes a small write now, and no state write failed in the last 30 s. */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('INSERT INTO probe (id, n) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = probe.n + 1');
    } catch {
      return false;
    }
    return this.writeFailedAt === null || this.now() - this.writeFailedAt > PgStorage.FAILED_WRITE_HOLD_MS;
  }

  /** How many items are stored (diagnostics and tests). */
  async count(): Promise<number> {
    return num((await this.pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM state')).rows[0]!.n);
  }

  private async writeOne(db: Queryable, key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...rest } = item;
    const value = JSON.stringify(rest);
    const at = this.now();
    const next = `${at.toString(36)}-${(this.counter += 1).toString(36)}-${randomBytes(4).toString('hex')}`;
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await db.query(`INSERT INTO state (key, value, etag, updated_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`, [key, value, next, at]);
      return;
    }
    // Same rule as botbuilder's MemoryStorage: a stale eTag on an existing item is a conflict;
    // an eTag on an item that does not exist (any more) is a plain insert.
    if (((await db.query('UPDATE state SET value = $1, etag = $2, updated_at = $3 WHERE key = $4 AND etag = $5', [value, next, at, key, eTag])).rowCount ?? 0) > 0) return;
    const inserted = await db.query('INSERT INTO state (key, value, etag, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING', [key, value, next, at]);
    if ((inserted.rowCount ?? 0) === 0) throw new ETagConflictError(key);
  }
}
