import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults with no environment at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, env: 'development', logLevel: 'info', region: 'uk', emergencyNumber: '999', urgentNumber: '111', maxBodyBytes: 262144, scanType: 'unknown' });
    expect(config.careTeamContact).toBeUndefined();
    expect(config.pregnancyContact).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.bot.appId).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('H14: derives the numbers from the region and lets the deployment override them', () => {
    expect(loadConfig({ REGION: 'US' })).toMatchObject({ emergencyNumber: '911', urgentNumber: null });
    // Northern Ireland has no NHS 111: the urgent advice points to the GP or urgent care instead.
    expect(loadConfig({ REGION: 'uk-ni' })).toMatchObject({ region: 'uk-ni', emergencyNumber: '999', urgentNumber: null });
    expect(loadConfig({ REGION: 'UK-NI' }).region).toBe('uk-ni');
    expect(loadConfig({ REGION: 'es' })).toMatchObject({ emergencyNumber: '112' });
    expect(loadConfig({ REGION: 'pt' })).toMatchObject({ emergencyNumber: '112', urgentNumber: null });
    expect(loadConfig({ REGION: 'br' })).toMatchObject({ emergencyNumber: '192', urgentNumber: null });
    expect(loadConfig({ REGION: 'cn' })).toMatchObject({ emergencyNumber: '120', urgentNumber: null });
    expect(loadConfig({ REGION: 'au', URGENT_NUMBER: '13 12 34' })).toMatchObject({ emergencyNumber: '000', urgentNumber: '13 12 34' });
    expect(loadConfig({ REPEAT_SCAN_DAYS: '6-8', CARE_TEAM_CONTACT: 'the DVT clinic on 020 0000 0000' })).toMatchObject({
      repeatScanDays: { min: 6, max: 8 }, careTeamContact: 'the DVT clinic on 020 0000 0000' });
    expect(loadConfig({ REPEAT_SCAN_DAYS: '7' }).repeatScanDays).toEqual({ min: 7, max: 7 });
  });

  it('SCAN_TYPE and PREGNANCY_CONTACT are read as given', () => {
    for (const scanType of ['proximal', 'whole-leg', 'unknown'] as const) expect(loadConfig({ SCAN_TYPE: scanType }).scanType).toBe(scanType);
    expect(loadConfig({ SCAN_TYPE: ' ' }).scanType).toBe('unknown');
    expect(loadConfig({ PREGNANCY_CONTACT: 'the maternity triage line on 020 0000 0001' }).pregnancyContact).toBe('the maternity triage line on 020 0000 0001');
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
    [{ SCAN_TYPE: 'calf-only' }, /^SCAN_TYPE:/],
  ])('rejects %o with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(pattern);
  });

  it('H16: refuses production without Bot Framework credentials', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', CARE_TEAM_CONTACT: 'the DVT clinic' })).toThrowError(/MicrosoftAppId is required/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', CARE_TEAM_CONTACT: 'the DVT clinic' }).env).toBe('production');
  });

  it('refuses production without CARE_TEAM_CONTACT: the advice must say how to reach the care team', () => {
    for (const contact of [undefined, '', '   ']) {
      const env = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', ...(contact === undefined ? {} : { CARE_TEAM_CONTACT: contact }) };
      expect(() => loadConfig(env)).toThrowError(ConfigError);
      expect(() => loadConfig(env)).toThrowError(/CARE_TEAM_CONTACT is required/);
    }
    // Outside production the default wording ("your care team") is used.
    expect(loadConfig({ NODE_ENV: 'development' }).careTeamContact).toBeUndefined();
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

  it('issue 16: the network settings have defaults and reject nonsense with the variable named', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', outboundTimeoutMs: 10_000, allowedServiceUrls: [], botOpenIdMetadata: undefined });
    expect(config.webChat.local).toMatchObject({ maxConversationBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, readsPerMinute: 240, protectMinutes: 10 });
    expect(loadConfig({ BotOpenIdMetadata: 'https://login.botframework.us/v1/.well-known/openidconfiguration' }).botOpenIdMetadata).toMatch(/^https:/);
    for (const [env, name] of [
      [{ OUTBOUND_TIMEOUT_MS: 'soon' }, 'OUTBOUND_TIMEOUT_MS'], [{ OUTBOUND_TIMEOUT_MS: '10' }, 'OUTBOUND_TIMEOUT_MS'],
      [{ BotOpenIdMetadata: 'http://example.com/openid' }, 'BotOpenIdMetadata'], [{ ALLOWED_SERVICE_URLS: '*' }, 'ALLOWED_SERVICE_URLS'],
      [{ LOCAL_DIRECTLINE_MAX_CONVERSATION_KB: '1' }, 'LOCAL_DIRECTLINE_MAX_CONVERSATION_KB'], [{ LOCAL_DIRECTLINE_MAX_TOTAL_MB: '0' }, 'LOCAL_DIRECTLINE_MAX_TOTAL_MB'],
      [{ LOCAL_DIRECTLINE_READS_PER_MINUTE: '-1' }, 'LOCAL_DIRECTLINE_READS_PER_MINUTE'], [{ LOCAL_DIRECTLINE_PROTECT_MINUTES: 'x' }, 'LOCAL_DIRECTLINE_PROTECT_MINUTES'],
    ] as const) {
      expect(() => loadConfig(env), name).toThrowError(new RegExp(`^${name}:`));
    }
  });
});
