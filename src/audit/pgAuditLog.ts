import type pg from 'pg';
import type { AuditRecord } from './auditLog';

interface Row {
  at: string; conversation: string; user: string; channel: string; locale: string; level: string; reasons: string; rules_version: string; content_version: string;
}

/**
 * The append-only audit in PostgreSQL, one table shared by every instance, the same columns as
 * the SQLite audit. Nothing here can update or delete a record except the retention purge.
 */
export class PgAuditLog {
  constructor(private readonly pool: pg.Pool) {}

  async append(r: AuditRecord): Promise<void> {
    await this.pool.query(`INSERT INTO audit (at, conversation, "user", channel, locale, level, reasons, rules_version, content_version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [r.at, r.conversation, r.user, r.channel, r.locale, r.level, r.reasons.join(' '), r.rulesVersion, r.contentVersion]);
  }

  /** Every record, oldest first, read a page at a time. */
  async *records(pageSize = 1000): AsyncGenerator<AuditRecord> {
    let after = 0;
    for (;;) {
      const { rows } = await this.pool.query<Row & { seq: string }>('SELECT * FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
      for (const row of rows) {
        yield {
          at: row.at, conversation: row.conversation, user: row.user, channel: row.channel, locale: row.locale, level: row.level,
          reasons: row.reasons === '' ? [] : row.reasons.split(' '), rulesVersion: row.rules_version, contentVersion: row.content_version,
        };
      }
      if (rows.length < pageSize) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  /** Removes records older than the cut-off (ISO time); returns how many. */
  async purgeBefore(cutoffIso: string): Promise<number> {
    return (await this.pool.query('DELETE FROM audit WHERE at < $1', [cutoffIso])).rowCount ?? 0;
  }
}
