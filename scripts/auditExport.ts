/**
 * `npm run audit:export`: writes every audited disposition as CSV to stdout, from PostgreSQL
 * when DATABASE_URL is set, else from the database in DATA_DIR (default ./data). Holds no
 * patient text: times, pseudonymous ids, channel, locale, level, reason codes and versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { AuditLog, auditCsv, type AuditRecord } from '../src/audit/auditLog';
import { PgAuditLog } from '../src/audit/pgAuditLog';
import { resolveDataDir } from '../src/config';
import { createPool } from '../src/storage/pgDatabase';

async function fromPostgres(url: string): Promise<void> {
  const pool = createPool({ url, max: 2 }, pino({ level: 'silent' }));
  try {
    const records: AuditRecord[] = [];
    for await (const r of new PgAuditLog(pool).records()) records.push(r);
    for (const line of auditCsv(records)) process.stdout.write(line);
  } finally {
    await pool.end();
  }
}

function fromSqlite(): void {
  const file = path.join(resolveDataDir(), 'afterscan.db');
  if (!fs.existsSync(file)) {
    process.stderr.write(`audit:export: no database at ${file} (set DATA_DIR, or DATABASE_URL)\n`);
    process.exit(1);
  }
  const log = new AuditLog(file);
  for (const line of auditCsv(log.records())) process.stdout.write(line);
  log.close();
}

const url = process.env.DATABASE_URL?.trim();
if (url) {
  fromPostgres(url).catch((error: unknown) => {
    process.stderr.write(`audit:export: cannot read the audit from DATABASE_URL (${(error as { code?: string }).code ?? (error as Error).message})\n`);
    process.exit(1);
  });
} else {
  fromSqlite();
}
