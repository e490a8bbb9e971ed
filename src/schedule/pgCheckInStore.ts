import type pg from 'pg';
import { num } from '../storage/pgDatabase';
import type { CheckIn, CheckInSchedule, NewCheckIn } from './checkInStore';

interface Row {
  id: string; user_key: string; reference: string; locale: string; due_at: string; expires_at: string; attempts: number;
}

const COLUMNS = 'id, user_key, reference, locale, due_at, expires_at, attempts';

const toCheckIn = (r: Row): CheckIn => ({
  id: r.id, userKey: r.user_key, reference: JSON.parse(r.reference) as Record<string, unknown>, locale: r.locale,
  dueAt: num(r.due_at), expiresAt: num(r.expires_at), attempts: r.attempts,
});

/**
 * Check-ins in PostgreSQL, shared by every instance. A claim is one statement: the due rows are
 * locked with FOR UPDATE SKIP LOCKED (another instance claiming at the same moment skips them
 * rather than waiting or taking them too) and marked claimed with this worker's lease. A worker
 * that dies holding a claim loses it when the lease runs out; only the claim's holder can mark
 * it sent, so a send is recorded once.
 */
export class PgCheckInStore implements CheckInSchedule {
  constructor(private readonly pool: pg.Pool) {}

  async add(items: readonly NewCheckIn[]): Promise<void> {
    if (items.length === 0) return;
    await this.pool.query(`INSERT INTO checkins (id, user_key, reference, locale, due_at, expires_at, next_at)
      SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $5::bigint[])`, [
      items.map((c) => c.id), items.map((c) => c.userKey), items.map((c) => JSON.stringify(c.reference)), items.map((c) => c.locale),
      items.map((c) => c.dueAt), items.map((c) => c.expiresAt),
    ]);
  }

  async claimDue(now: number, worker: string, leaseUntil: number, limit: number): Promise<CheckIn[]> {
    const { rows } = await this.pool.query<Row>(`UPDATE checkins c SET status = 'claimed', claimed_by = $1, lease_until = $2, attempts = c.attempts + 1
      FROM (SELECT id FROM checkins
        WHERE ((status = 'pending' AND next_at <= $3) OR (status = 'claimed' AND lease_until <= $3)) AND expires_at > $3
        ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
      WHERE c.id = due.id
      RETURNING c.id, c.user_key, c.reference, c.locale, c.due_at, c.expires_at, c.attempts`, [worker, leaseUntil, now, limit]);
    return rows.map(toCheckIn).sort((a, b) => a.dueAt - b.dueAt);
  }

  async markSent(id: string, worker: string, now: number): Promise<boolean> {
    const result = await this.pool.query(`UPDATE checkins SET status = 'sent', finished_at = $1, lease_until = NULL
      WHERE id = $2 AND status = 'claimed' AND claimed_by = $3`, [now, id, worker]);
    return result.rowCount === 1;
  }

  async retryAt(id: string, worker: string, retryAt: number): Promise<void> {
    await this.pool.query(`UPDATE checkins SET status = 'pending', next_at = $1, claimed_by = NULL, lease_until = NULL
      WHERE id = $2 AND status = 'claimed' AND claimed_by = $3`, [retryAt, id, worker]);
  }

  async dropExpired(now: number): Promise<number> {
    return (await this.pool.query(`UPDATE checkins SET status = 'dropped', finished_at = $1
      WHERE expires_at <= $1 AND (status = 'pending' OR (status = 'claimed' AND lease_until <= $1))`, [now])).rowCount ?? 0;
  }

  async cancelForUser(userKey: string, now: number): Promise<number> {
    return (await this.pool.query(`UPDATE checkins SET status = 'cancelled', finished_at = $1
      WHERE user_key = $2 AND status IN ('pending', 'claimed')`, [now, userKey])).rowCount ?? 0;
  }

  async deleteForUser(userKey: string): Promise<number> {
    return (await this.pool.query('DELETE FROM checkins WHERE user_key = $1', [userKey])).rowCount ?? 0;
  }

  async purgeFinishedBefore(cutoff: number): Promise<number> {
    return (await this.pool.query(`DELETE FROM checkins WHERE status IN ('sent', 'dropped', 'cancelled') AND finished_at < $1`, [cutoff])).rowCount ?? 0;
  }

  async pendingFor(userKey: string): Promise<CheckIn[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM checkins
      WHERE user_key = $1 AND status IN ('pending', 'claimed') ORDER BY due_at`, [userKey]);
    return rows.map(toCheckIn);
  }

  /** Row counts by status (diagnostics and tests). */
  async counts(): Promise<Record<string, number>> {
    const { rows } = await this.pool.query<{ status: string; n: string }>('SELECT status, COUNT(*) AS n FROM checkins GROUP BY status');
    return Object.fromEntries(rows.map((r) => [r.status, num(r.n)]));
  }
}
