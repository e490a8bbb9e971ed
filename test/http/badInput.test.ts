import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const valid = { type: 'message', text: 'hi', channelId: 'test', deliveryMode: 'expectReplies', conversation: { id: 'bad-input' }, from: { id: 'u' }, recipient: { id: 'bot' } };

async function post(body: string, contentType = 'application/json', extra: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType, ...extra }, body });
  return { status: res.status, text: await res.text() };
}

/** No stack trace, no file path, no internal error text in any response body (S7). */
function expectShortError(text: string): void {
  expect(text.length).toBeLessThan(200);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d|\.js:\d|Error:|validateAndFixActivity/);
  expect(() => JSON.parse(text)).not.toThrow();
  expect(JSON.parse(text)).toHaveProperty('error');
}

describe('H13: POST /api/messages bad-input matrix', () => {
  const cases: [string, string, string, number][] = [
    ['malformed JSON', '{"type": "message",', 'application/json', 400],
    ['empty body', '', 'application/json', 400],
    ['a JSON array', '[1,2,3]', 'application/json', 400],
    ['a JSON string', '"hello"', 'application/json', 400],
    ['JSON null', 'null', 'application/json', 400],
    ['missing type', JSON.stringify({ ...valid, type: undefined }), 'application/json', 400],
    ['non-string type', JSON.stringify({ ...valid, type: 42 }), 'application/json', 400],
    ['unknown type', JSON.stringify({ ...valid, type: 'explode' }), 'application/json', 400],
    ['missing conversation', JSON.stringify({ ...valid, conversation: undefined }), 'application/json', 400],
    ['missing from', JSON.stringify({ ...valid, from: undefined }), 'application/json', 400],
    ['non-string text', JSON.stringify({ ...valid, text: { evil: true } }), 'application/json', 400],
    ['bad timestamp', JSON.stringify({ ...valid, timestamp: 'yesterday-ish' }), 'application/json', 400],
    ['missing channelId (state is keyed by it)', JSON.stringify({ ...valid, channelId: undefined }), 'application/json', 400],
    ['adaptiveCard/action invoke without value.action', JSON.stringify({ ...valid, type: 'invoke', name: 'adaptiveCard/action', value: {} }), 'application/json', 400],
    ['application/search invoke with a string value', JSON.stringify({ ...valid, channelId: 'msteams', type: 'invoke', name: 'application/search', value: 'x' }), 'application/json', 400],
    ['no serviceUrl and no expectReplies', JSON.stringify({ ...valid, deliveryMode: undefined }), 'application/json', 400],
    ['text/plain content type', JSON.stringify(valid), 'text/plain', 415],
    ['form content type', 'type=message', 'application/x-www-form-urlencoded', 415],
  ];
  for (const [name, body, type, status] of cases) {
    it(`${name} -> ${status} with a short JSON error`, async () => {
      const res = await post(body, type);
      expect(res.status).toBe(status);
      expectShortError(res.text);
    });
  }

  it('a body over the limit -> 413 without reading it all', async () => {
    const big = JSON.stringify({ ...valid, text: 'a'.repeat(300 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expectShortError(res.text);
  });

  it('text longer than a patient could type -> 400', async () => {
    const res = await post(JSON.stringify({ ...valid, text: 'a'.repeat(20_000) }));
    expect(res.status).toBe(400);
    expectShortError(res.text);
  });

  it('GET on the messages endpoint -> 405, unknown path -> 404, both short', async () => {
    const get = await fetch(`${running.url}/api/messages`);
    expect(get.status).toBe(405);
    expectShortError(await get.text());
    const missing = await fetch(`${running.url}/nope/../etc`);
    expect(missing.status).toBe(404);
    expectShortError(await missing.text());
  });

  it('the server still answers a valid activity after all of that', async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).activities.length).toBeGreaterThan(0);
  });
});

describe('health and readiness', () => {
  it('GET /healthz -> 200 while up', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz -> 200 while storage answers, 503 once it does not', async () => {
    const ok = await fetch(`${running.url}/readyz`);
    expect(ok.status).toBe(200);
    const other = await startApp();
    other.app.storage.close();
    const down = await fetch(`${other.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'storage unavailable' });
    await other.stop();
  });
});

describe('H13: floods and foreign sites get short JSON errors too', () => {
  it('the same conversation past its per-minute limit -> 429 with Retry-After; another site -> 403', async () => {
    const limited = await startApp({ RATE_LIMIT_PER_CONVERSATION: '2' });
    const send = () => fetch(`${limited.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(valid) });
    expect([(await send()).status, (await send()).status]).toEqual([200, 200]);
    const flooded = await send();
    expect(flooded.status).toBe(429);
    expect(flooded.headers.get('retry-after')).toMatch(/^\d+$/);
    expectShortError(await flooded.text());
    const foreign = await fetch(`${limited.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify(valid) });
    expect(foreign.status).toBe(403);
    expectShortError(await foreign.text());
    await limited.stop();
  });
});
