import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startApp, type RunningApp } from '../helpers/app';
import { startFakeConnector } from '../helpers/fakeConnector';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/uk/' }); });
afterAll(async () => { await running.stop(); });

const turn = (id: string, serviceUrl: string | undefined, expectReplies = true) => ({
  type: 'message', text: 'hi', channelId: 'test', conversation: { id }, from: { id: `${id}-u` }, recipient: { id: 'bot' }, locale: 'en-GB',
  ...(serviceUrl === undefined ? {} : { serviceUrl }), ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
});
async function post(body: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
}

describe('issue 16 item 11: anonymous mode stays on this machine and calls back only where allowed', () => {
  it('I16-11a: without credentials the server listens on 127.0.0.1 unless HOST says otherwise; with them on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ALLOWED_SERVICE_URLS: 'https://a.example/x, http://b.example:8080' }).allowedServiceUrls).toEqual(['https://a.example/x', 'http://b.example:8080']);
    expect(() => loadConfig({ ALLOWED_SERVICE_URLS: 'ftp://a.example' })).toThrow(/^ALLOWED_SERVICE_URLS:/);
    expect(() => loadConfig({ ALLOWED_SERVICE_URLS: 'https://user:pw@a.example' })).toThrow(/^ALLOWED_SERVICE_URLS:/);
  });

  it('I16-11b: a serviceUrl that is neither loopback nor listed is refused with a short 400 before any turn', async () => {
    for (const url of ['http://10.0.0.1/internal', 'http://169.254.169.254/latest/meta-data/', 'https://smba.trafficmanager.net.evil.example/uk/', 'https://smba.trafficmanager.net/us/', 'http://internal.example:8080/']) {
      const res = await post(turn(`ssrf-${url.length}`, url));
      expect(res.status, url).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'serviceUrl not allowed' });
    }
    expect(running.logLines.join('')).toMatch(/"event":"service_url_refused"/);
  });

  it('I16-11c: loopback, a listed service URL and none at all still work; replies reach a loopback connector', async () => {
    expect((await post(turn('ok-none', undefined))).status).toBe(200);
    expect((await post(turn('ok-listed', 'https://smba.trafficmanager.net/uk/'))).status).toBe(200);
    expect((await post(turn('ok-localhost', 'http://localhost:1/unused'))).status).toBe(200);
    const connector = await startFakeConnector();
    try {
      expect((await post(turn('ok-loopback', connector.url, false))).status).toBe(200);
      expect(connector.posted.length).toBeGreaterThan(0);
    } finally {
      await connector.stop();
    }
  });
});
