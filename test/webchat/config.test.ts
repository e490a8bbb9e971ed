import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const PROD = { NODE_ENV: 'production', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', CARE_TEAM_CONTACT: 'the DVT clinic', AUDIT_KEY: 'a-test-key-of-enough-length' };

describe('web chat configuration', () => {
  it('H16: local Direct Line is on by default outside production, off in production unless asked for', () => {
    expect(loadConfig({}).webChat).toEqual({
      localDirectLine: true,
      local: { idleMinutes: 60, maxConversations: 1000, maxActivities: 500, maxConversationBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, readsPerMinute: 240, protectMinutes: 10 },
      directLineSecret: undefined,
      directLineEndpoint: 'https://directline.botframework.com/v3/directline',
      frameAncestors: "'self'",
    });
    expect(loadConfig({ NODE_ENV: 'test' }).webChat.localDirectLine).toBe(true);
    expect(loadConfig(PROD).webChat.localDirectLine).toBe(false);
    expect(loadConfig({ ...PROD, LOCAL_DIRECTLINE: 'on' }).webChat.localDirectLine).toBe(true);
    expect(loadConfig({ LOCAL_DIRECTLINE: 'off' }).webChat.localDirectLine).toBe(false);
    expect(loadConfig({ LOCAL_DIRECTLINE: 'FALSE' }).webChat.localDirectLine).toBe(false);
    expect(Object.isFrozen(loadConfig({}).webChat)).toBe(true);
  });

  it('reads the Azure Direct Line settings and the frame policy', () => {
    const c = loadConfig({
      DIRECT_LINE_SECRET: ' abcdefghijklmnopqrstuvwxyz ', DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com/v3/directline/',
      FRAME_ANCESTORS: "'self'   https://clinic.example.org https://*.nhs.example",
    }).webChat;
    expect(c.directLineSecret).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(c.directLineEndpoint).toBe('https://europe.directline.botframework.com/v3/directline');
    expect(c.frameAncestors).toBe("'self' https://clinic.example.org https://*.nhs.example");
  });

  it.each([
    [{ LOCAL_DIRECTLINE: 'maybe' }, /^LOCAL_DIRECTLINE:/],
    [{ LOCAL_DIRECTLINE_IDLE_MINUTES: '0' }, /^LOCAL_DIRECTLINE_IDLE_MINUTES:/],
    [{ LOCAL_DIRECTLINE_MAX_CONVERSATIONS: 'lots' }, /^LOCAL_DIRECTLINE_MAX_CONVERSATIONS:/],
    [{ LOCAL_DIRECTLINE_MAX_ACTIVITIES: '5' }, /^LOCAL_DIRECTLINE_MAX_ACTIVITIES:/],
    [{ DIRECT_LINE_SECRET: 'short' }, /^DIRECT_LINE_SECRET:/],
    [{ DIRECT_LINE_ENDPOINT: 'http://directline.example.com/v3/directline' }, /^DIRECT_LINE_ENDPOINT:/],
    [{ DIRECT_LINE_ENDPOINT: 'not a url' }, /^DIRECT_LINE_ENDPOINT:/],
    [{ FRAME_ANCESTORS: "https://a.example; script-src 'unsafe-inline'" }, /^FRAME_ANCESTORS:/],
    [{ FRAME_ANCESTORS: "'none' https://a.example" }, /^FRAME_ANCESTORS:/],
    [{ FRAME_ANCESTORS: 'http://clinic.example.org' }, /^FRAME_ANCESTORS:/],
  ])('rejects %o with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(pattern);
  });
});
