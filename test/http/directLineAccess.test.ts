import { afterEach, describe, expect, it } from 'vitest';
import { startApp, texts, type RunningApp } from '../helpers/app';
import { call, DirectLineClient } from '../helpers/directLine';

let running: RunningApp | undefined;
afterEach(async () => { await running?.stop(); running = undefined; });

describe('issue 16 item 5: who may open local conversations, and live ones are never evicted', () => {
  it('I16-5a: a cross-site POST to tokens/generate (or conversations) is refused with 403; same-origin, no Origin and CORS_ORIGINS are allowed', async () => {
    running = await startApp({ CORS_ORIGINS: 'https://clinic.example' });
    const generate = `${running.url}/v3/directline/tokens/generate`;
    const evil = await call(generate, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body).toEqual({ error: 'origin not allowed' });
    expect((await call(`${running.url}/v3/directline/conversations`, { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await call(generate, { method: 'POST', headers: { origin: 'null' } })).status).toBe(403);
    expect((await call(generate, { method: 'POST', headers: { origin: running.url } })).status).toBe(200);
    expect((await call(generate, { method: 'POST' })).status).toBe(200);
    const listed = await call(generate, { method: 'POST', headers: { origin: 'https://clinic.example' } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
  });

  it('I16-5b: when full, new conversations get 503 + Retry-After and the live chat keeps working (no 404)', async () => {
    running = await startApp({ LOCAL_DIRECTLINE_MAX_CONVERSATIONS: '3', RATE_LIMIT_PER_CLIENT: '0' });
    const live = await DirectLineClient.start(running.url);
    await live.poll();
    const flood = [];
    for (let i = 0; i < 20; i += 1) flood.push(await call(`${running.url}/v3/directline/tokens/generate`, { method: 'POST' }));
    expect(flood.filter((r) => r.status === 200)).toHaveLength(2);
    const refused = flood.filter((r) => r.status === 503);
    expect(refused).toHaveLength(18);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused[0]!.body).toEqual({ error: 'too many conversations, try again later' });
    expect((await call(`${running.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(503);
    // The patient who was already chatting is still there, and is answered.
    expect((await call(`${live.activitiesUrl}?watermark=${live.watermark}`, { token: live.token })).status).toBe(200);
    expect(texts(await live.say('I cant breathe'))).toMatch(/999/);
  });
});
