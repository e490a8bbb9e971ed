import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/http/tokenBuckets';
import { applyTimeouts, TIMEOUTS } from '../../src/http/timeouts';
import { startApp, type RunningApp } from '../helpers/app';
import { call, DirectLineClient } from '../helpers/directLine';

describe('token buckets', () => {
  const clock = { t: 0 };
  it('allows a burst of perMinute, then refuses with the wait until one token is back', () => {
    const buckets = new TokenBuckets({ perMinute: 3, maxKeys: 10, now: () => clock.t });
    expect([1, 2, 3].map(() => buckets.take('a').ok)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ ok: false, retryAfterSeconds: 20, firstRefusal: true });
    expect(buckets.take('a')).toMatchObject({ ok: false, firstRefusal: false });
    expect(buckets.take('b').ok).toBe(true);
    clock.t += 20_000;
    expect(buckets.take('a').ok).toBe(true);
    expect(buckets.take('a').ok).toBe(false);
  });

  it('memory is bounded: past maxKeys the least recently used key goes, and refilled buckets expire', () => {
    const buckets = new TokenBuckets({ perMinute: 60, maxKeys: 100, now: () => clock.t });
    for (let i = 0; i < 10_000; i += 1) buckets.take(`client-${i}`);
    expect(buckets.size).toBe(100);
    clock.t += 60_000;
    for (let i = 0; i < 30; i += 1) buckets.take(`late-${i}`);
    expect(buckets.size).toBeLessThan(100);
  });
});

const activity = (conversation: string, text = 'hi') => ({ type: 'message', text, channelId: 'test', deliveryMode: 'expectReplies',
  conversation: { id: conversation }, from: { id: `${conversation}-u` }, recipient: { id: 'bot' }, locale: 'en-GB' });

describe('H13: rate limits answer 429 with Retry-After and a short JSON error', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '3', RATE_LIMIT_PER_CLIENT: '8' }); });
  afterAll(async () => { await running.stop(); });
  const post = (body: unknown) => call(`${running.url}/api/messages`, { method: 'POST', json: body });

  it('per conversation on /api/messages, without touching other conversations; logged once, without ids', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await post(activity('busy'))).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post(activity('busy'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({ error: 'too many requests' });
    expect((await post(activity('calm'))).status).toBe(200);
    const logged = running.logLines.filter((l) => l.includes('rate_limited'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toMatch(/busy|127\.0\.0\.1/);
  });

  it('per client across conversations and routes (9th POST in the minute), before the body is read', async () => {
    // 6 POSTs so far from this address in this file; two more fit, the next does not.
    expect((await post(activity('c1'))).status).toBe(200);
    expect((await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(200);
    const refused = await call(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'not even JSON' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await call(`${running.url}/healthz`)).status).toBe(200);
  });
});

describe('H13: rate limits on the local Direct Line, and 0 = off', () => {
  it('a conversation posting activities too fast gets 429 on its own conversation only', async () => {
    const running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '2', RATE_LIMIT_PER_CLIENT: '0' });
    const client = await DirectLineClient.start(running.url);
    expect((await client.post({ type: 'message', text: 'hi', from: { id: 'x' } })).status).toBe(200);
    expect((await client.post({ type: 'message', text: 'yes', from: { id: 'x' } })).status).toBe(200);
    const refused = await client.post({ type: 'message', text: 'hello', from: { id: 'x' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    const other = await DirectLineClient.start(running.url);
    expect((await other.post({ type: 'message', text: 'hi', from: { id: 'y' } })).status).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' })).status).toBe(200);
    await running.stop();
  });

  it('both limits at 0 never refuse', async () => {
    const running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_CLIENT: '0' });
    for (let i = 0; i < 80; i += 1) expect((await call(`${running.url}/api/messages`, { method: 'POST', json: activity('same') })).status).toBe(200);
    await running.stop();
  });
});

describe('request timeouts', () => {
  it('the real server carries the configured timeouts', async () => {
    const running = await startApp();
    const server = running.app.server.server as http.Server;
    expect([server.keepAliveTimeout, server.headersTimeout, server.requestTimeout]).toEqual([TIMEOUTS.keepAliveMs, TIMEOUTS.headersMs, TIMEOUTS.requestMs]);
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    await running.stop();
  });

  it('H13: a client trickling its headers is cut off with 408 once headersTimeout passes', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    applyTimeouts(server, { keepAliveMs: 5000, headersMs: 300, requestMs: 600, checkEveryMs: 100 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\n'));
      let data = '';
      socket.on('data', (d) => { data += String(d); });
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1.1 408/);
    expect(Date.now() - started).toBeLessThan(2000);
    server.close();
  });
});
