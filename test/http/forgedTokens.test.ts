import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';
import { startHangingServer, type HangingServer } from '../helpers/hangingServer';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (header: Record<string, unknown>, payload: Record<string, unknown>, signature = 'c2lnbmF0dXJl'): string =>
  `${b64(header)}.${b64(payload)}.${signature}`;
const APP_ID = '00000000-0000-0000-0000-000000000001';
const claims = { iss: 'https://api.botframework.com', aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 3600, nbf: Math.floor(Date.now() / 1000) - 60 };
const activity = { type: 'message', text: 'hello', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id: 'forged-1' }, from: { id: 'u' }, recipient: { id: 'bot' } };

let running: RunningApp;
let keys: HangingServer;
const consoleError = vi.spyOn(console, 'error');

beforeAll(async () => {
  // Production-like settings, with the sign-in metadata at a local endpoint that never answers.
  keys = await startHangingServer();
  running = await startApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', BotOpenIdMetadata: `${keys.url}/v1/.well-known/openidconfiguration`, OUTBOUND_TIMEOUT_MS: '1500' });
});
afterAll(async () => { consoleError.mockRestore(); await running.stop(); await keys.stop(); });

async function post(authorization: string): Promise<{ status: number; body: string; retryAfter: string | null }> {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(activity),
    // Far above the outbound deadline: a request still pending here is one the server left hanging.
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
}

const logEvents = (): Record<string, unknown>[] => running.logLines.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('issue 16 items 6 and 12: forged tokens and an unreachable sign-in service (credentials configured)', () => {
  it('I16-6a: alg none, HS256 or an unknown issuer get 401 before the SDK, with one log line and no stack', async () => {
    consoleError.mockClear();
    const before = logEvents().length;
    const forged = [
      jwt({ alg: 'none', typ: 'JWT' }, claims, ''),
      jwt({ alg: 'HS256', typ: 'JWT', kid: 'k' }, claims),
      jwt({ alg: 'RS256', typ: 'JWT', kid: 'k' }, { ...claims, iss: 'https://evil.example' }),
      jwt({ alg: 'RS256', typ: 'JWT' }, claims),
      `${b64({ alg: 'RS256', kid: 'k' })}.bm90LWpzb24.c2ln`,
    ];
    for (const token of forged) {
      const res = await post(`Bearer ${token}`);
      expect(res.status, token).toBe(401);
      expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
    }
    const lines = logEvents().slice(before);
    expect(lines).toHaveLength(forged.length);
    expect(lines.every((l) => l.event === 'unauthorized' && typeof l.reason === 'string' && !/\n\s+at /.test(JSON.stringify(l)))).toBe(true);
    expect(consoleError).not.toHaveBeenCalled();
    expect(keys.received).toEqual([]); // no key lookup for any of them
  });

  it('I16-6b: with the key endpoint hanging, 20 well-shaped tokens all get a quick 503 through ONE shared key fetch', async () => {
    consoleError.mockClear();
    const token = jwt({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(`Bearer ${token}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(503));
    expect(answers.every((a) => a.retryAfter !== null && JSON.parse(a.body).error === 'service unavailable')).toBe(true);
    expect(keys.received).toEqual(['GET /v1/.well-known/openidconfiguration']);
    // The fetch was given up (its connection closed), not left open.
    await vi.waitFor(() => expect(keys.open()).toBe(0), { timeout: 5000 });
    const unavailable = logEvents().filter((l) => l.event === 'auth_unavailable');
    expect(unavailable).toHaveLength(20);
    expect(consoleError).not.toHaveBeenCalled();
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe('issue 16 item 6: a genuine token still gets through the new path', () => {
  it('I16-6c: a token signed by a key the metadata lists is accepted (200 with replies); a forged signature is 401', async () => {
    const { generateKeyPairSync, sign } = await import('node:crypto');
    const http = await import('node:http');
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { privateKey: otherKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' });
    const server = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/openid') res.end(JSON.stringify({ jwks_uri: `${base}/keys` }));
      else res.end(JSON.stringify({ keys: [{ kty: 'RSA', kid: 'k1', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const app = await startApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', BotOpenIdMetadata: `http://127.0.0.1:${(server.address() as { port: number }).port}/openid` });
    try {
      const signed = (key: typeof privateKey): string => {
        const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64({ ...claims, serviceurl: activity.serviceUrl })}`;
        return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
      };
      const send = (token: string) => fetch(`${app.url}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...activity, conversation: { id: 'genuine-1' }, deliveryMode: 'expectReplies', locale: 'en-GB' }),
      });
      const ok = await send(signed(privateKey));
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
      const forged = await send(signed(otherKey));
      expect(forged.status).toBe(401);
      expect(await forged.json()).toEqual({ error: 'unauthorized' });
    } finally {
      await app.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
