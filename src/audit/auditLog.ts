import type Database from 'better-sqlite3';
import { openDatabase } from '../storage/openDatabase';

/** One piece of triage advice given: what, when, where, never who by name and never the patient's words (S5). */
export interface AuditRecord {
  /** ISO time the advice was sent. */
  at: string;
  /** Keyed HMAC of the conversation id: stable, not reversible without the key. */
  conversation: string;
  /** Keyed HMAC of the channel's user id. */
  user: string;
  channel: string;
  locale: string;
  level: string;
  reasons: string[];
  rulesVersion: string;
  contentVersion: string;
}

interface Row {
  at: string; conversation: string; user: string; channel: string; locale: string; level: string; reasons: string; rules_version: string; content_version: string;
}

/**
 * Append-only audit of every disposition, in its own table of the state database. Nothing
 * here can update or delete a record except the retention purge.
 */
export class AuditLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string, string, string, string, string, string, string]>;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`CREATE TABLE IF NOT EXISTS audit (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, conversation TEXT NOT NULL, user TEXT NOT NULL,
      channel TEXT NOT NULL, locale TEXT NOT NULL, level TEXT NOT NULL, reasons TEXT NOT NULL,
      rules_version TEXT NOT NULL, content_version TEXT NOT NULL)`);
    this.insert = this.db.prepare(`INSERT INTO audit (at, conversation, user, channel, locale, level, reasons, rules_version, content_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  append(r: AuditRecord): void {
    this.insert.run(r.at, r.conversation, r.user, r.channel, r.locale, r.level, r.reasons.join(' '), r.rulesVersion, r.contentVersion);
  }

  /** Every record, oldest first. */
  *records(): Generator<AuditRecord> {
    for (const row of this.db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as Iterable<Row>) {
      yield {
        at: row.at, conversation: row.conversation, user: row.user, channel: row.channel, locale: row.locale, level: row.level,
        reasons: row.reasons === '' ? [] : row.reasons.split(' '), rulesVersion: row.rules_version, contentVersion: row.content_version,
      };
    }
  }

  /** Removes records older than the cut-off (ISO time); returns how many. */
  purgeBefore(cutoffIso: string): number {
    return this.db.prepare('DELETE FROM audit WHERE at < ?').run(cutoffIso).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

const CSV_COLUMNS = ['at', 'conversation', 'user', 'channel', 'locale', 'level', 'reasons', 'rulesVersion', 'contentVersion'] as const;

/** Columns whose text came from a request (a channel names itself): the only ones a spreadsheet formula could ride in. */
const FREE_TEXT = new Set<string>(['channel', 'locale']);

/**
 * One quoted RFC 4180 cell. Ids and codes the bot computed (pseudonyms, levels, reasons,
 * versions, times) are written exactly, whatever their first character. A free-text cell that a
 * spreadsheet would read as a formula, after any leading spaces or control characters, gets a
 * leading apostrophe.
 */
function csvCell(column: string, value: string): string {
  const safe = FREE_TEXT.has(column) && /^[\s\u0000-\u001f]*[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV of audit records, header first. */
export function* auditCsv(records: Iterable<AuditRecord>): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for (const r of records) {
    yield `${CSV_COLUMNS.map((c) => csvCell(c, c === 'reasons' ? r.reasons.join(' ') : r[c])).join(',')}\r\n`;
  }
}
