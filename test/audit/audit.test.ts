import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../src/audit/auditLog';
import { loadAuditKey, pseudonym } from '../../src/audit/pseudonym';
import { loadConfig } from '../../src/config';
import { StartupError } from '../../src/startupError';
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

  it('CSV quotes every cell, keeps computed ids exact and neutralises formulas in free-text cells', () => {
    const rows = [...auditCsv([{ at: '2026-01-01T00:00:00.000Z', conversation: '-AbC_1', user: 'u"1', channel: ' =HYPERLINK("x")', locale: '+es', level: 'urgent', reasons: ['A', 'B'], rulesVersion: 'r', contentVersion: 'c' }])];
    // A pseudonym may start with "-" (base64url): it is exported exactly, or ids no longer match.
    // A channel id comes from the request: a formula behind leading spaces is still neutralised.
    expect(rows[1]).toBe('"2026-01-01T00:00:00.000Z","-AbC_1","u""1","\' =HYPERLINK(""x"")","\'+es","urgent","A B","r","c"\r\n');
  });

  it('issue 16 item 9: a pseudonym that starts with "-" survives the export unchanged', () => {
    const key = Buffer.from('a-test-key-of-enough-length');
    let id = 0;
    while (!pseudonym(key, `user-${id}`).startsWith('-')) id += 1;
    const name = pseudonym(key, `user-${id}`);
    const [, row] = [...auditCsv([{ at: 'x', conversation: name, user: name, channel: 'sms', locale: 'en', level: 'soon', reasons: [], rulesVersion: 'r', contentVersion: 'c' }])];
    expect(row!.split(',')[1]).toBe(`"${name}"`);
  });
});

describe('the audit key', () => {
  const dir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-key-'));

  it('H31 issue 16 item 8: an empty or short audit.key in DATA_DIR is refused, never used silently', () => {
    for (const content of ['', '\n', Buffer.from('short').toString('base64')]) {
      const dataDir = dir();
      fs.writeFileSync(path.join(dataDir, 'audit.key'), content);
      expect(() => loadAuditKey({ dataDir })).toThrowError(StartupError);
      expect(() => loadAuditKey({ dataDir })).toThrowError(/shorter than 16 bytes/);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('issue 16 item 1: AUDIT_KEY_FILE is read (and refused when short or unreadable)', () => {
    const folder = dir();
    const file = path.join(folder, 'key');
    fs.writeFileSync(file, 'a-key-from-a-file-of-enough-length\n');
    expect(loadAuditKey({ file, dataDir: path.join(folder, 'data') }).toString()).toBe('a-key-from-a-file-of-enough-length');
    expect(fs.existsSync(path.join(folder, 'data', 'audit.key'))).toBe(false);
    fs.writeFileSync(file, 'tiny');
    expect(() => loadAuditKey({ file, dataDir: folder })).toThrowError(/shorter than 16 bytes/);
    expect(() => loadAuditKey({ file: path.join(folder, 'missing'), dataDir: folder })).toThrowError(/cannot be read \(ENOENT\)/);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('H31 issue 16 item 1: production needs AUDIT_KEY or an AUDIT_KEY_FILE outside DATA_DIR', () => {
    const prod = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', CARE_TEAM_CONTACT: 'the DVT clinic', DATA_DIR: '/srv/afterscan/data' };
    expect(() => loadConfig(prod)).toThrowError(/AUDIT_KEY or AUDIT_KEY_FILE is required/);
    expect(() => loadConfig({ ...prod, AUDIT_KEY_FILE: '/srv/afterscan/data/keys/audit.key' })).toThrowError(/must be outside DATA_DIR/);
    expect(loadConfig({ ...prod, AUDIT_KEY_FILE: '/run/secrets/audit.key' }).auditKeyFile).toBe('/run/secrets/audit.key');
    expect(loadConfig({ ...prod, AUDIT_KEY: 'a-key-of-enough-length' }).auditKey).toBe('a-key-of-enough-length');
  });

  it('issue 16 item 8: the server refuses to start on a short key with one line and no stack', () => {
    const dataDir = dir();
    fs.writeFileSync(path.join(dataDir, 'audit.key'), '');
    const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../dist/src/index.js')],
      { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^afterscan: cannot start: .*audit\.key: the audit key is shorter than 16 bytes/)]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
