import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../helpers/app';
import { call } from '../helpers/directLine';

const activity = { type: 'message', text: 'hi', channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: 'cors' }, from: { id: 'u' }, recipient: { id: 'bot' } };

describe('CORS on /api/* with no CORS_ORIGINS (the default)', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp(); });
  afterAll(async () => { await running.stop(); });

  it('the page at / and its same-origin API calls work (Origin equals Host)', async () => {
    const origin = running.url;
    expect((await call(`${running.url}/`, { headers: { origin } })).status).toBe(200);
    const config = await call(`${running.url}/api/webchat/config`, { headers: { origin } });
    expect(config.status).toBe(200);
    expect(config.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { origin } })).status).toBe(200);
    expect((await call(`${running.url}/api/messages`, { method: 'POST', headers: { origin }, json: activity })).status).toBe(200);
  });

  it('server-to-server callers send no Origin and are unaffected', async () => {
    expect((await call(`${running.url}/api/messages`, { method: 'POST', json: activity })).status).toBe(200);
  });

  it('H13: another site is refused with 403 before any work, preflight included, and gets no CORS headers', async () => {
    for (const init of [{ method: 'POST', json: activity }, { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }, { method: 'GET' }]) {
      const res = await call(`${running.url}/api/messages`, { ...init, headers: { ...init.headers, origin: 'https://evil.example' } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'origin not allowed' });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const nullOrigin = await call(`${running.url}/api/webchat/config`, { headers: { origin: 'null' } });
    expect(nullOrigin.status).toBe(403);
  });
});

describe('CORS with CORS_ORIGINS=https://clinic.example', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp({ CORS_ORIGINS: 'https://clinic.example, https://www.clinic.example' }); });
  afterAll(async () => { await running.stop(); });

  it('a listed origin gets its preflight (204) and the allow-origin header on the call', async () => {
    const preflight = await call(`${running.url}/api/directline/token`, { method: 'OPTIONS', headers: { origin: 'https://clinic.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('vary')).toMatch(/Origin/);
    const res = await call(`${running.url}/api/webchat/config`, { headers: { origin: 'https://www.clinic.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://www.clinic.example');
  });

  it('an unlisted origin is still refused, and routes outside /api/ are left alone', async () => {
    expect((await call(`${running.url}/api/webchat/config`, { headers: { origin: 'https://clinic.example.evil.test' } })).status).toBe(403);
    const page = await call(`${running.url}/`, { headers: { origin: 'https://elsewhere.example' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS validation', () => {
  it('accepts https origins and local http, refuses * , paths and plain http elsewhere', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example https://b.example:8443' }).corsOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(loadConfig({}).corsOrigins).toEqual([]);
    for (const bad of ['*', 'https://a.example/path', 'http://a.example', 'a.example']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });

  it('rate limits and the shutdown timeout have defaults and reject nonsense', () => {
    const config = loadConfig({});
    expect(config.limits).toEqual({ perConversation: 60, perClient: 600 });
    expect(config.shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ RATE_LIMIT_PER_CLIENT: '0' }).limits.perClient).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_CONVERSATION: '-1' })).toThrow(/RATE_LIMIT_PER_CONVERSATION/);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: '5' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
