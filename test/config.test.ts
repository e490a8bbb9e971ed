import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { careTeamContactFor, ConfigError, loadConfig } from '../src/config';

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
    expect(() => loadConfig({ NODE_ENV: 'production', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length' })).toThrowError(/MicrosoftAppId is required/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length' }).env).toBe('production');
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

describe('issue 19: the care-team contact per language', () => {
  const PROD = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', AUDIT_KEY: 'a-test-key-of-enough-length' };
  const file = (content: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-contacts-'));
    fs.writeFileSync(path.join(dir, 'contacts.json'), content);
    return path.join(dir, 'contacts.json');
  };

  it('CARE_TEAM_CONTACT_<LNG> sets one language; the language id is written in capitals with "_" for "-"', () => {
    const config = loadConfig({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000', CARE_TEAM_CONTACT_DE: 'die Gefäßambulanz, Tel. 020 7946 0000', CARE_TEAM_CONTACT_ZH_HANS: '血管门诊，电话 020 7946 0000' });
    expect(config.careTeamContacts).toEqual({ de: 'die Gefäßambulanz, Tel. 020 7946 0000', 'zh-Hans': '血管门诊，电话 020 7946 0000' });
    expect(careTeamContactFor(config, 'de')).toBe('die Gefäßambulanz, Tel. 020 7946 0000');
    expect(careTeamContactFor(config, 'zh-Hans')).toBe('血管门诊，电话 020 7946 0000');
    expect(careTeamContactFor(config, 'en')).toBe('the DVT clinic on 020 7946 0000');
  });

  it('the single English value is never put into another language: they use their own translated default', () => {
    const config = loadConfig({ CARE_TEAM_CONTACT: 'the DVT clinic on 020 7946 0000', CARE_TEAM_CONTACT_DE: 'die Gefäßambulanz' });
    for (const lng of ['ar', 'pl', 'zh-Hans', 'es']) expect(careTeamContactFor(config, lng), lng).toBeUndefined();
  });

  it('a language-neutral single value (a phone number alone) serves every language without its own', () => {
    const config = loadConfig({ CARE_TEAM_CONTACT: '+44 20 7946 0000', CARE_TEAM_CONTACT_DE: 'die Gefäßambulanz, Tel. 020 7946 0000' });
    for (const lng of ['en', 'ar', 'pl', 'zh-Hans', 'ur']) expect(careTeamContactFor(config, lng), lng).toBe('+44 20 7946 0000');
    expect(careTeamContactFor(config, 'de')).toBe('die Gefäßambulanz, Tel. 020 7946 0000');
  });

  it('CARE_TEAM_CONTACT_FILE holds a JSON object, language id → text', () => {
    const config = loadConfig({ CARE_TEAM_CONTACT_FILE: file(JSON.stringify({ en: 'the DVT clinic', pl: 'poradnią naczyniową, tel. 020 7946 0000', 'zh-hans': '血管门诊' })) });
    expect(config.careTeamContacts).toEqual({ en: 'the DVT clinic', pl: 'poradnią naczyniową, tel. 020 7946 0000', 'zh-Hans': '血管门诊' });
    expect(careTeamContactFor(config, 'en')).toBe('the DVT clinic');
  });

  it.each([
    [{ CARE_TEAM_CONTACT_XX: 'x' }, /^CARE_TEAM_CONTACT_XX: no such language/],
    [{ CARE_TEAM_CONTACT_DE: 'x'.repeat(301) }, /^CARE_TEAM_CONTACT_DE: longer than 300/],
    [{ CARE_TEAM_CONTACT_FILE: '/nonexistent/contacts.json' }, /^CARE_TEAM_CONTACT_FILE: cannot read/],
    [{ CARE_TEAM_CONTACT_FILE: file('{ "de": ') }, /^CARE_TEAM_CONTACT_FILE: cannot read/],
    [{ CARE_TEAM_CONTACT_FILE: file('["de"]') }, /^CARE_TEAM_CONTACT_FILE: must hold one JSON object/],
    [{ CARE_TEAM_CONTACT_FILE: file('{ "de": 3 }') }, /^CARE_TEAM_CONTACT_FILE de: /],
    [{ CARE_TEAM_CONTACT_FILE: file('{ "de": "" }') }, /^CARE_TEAM_CONTACT_FILE de: empty/],
    [{ CARE_TEAM_CONTACT_FILE: file('{ "klingon": "x" }') }, /^CARE_TEAM_CONTACT_FILE klingon: no such language/],
    [{ CARE_TEAM_CONTACT_DE: 'a', CARE_TEAM_CONTACT_FILE: file('{ "de": "b" }') }, /given twice/],
  ])('fails fast with a reason naming the setting: %o', (env, reason) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(reason);
  });

  it('production needs an English contact, from any of the three places; another language alone does not do', () => {
    expect(() => loadConfig({ ...PROD, CARE_TEAM_CONTACT_DE: 'die Gefäßambulanz' })).toThrowError(/CARE_TEAM_CONTACT is required/);
    expect(careTeamContactFor(loadConfig({ ...PROD, CARE_TEAM_CONTACT_EN: 'the DVT clinic' }), 'en')).toBe('the DVT clinic');
    expect(careTeamContactFor(loadConfig({ ...PROD, CARE_TEAM_CONTACT_FILE: file('{ "en": "the DVT clinic" }') }), 'en')).toBe('the DVT clinic');
  });
});
