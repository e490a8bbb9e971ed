import { describe, expect, it } from 'vitest';
import { ConversationStore, DEFAULT_LIMITS } from '../../src/directline';
import { startApp } from '../helpers/app';
import { call, DirectLineClient } from '../helpers/directLine';

const MIN = 60_000;

function storeWith(limits: Partial<typeof DEFAULT_LIMITS> = {}) {
  const clock = { t: 1_000_000 };
  return { clock, store: new ConversationStore({ ...DEFAULT_LIMITS, ...limits }, () => clock.t) };
}

describe('conversation store bounds', () => {
  it('a conversation idle for longer than the limit is gone (404), one in use stays', async () => {
    const { clock, store } = storeWith({ idleMs: 60 * MIN, tokenTtlMs: 240 * MIN });
    const idle = store.create();
    const busy = store.create();
    const idleToken = store.issueToken(idle).token;
    const busyToken = store.issueToken(busy).token;
    clock.t += 40 * MIN;
    expect(store.authorize(busy.id, busyToken).ok).toBe(true);
    clock.t += 30 * MIN;
    expect(store.authorize(idle.id, idleToken)).toEqual({ ok: false, status: 404, error: 'conversation not found' });
    expect(store.authorize(busy.id, busyToken).ok).toBe(true);
    expect(store.size).toBe(1);
  });

  it('past the cap the least recently active conversation is evicted, once it is past its protected minutes', () => {
    const { clock, store } = storeWith({ maxConversations: 3, protectMs: 10 * MIN });
    const [a, b, c] = [store.create(), store.create(), store.create()];
    const tokenA = store.issueToken(a!).token;
    clock.t += 11 * MIN;
    expect(store.authorize(a!.id, tokenA).ok).toBe(true); // a is now the most recent
    store.create();
    expect(store.size).toBe(3);
    expect(store.lookup(b!.id)).toBeUndefined();
    expect(store.lookup(a!.id)).toBeDefined();
    expect(store.lookup(c!.id)).toBeDefined();
  });

  it('past the cap a conversation drops its oldest activities; the watermark keeps counting', () => {
    const { store } = storeWith({ maxActivities: 10 });
    const conversation = store.create();
    for (let i = 1; i <= 25; i += 1) conversation.append({ type: 'message', text: `m${i}` }, 0);
    const all = conversation.since(0);
    expect(all.watermark).toBe('25');
    expect(all.activities.map((a) => a.text)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i + 16}`));
    expect(conversation.since(20).activities.map((a) => a.text)).toEqual(['m21', 'm22', 'm23', 'm24', 'm25']);
    expect(conversation.since(25)).toEqual({ activities: [], watermark: '25' });
  });

  it('tokens expire (403) and a refreshed token carries on', () => {
    const { clock, store } = storeWith({ tokenTtlMs: 30 * MIN, idleMs: 120 * MIN });
    const conversation = store.create();
    const first = store.issueToken(conversation).token;
    clock.t += 20 * MIN;
    const second = store.issueToken(conversation).token;
    clock.t += 15 * MIN;
    expect(store.authorize(conversation.id, first)).toMatchObject({ ok: false, status: 403 });
    expect(store.byToken(first)).toMatchObject({ ok: false, status: 403 });
    expect(store.authorize(conversation.id, second).ok).toBe(true);
    expect(store.secondsLeft(second)).toBe(15 * 60);
  });

  it('an evicted conversation takes its tokens with it', () => {
    const { clock, store } = storeWith({ maxConversations: 1, protectMs: 10 * MIN });
    const old = store.create();
    const token = store.issueToken(old).token;
    clock.t += 11 * MIN;
    store.create();
    expect(store.byToken(token)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('bounds over HTTP, with an injected clock', () => {
  it('idle expiry, the conversation cap and the activity cap come from the environment', async () => {
    let t = Date.parse('2030-01-01T09:00:00Z');
    const running = await startApp({ LOCAL_DIRECTLINE_IDLE_MINUTES: '30', LOCAL_DIRECTLINE_MAX_CONVERSATIONS: '2', LOCAL_DIRECTLINE_MAX_ACTIVITIES: '10', LOCAL_DIRECTLINE_PROTECT_MINUTES: '3' }, () => t);
    try {
      const first = await DirectLineClient.start(running.url);
      const second = await DirectLineClient.start(running.url);
      t += 4 * MIN;
      expect((await call(second.activitiesUrl, { token: second.token })).status).toBe(200);
      await DirectLineClient.start(running.url);
      expect((await call(first.activitiesUrl, { token: first.token })).status).toBe(404);
      expect((await call(second.activitiesUrl, { token: second.token })).status).toBe(200);

      for (const text of ['Yes, go on', 'Carry on', 'No', 'Gone']) await second.say(text);
      const all = await call<{ activities: unknown[]; watermark: string }>(`${second.activitiesUrl}?watermark=`, { token: second.token });
      expect(all.body.activities).toHaveLength(10);
      expect(Number(all.body.watermark)).toBeGreaterThan(10);

      t += 31 * MIN;
      const expired = await call(second.activitiesUrl, { token: second.token });
      expect(expired.status).toBe(404);
      expect(expired.body).toEqual({ error: 'conversation not found' });
    } finally {
      await running.stop();
    }
  });

  it('a token older than its lifetime is refused with 403, which makes Web Chat refresh', async () => {
    let t = Date.parse('2030-01-01T09:00:00Z');
    const running = await startApp({}, () => t);
    try {
      const client = await DirectLineClient.start(running.url);
      t += 20 * MIN;
      const refreshed = await call<{ token: string }>(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', token: client.token });
      t += 15 * MIN;
      expect((await call(client.activitiesUrl, { token: client.token })).status).toBe(403);
      expect((await call(client.activitiesUrl, { token: refreshed.body.token })).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
