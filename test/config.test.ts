import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, env: 'development', logLevel: 'info', region: 'uk', emergencyNumber: '999', urgentNumber: '111', maxBodyBytes: 262144 });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.bot.appId).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('H14: derives the numbers from the region and lets the deployment override them', () => {
    expect(loadConfig({ REGION: 'US' })).toMatchObject({ emergencyNumber: '911', urgentNumber: null });
    expect(loadConfig({ REGION: 'es' })).toMatchObject({ emergencyNumber: '112' });
    expect(loadConfig({ REGION: 'pt' })).toMatchObject({ emergencyNumber: '112', urgentNumber: null });
    expect(loadConfig({ REGION: 'br' })).toMatchObject({ emergencyNumber: '192', urgentNumber: null });
    expect(loadConfig({ REGION: 'cn' })).toMatchObject({ emergencyNumber: '120', urgentNumber: null });
    expect(loadConfig({ REGION: 'au', URGENT_NUMBER: '13 12 34' })).toMatchObject({ emergencyNumber: '000', urgentNumber: '13 12 34' });
    expect(loadConfig({ REPEAT_SCAN_DAYS: '6-8', CARE_TEAM_CONTACT: 'the DVT clinic on 020 0000 0000' })).toMatchObject({
      repeatScanDays: { min: 6, max: 8 }, careTeamContact: 'the DVT clinic on 020 0000 0000' });
    expect(loadConfig({ REPEAT_SCAN_DAYS: '7' }).repeatScanDays).toEqual({ min: 7, max: 7 });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT:/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV:/],
    [{ REGION: 'atlantis' }, /^REGION:/],
    [{ EMERGENCY_NUMBER: 'call me' }, /^EMERGENCY_NUMBER:/],
    [{ REPEAT_SCAN_DAYS: '8-6' }, /REPEAT_SCAN_DAYS/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL:/],
    [{ MicrosoftAppType: 'Other' }, /^MicrosoftAppType:/],
    [{ MicrosoftAppId: 'id', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
  ])('rejects %o with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(pattern);
  });

  it('H16: refuses production without Bot Framework credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrowError(/MicrosoftAppId is required/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).env).toBe('production');
  });

  it('the built server exits non-zero with a one-line reason in production without credentials', () => {
    // npm test builds dist/ first (tsc -b), so this runs the same entry point as npm start.
    const entry = path.resolve(__dirname, '../dist/src/index.js');
    const run = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, NODE_ENV: 'production' }, encoding: 'utf8', timeout: 20000 });
    if (run.error) throw run.error;
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/MicrosoftAppId is required/);
  });
});
