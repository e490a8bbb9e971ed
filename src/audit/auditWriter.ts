import type { Logger } from '../logger';
import type { AuditRecord } from './auditLog';

/** The most records kept in memory while the audit cannot be written (about 5 MB). */
export const MAX_BACKLOG = 10_000;

/**
 * Writes audit records in order, keeping the ones that cannot be written yet (a full disk, a
 * locked file) and trying them again before the next record and on `flush()` (a timer, and at
 * shutdown). Each failure is logged at fatal level (event audit_write_failed) so an operator's
 * alerting sees it; records are lost only past MAX_BACKLOG, and that is logged too.
 */
export class AuditWriter {
  private backlog: AuditRecord[] = [];
  private failing = false;

  constructor(private readonly append: (record: AuditRecord) => void, private readonly logger: Logger, private readonly max = MAX_BACKLOG) {}

  write(record: AuditRecord): void {
    this.backlog.push(record);
    this.flush();
  }

  /** Writes what is waiting; true when nothing is left. */
  flush(): boolean {
    while (this.backlog.length > 0) {
      try {
        this.append(this.backlog[0]!);
      } catch (error) {
        this.failing = writeFailed(this.backlog, this.max, error, this.logger);
        return false;
      }
      this.backlog.shift();
    }
    this.failing = backlogWritten(this.failing, this.logger);
    return true;
  }

  get waiting(): number {
    return this.backlog.length;
  }
}

/**
 * A write failed: the oldest records past `max` are dropped (and counted), and the failure is
 * logged at fatal level so an operator's alerting sees it. Returns the new "failing" flag (true).
 * Shared by AuditWriter (SQLite) and AsyncAuditWriter (PostgreSQL).
 */
export function writeFailed(backlog: AuditRecord[], max: number, error: unknown, logger: Logger): true {
  const lost = Math.max(0, backlog.length - max);
  if (lost > 0) backlog.splice(0, lost);
  logger.fatal({ event: 'audit_write_failed', err: (error as { code?: string }).code ?? (error as Error).name, waiting: backlog.length, lost },
    'the audit cannot be written; records wait in memory and are retried');
  return true;
}

/** Everything waiting was written: after a failure, say so once. Returns the new "failing" flag (false). */
export function backlogWritten(failing: boolean, logger: Logger): false {
  if (failing) logger.warn({ event: 'audit_backlog_written' }, 'the audit records that waited have been written');
  return false;
}
