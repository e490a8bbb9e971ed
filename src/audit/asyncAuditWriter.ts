import type { Logger } from '../logger';
import type { AuditRecord } from './auditLog';
import { backlogWritten, MAX_BACKLOG, writeFailed } from './auditWriter';

/**
 * AuditWriter for an audit that answers later (PostgreSQL): records are written one at a time,
 * in order, by one drain; what cannot be written waits in memory (up to MAX_BACKLOG) and is
 * tried again before the next record and on flush(). Each failure is logged at fatal level
 * (event audit_write_failed), as with the SQLite audit. write() never throws or waits.
 */
export class AsyncAuditWriter {
  private backlog: AuditRecord[] = [];
  private failing = false;
  private draining: Promise<boolean> | undefined;

  constructor(private readonly append: (record: AuditRecord) => Promise<void>, private readonly logger: Logger, private readonly max = MAX_BACKLOG) {}

  write(record: AuditRecord): void {
    this.backlog.push(record);
    if (!this.draining) void this.flush();
  }

  /** Writes what is waiting; true when nothing is left. */
  flush(): Promise<boolean> {
    this.draining ??= this.drain().finally(() => { this.draining = undefined; });
    return this.draining;
  }

  get waiting(): number {
    return this.backlog.length;
  }

  private async drain(): Promise<boolean> {
    while (this.backlog.length > 0) {
      try {
        await this.append(this.backlog[0]!);
      } catch (error) {
        this.failing = writeFailed(this.backlog, this.max, error, this.logger);
        return false;
      }
      this.backlog.shift();
    }
    this.failing = backlogWritten(this.failing, this.logger);
    return true;
  }
}
