import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';
import { call } from '../helpers/directLine';

const SECRET = 'fake-direct-line-secret-0123456789';

/** A stand-in for directline.botframework.com: records requests, answers as told. */
interface Upstream {
  url: string;
  requests: { method?: string; url?: string; authorization?: string; body: string }[];
  answer: (res: http.ServerResponse) => void;
  close: () => Promise<void>;
}

async function fakeUpstream(): Promise<Upstream> {
  const upstream: Partial<Upstream> & { requests: Upstream['requests'] } = { requests: [] };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      upstream.requests.push({ method: req.method, url: req.url, authorization: req.headers.authorization, body });
      upstream.answer!(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  upstream.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return upstream as Upstream;
}

const json = (status: number, body: unknown) => (res: http.ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

let upstream: Upstream;
let running: RunningApp;
beforeAll(async () => {
  upstream = await fakeUpstream();
  running = await startApp({ LOCAL_DIRECTLINE: 'off', DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: `${upstream.url}/v3/directline/` });
});
afterAll(async () => {
  await running.stop();
  await upstream.close();
});
afterEach(() => { upstream.requests.length = 0; });

describe('Azure Direct Line token exchange (/api/directline/token)', () => {
  it('trades the secret for a token server-side, bound to a fresh dl_ user id', async () => {
    upstream.answer = json(200, { conversationId: 'conv-azure-1', token: 'upstream.jwt.token', expires_in: 3600 });
    for (const method of ['POST', 'GET']) {
      const res = await call<{ token: string; conversationId: string; expires_in: number; userId: string }>(`${running.url}/api/directline/token`, { method });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ token: 'upstream.jwt.token', conversationId: 'conv-azure-1', expires_in: 3600, userId: expect.stringMatching(/^dl_[\w-]{8,}$/) });
      expect(res.text).not.toContain(SECRET);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const sent = upstream.requests.at(-1)!;
      expect(sent).toMatchObject({ method: 'POST', url: '/v3/directline/tokens/generate', authorization: `Bearer ${SECRET}` });
      expect(JSON.parse(sent.body)).toEqual({ user: { id: res.body.userId } });
    }
  });

  it.each([
    ['an upstream error status', json(500, { error: { code: 'ServiceError', message: 'internal details here' } })],
    ['a forbidden secret', json(403, { error: { code: 'BadArgument', message: 'secret rejected' } })],
    ['a body that is not JSON', json(200, '<html>gateway</html>')],
    ['JSON without a token', json(200, { conversationId: 'x' })],
  ])('%s -> 502 with a short message and nothing from upstream', async (_name, answer) => {
    upstream.answer = answer;
    const res = await call(`${running.url}/api/directline/token`, { method: 'POST' });
    expect(res.status).toBe(502);
    expect(res.body).toEqual({ error: 'could not get a chat token' });
  });

  it('an unreachable upstream -> 502', async () => {
    const dead = await fakeUpstream();
    await dead.close();
    const app = await startApp({ LOCAL_DIRECTLINE: 'off', DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: `${dead.url}/v3/directline` });
    try {
      const res = await call(`${app.url}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ error: 'could not get a chat token' });
    } finally {
      await app.stop();
    }
  });

  it('the secret appears in no log line', async () => {
    upstream.answer = json(500, {});
    await call(`${running.url}/api/directline/token`, { method: 'POST' });
    expect(running.logLines.join('\n')).not.toContain(SECRET);
  });

  it('the page is told to use Azure, and its CSP lets it reach only that Direct Line origin', async () => {
    const config = await call<Record<string, unknown>>(`${running.url}/api/webchat/config`);
    expect(config.body).toMatchObject({ directLine: 'azure', domain: `${upstream.url}/v3/directline`, tokenUrl: '/api/directline/token' });
    expect(JSON.stringify(config.body)).not.toContain(SECRET);
    const page = await fetch(`${running.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    const host = upstream.url.replace('http://', '');
    expect(csp).toContain(`connect-src 'self' http://${host} ws://${host}`);
    expect((await page.text())).not.toContain(SECRET);
  });

  it('the local endpoint is off here', async () => {
    expect((await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(404);
  });
});

describe('without DIRECT_LINE_SECRET', () => {
  it('the token route answers 404 and the page uses the local endpoint', async () => {
    const app = await startApp();
    try {
      const res = await call(`${app.url}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'Direct Line is not configured' });
      const config = await call<Record<string, unknown>>(`${app.url}/api/webchat/config`);
      expect(config.body).toMatchObject({ directLine: 'local', domain: '/v3/directline', tokenUrl: '/v3/directline/tokens/generate' });
    } finally {
      await app.stop();
    }
  });
});
