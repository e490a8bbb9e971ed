import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../startupError';

/**
 * Opens (creating its folder) the SQLite file that state, check-ins and the audit share: WAL so
 * readers never block the writer, a busy timeout so another connection's write waits instead of
 * failing, and secure_delete so what is deleted (forget me, retention) is overwritten with zeros
 * rather than left readable in free pages. A folder that cannot be created or written is a
 * StartupError naming it.
 */
export function openDatabase(file: string): Database.Database {
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new StartupError(`cannot open the database in DATA_DIR ${path.dirname(file)} (${code}); the folder must exist or be creatable, and be writable`);
  }
}

/**
 * Copies the WAL into the database file and truncates the WAL to zero bytes, so pages that held
 * deleted rows do not stay readable there. Returns false when another connection's read kept it
 * from completing (the next erase, or closing, tries again).
 */
export function checkpointTruncate(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
}
