import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { checkpointTruncate, openDatabase } from './openDatabase';
import type { Storage, StoreItems } from 'botbuilder';

/** Thrown when a write carries an eTag that no longer matches: someone else wrote first. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super('eTag conflict on a state item');
    this.name = 'ETagConflictError';
  }
}

/**
 * botbuilder Storage on an embedded SQLite file (WAL). Honours the SDK's optimistic
 * concurrency: an item written with an eTag other than "*" must still carry the stored
 * eTag, or the write fails and nothing is lost silently. Each call is one transaction;
 * the eTag check also guards writers in other processes sharing the file.
 */
export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { value: string; etag: string }>;
  private readonly upsert: Database.Statement<[string, string, string, number]>;
  private readonly updateIf: Database.Statement<[string, string, number, string, string]>;
  private readonly insertNew: Database.Statement<[string, string, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private counter = 0;
  /**
   * Random once per instance: with the time and the counter it makes every eTag unique, across
   * processes sharing the file too, without drawing random bytes on every write.
   */
  private readonly instance = randomBytes(4).toString('hex');
  /** When the last state write failed, until one succeeds again: a storage that cannot write is not ready. */
  private writeFailedAt: number | null = null;
  /** How long a failed state write keeps readiness false even when the small probe write succeeds. */
  static readonly FAILED_WRITE_HOLD_MS = 30_000;

  constructor(file: string, private readonly now: () => number = Date.now) {
    this.db = openDatabase(file);
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS state (
      key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
    this.selectOne = this.db.prepare('SELECT value, etag FROM state WHERE key = ?');
    this.upsert = this.db.prepare(`INSERT INTO state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at`);
    this.updateIf = this.db.prepare('UPDATE state SET value = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?');
    this.insertNew = this.db.prepare('INSERT OR IGNORE INTO state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)');
    this.remove = this.db.prepare('DELETE FROM state WHERE key = ?');
    this.db.exec('CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const apply = this.db.transaction((entries: [string, Record<string, unknown>][]) => {
      for (const [key, item] of entries) this.writeOne(key, item);
    });
    try {
      apply(Object.entries(changes) as [string, Record<string, unknown>][]);
      this.writeFailedAt = null;
    } catch (error) {
      if (!(error instanceof ETagConflictError)) this.writeFailedAt = this.now();
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remove.run(key);
  }

  /** Deletes items not written since the cut-off (retention); returns how many. */
  purgeOlderThan(cutoff: number): number {
    return this.db.prepare('DELETE FROM state WHERE updated_at < ?').run(cutoff).changes;
  }

  /**
   * Readiness: true when the database takes a small write now and no state write has failed in
   * the last 30 s (unless one succeeded since). A full disk or a read-only file still answers
   * reads, and a small write can still fit in the WAL while a turn's larger one does not.
   */
  ping(): boolean {
    try {
      // A changing value: SQLite skips writing a row whose bytes are unchanged, and then nothing is tested.
      this.db.prepare('INSERT INTO probe (id, n) VALUES (1, 0) ON CONFLICT(id) DO UPDATE SET n = n + 1').run();
    } catch {
      return false;
    }
    return this.writeFailedAt === null || this.now() - this.writeFailedAt > SqliteStorage.FAILED_WRITE_HOLD_MS;
  }

  /**
   * After forget me: pushes the deletions through the WAL into the main file and truncates the
   * WAL, so no copy of the erased items stays readable in DATA_DIR (secure_delete zeroes the
   * freed space in the main file). False when a reader kept the checkpoint from completing.
   */
  scrub(): boolean {
    return checkpointTruncate(this.db);
  }

  /**
   * Copies the WAL into the database file and truncates it, so a stopped instance leaves one
   * self-contained file (a backup or a volume snapshot then needs nothing else). Best effort:
   * another connection reading at that moment only makes the checkpoint partial.
   */
  close(): void {
    if (!this.db.open) return;
    try {
      checkpointTruncate(this.db);
    } catch { /* a busy database is still closed safely; SQLite replays the WAL on open */ }
    this.db.close();
  }

  private writeOne(key: string, item: Record<string, unknown>): void {
    const { eTag, ...rest } = item;
    const value = JSON.stringify(rest);
    const at = this.now();
    const next = `${at.toString(36)}-${this.instance}-${(this.counter += 1).toString(36)}`;
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      this.upsert.run(key, value, next, at);
      return;
    }
    // Same rule as botbuilder's MemoryStorage: a stale eTag on an existing item is a conflict;
    // an eTag on an item that does not exist yet is a plain insert.
    if (this.updateIf.run(value, next, at, key, eTag).changes > 0) return;
    if (this.insertNew.run(key, value, next, at).changes === 0) throw new ETagConflictError(key);
  }
}
