/**
 * `npm run audit:export`: writes every audited disposition as CSV to stdout, from the
 * database in DATA_DIR (default ./data). Holds no patient text: times, pseudonymous ids,
 * channel, locale, level, reason codes and versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AuditLog, auditCsv } from '../src/audit/auditLog';
import { resolveDataDir } from '../src/config';

const file = path.join(resolveDataDir(), 'afterscan.db');
if (!fs.existsSync(file)) {
  process.stderr.write(`audit:export: no database at ${file} (set DATA_DIR)\n`);
  process.exit(1);
}
const log = new AuditLog(file);
for (const line of auditCsv(log.records())) process.stdout.write(line);
log.close();
