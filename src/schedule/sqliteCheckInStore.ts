import type Database from 'better-sqlite3';
import { openDatabase } from '../storage/openDatabase';
import type { CheckIn, CheckInStore, NewCheckIn } from './checkInStore';

interface Row {
  id: string; user_key: string; reference: string; locale: string; due_at: number; expires_at: number; attempts: number;
}

const toCheckIn = (r: Row): CheckIn => ({
  id: r.id, userKey: r.user_key, reference: JSON.parse(r.reference) as Record<string, unknown>, locale: r.locale,
  dueAt: r.due_at, expiresAt: r.expires_at, attempts: r.attempts,
});

/**
 * Check-ins in the embedded SQLite database. A claim is one UPDATE … RETURNING statement, so
 * it is atomic even across processes sharing the file (SQLite serialises writers).
 */
export class SqliteCheckInStore implements CheckInStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS checkins (
      id TEXT PRIMARY KEY, user_key TEXT NOT NULL, reference TEXT NOT NULL, locale TEXT NOT NULL,
      due_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'pending',
      next_at INTEGER NOT NULL, claimed_by TEXT, lease_until INTEGER, attempts INTEGER NOT NULL DEFAULT 0,
      finished_at INTEGER);
      CREATE INDEX IF NOT EXISTS checkins_due ON checkins (status, next_at);
      CREATE INDEX IF NOT EXISTS checkins_user ON checkins (user_key);`);
  }

  add(items: readonly NewCheckIn[]): void {
    const insert = this.db.prepare(`INSERT INTO checkins (id, user_key, reference, locale, due_at, expires_at, next_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const c of items) insert.run(c.id, c.userKey, JSON.stringify(c.reference), c.locale, c.dueAt, c.expiresAt, c.dueAt);
    })();
  }

  claimDue(now: number, worker: string, leaseUntil: number, limit: number): CheckIn[] {
    return (this.db.prepare(`UPDATE checkins SET status = 'claimed', claimed_by = ?, lease_until = ?, attempts = attempts + 1
      WHERE id IN (SELECT id FROM checkins
        WHERE ((status = 'pending' AND next_at <= ?) OR (status = 'claimed' AND lease_until <= ?)) AND expires_at > ?
        ORDER BY due_at LIMIT ?)
      RETURNING id, user_key, reference, locale, due_at, expires_at, attempts`)
      .all(worker, leaseUntil, now, now, now, limit) as Row[]).map(toCheckIn);
  }

  markSent(id: string, worker: string, now: number): boolean {
    return this.db.prepare(`UPDATE checkins SET status = 'sent', finished_at = ?, lease_until = NULL
      WHERE id = ? AND status = 'claimed' AND claimed_by = ?`).run(now, id, worker).changes === 1;
  }

  retryAt(id: string, worker: string, retryAt: number): void {
    this.db.prepare(`UPDATE checkins SET status = 'pending', next_at = ?, claimed_by = NULL, lease_until = NULL
      WHERE id = ? AND status = 'claimed' AND claimed_by = ?`).run(retryAt, id, worker);
  }

  dropExpired(now: number): number {
    return this.db.prepare(`UPDATE checkins SET status = 'dropped', finished_at = ?
      WHERE expires_at <= ? AND (status = 'pending' OR (status = 'claimed' AND lease_until <= ?))`).run(now, now, now).changes;
  }

  cancelForUser(userKey: string, now: number): number {
    return this.db.prepare(`UPDATE checkins SET status = 'cancelled', finished_at = ? WHERE user_key = ? AND status IN ('pending', 'claimed')`)
      .run(now, userKey).changes;
  }

  deleteForUser(userKey: string): number {
    return this.db.prepare('DELETE FROM checkins WHERE user_key = ?').run(userKey).changes;
  }

  purgeFinishedBefore(cutoff: number): number {
    return this.db.prepare(`DELETE FROM checkins WHERE status IN ('sent', 'dropped', 'cancelled') AND finished_at < ?`).run(cutoff).changes;
  }

  pendingFor(userKey: string): CheckIn[] {
    return (this.db.prepare(`SELECT id, user_key, reference, locale, due_at, expires_at, attempts FROM checkins
      WHERE user_key = ? AND status IN ('pending', 'claimed') ORDER BY due_at`).all(userKey) as Row[]).map(toCheckIn);
  }

  /** Row counts by status (diagnostics and tests). */
  counts(): Record<string, number> {
    const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM checkins GROUP BY status').all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
