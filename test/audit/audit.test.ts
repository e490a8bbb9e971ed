import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../src/audit/auditLog';
import { pseudonym } from '../../src/audit/pseudonym';
import { CONTENT_VERSION } from '../../src/content/version';
import { RULES_VERSION } from '../../src/triage';
import { dispositions, Patient, startApp } from '../helpers/app';
import { answerById, CALM } from '../helpers/questions';

describe('audit of every disposition', () => {
  it('S4 S5 H08: appends one pseudonymous record per piece of advice, with no patient text', async () => {
    const running = await startApp({ AUDIT_KEY: 'a-test-key-of-enough-length' });
    const p = new Patient(running.url, 'audit-conv', 'test', 'en-GB', 'audit-user');
    const { replies, at } = await answerById(p, await p.say('hi'), { ...CALM, legTrend: 'about the same' }, 'teachBack');
    expect(at).toBe('teachBack');
    expect(dispositions(replies).map((d) => d.level)).toEqual(['soon']);
    await p.say('coughing up blood secret-marker-42');
    const records = [...running.app.audit.records()];
    expect(records).toHaveLength(2);
    const key = Buffer.from('a-test-key-of-enough-length');
    expect(records[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), conversation: pseudonym(key, 'audit-conv'), user: pseudonym(key, 'audit-user'),
      channel: 'test', locale: 'en', level: 'soon', reasons: ['S_LEG_SAME'], rulesVersion: RULES_VERSION, contentVersion: CONTENT_VERSION,
    });
    expect(records[1]).toMatchObject({ level: 'emergency', reasons: ['RF_COUGHING_BLOOD'] });
    expect(JSON.stringify(records)).not.toMatch(/audit-conv|audit-user|secret-marker/);
    await running.stop(true);

    const csv = execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/scripts/auditExport.js')], { env: { ...process.env, DATA_DIR: running.dataDir }, encoding: 'utf8' });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('at,conversation,user,channel,locale,level,reasons,rulesVersion,contentVersion');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"soon","S_LEG_SAME"');
    fs.rmSync(running.dataDir, { recursive: true, force: true });
  });

  it('generates a key once per DATA_DIR when none is configured, so pseudonyms stay stable', async () => {
    const first = await startApp();
    await new Patient(first.url, 'stable', 'test', 'en', 'stable-user').say('i cant breathe');
    const a = [...first.app.audit.records()][0]!.user;
    await first.stop(true);
    expect(fs.statSync(path.join(first.dataDir, 'audit.key')).mode & 0o077).toBe(0);
    const second = await startApp({}, undefined, first.dataDir);
    await new Patient(second.url, 'stable-2', 'test', 'en', 'stable-user').say('i cant breathe');
    const records = [...second.app.audit.records()];
    expect(records[1]!.user).toBe(a);
    await second.stop();
  });

  it('CSV quotes every cell and neutralises spreadsheet formulas', () => {
    const rows = [...auditCsv([{ at: '2026-01-01T00:00:00.000Z', conversation: '=cmd', user: 'u"1', channel: 'sms', locale: 'es', level: 'urgent', reasons: ['A', 'B'], rulesVersion: 'r', contentVersion: 'c' }])];
    expect(rows[1]).toBe('"2026-01-01T00:00:00.000Z","\'=cmd","u""1","sms","es","urgent","A B","r","c"\r\n');
  });
});
