import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/audit/auditLog';
import { AuditWriter } from '../../src/audit/auditWriter';
import { createLogger } from '../../src/logger';

const record = (n: number): AuditRecord => ({ at: String(n), conversation: 'c', user: 'u', channel: 'test', locale: 'en', level: 'soon', reasons: [], rulesVersion: 'r', contentVersion: 'c' });

describe('the audit writer (issue 16 item 7)', () => {
  it('H30: keeps records that cannot be written, in order, writes them when it can, and logs each failure at fatal level', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } }));
    const written: string[] = [];
    let full = true;
    const writer = new AuditWriter((r) => { if (full) throw Object.assign(new Error('disk'), { code: 'SQLITE_FULL' }); written.push(r.at); }, logger, 3);
    for (let n = 1; n <= 5; n += 1) writer.write(record(n));
    // Past the cap the oldest are dropped, and that is said.
    expect(writer.waiting).toBe(3);
    expect(lines.filter((l) => /"level":60/.test(l) && /"event":"audit_write_failed"/.test(l) && /"err":"SQLITE_FULL"/.test(l))).toHaveLength(5);
    expect(lines.some((l) => /"lost":1/.test(l))).toBe(true);
    full = false;
    expect(writer.flush()).toBe(true);
    expect(written).toEqual(['3', '4', '5']);
    expect(writer.waiting).toBe(0);
    expect(lines.some((l) => /"event":"audit_backlog_written"/.test(l))).toBe(true);
  });
});
