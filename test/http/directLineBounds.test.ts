import { afterEach, describe, expect, it } from 'vitest';
import { ConversationStore, DEFAULT_LIMITS } from '../../src/directline';
import { startApp, type RunningApp } from '../helpers/app';
import { call, DirectLineClient } from '../helpers/directLine';

let running: RunningApp | undefined;
afterEach(async () => { await running?.stop(); running = undefined; });

describe('issue 16 item 4: the local Direct Line keeps only what the page needs, within bounds', () => {
  it('I16-4a: a posted activity\'s channelData, card value and entities are not kept; the echo keeps the text and clientActivityID', async () => {
    running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '0' });
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const junk = 'x'.repeat(80_000);
    for (let i = 0; i < 10; i += 1) {
      const posted = await client.post({ type: 'message', text: `hello ${i}`, channelData: { clientActivityID: `c${i}`, junk }, value: { note: junk }, entities: [{ type: 'Junk', junk }] });
      expect(posted.status).toBe(200);
    }
    const all = await call<{ activities: { text?: string; channelData?: unknown; value?: unknown; entities?: unknown; from: { role?: string } }[] }>(`${client.activitiesUrl}?watermark=`, { token: client.token });
    expect(all.status).toBe(200);
    // Ten posts of ~240 KB each come back as a few KB, not 2.4 MB.
    expect(all.text.length).toBeLessThan(100_000);
    const echoes = all.body.activities.filter((a) => a.from.role === 'user');
    expect(echoes.map((a) => a.text)).toEqual(Array.from({ length: 10 }, (_, i) => `hello ${i}`));
    expect(echoes.map((a) => a.channelData)).toEqual(Array.from({ length: 10 }, (_, i) => ({ clientActivityID: `c${i}` })));
    expect(echoes.every((a) => a.value === undefined && a.entities === undefined)).toBe(true);
    expect(running.app.webChat.localDirectLine!.store.bytes).toBeLessThan(100_000);
  });

  it('I16-4b: a conversation is bounded in bytes (the oldest go first) and the watermark keeps counting', async () => {
    running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '0', LOCAL_DIRECTLINE_MAX_CONVERSATION_KB: '32' });
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const long = 'my leg is a bit sore '.repeat(400); // ~8.4 KB of text per post
    for (let i = 0; i < 12; i += 1) expect((await client.post({ type: 'message', text: `${i} ${long}` })).status).toBe(200);
    const all = await call<{ activities: { text?: string }[]; watermark: string }>(`${client.activitiesUrl}?watermark=`, { token: client.token });
    expect(all.text.length).toBeLessThan(40 * 1024);
    expect(all.body.activities.some((a) => a.text?.startsWith('11 '))).toBe(true);
    expect(all.body.activities.some((a) => a.text?.startsWith('0 '))).toBe(false);
    expect(Number(all.body.watermark)).toBeGreaterThan(12);
  });

  it('I16-4c: all conversations together are bounded in bytes; the least recently active give up their oldest first', () => {
    const clock = { t: 1_000_000 };
    const store = new ConversationStore({ ...DEFAULT_LIMITS, maxConversationBytes: 64 * 1024, maxTotalBytes: 100 * 1024 }, () => clock.t);
    const [a, b] = [store.create(), store.create()];
    for (let i = 0; i < 40; i += 1) a!.append({ type: 'message', text: 'a'.repeat(1000) }, clock.t);
    clock.t += 1000;
    store.lookup(b!.id);
    for (let i = 0; i < 80; i += 1) b!.append({ type: 'message', text: 'b'.repeat(1000) }, clock.t);
    expect(store.bytes).toBeLessThanOrEqual(100 * 1024);
    expect(b!.bytes).toBeGreaterThan(60 * 1024); // the one in use keeps its recent history
    expect(a!.bytes).toBeLessThan(40 * 1000);
    expect(store.bytes).toBe(a!.bytes + b!.bytes);
  });

  it('I16-4d: polling is rate-limited per conversation (429 + Retry-After) while /healthz keeps answering', async () => {
    running = await startApp({ LOCAL_DIRECTLINE_READS_PER_MINUTE: '30' });
    const client = await DirectLineClient.start(running.url);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i += 1) {
      const res = await call(`${client.activitiesUrl}?watermark=0`, { token: client.token });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(31);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await call(`${running.url}/healthz`)).status).toBe(200);
    // Another conversation has its own allowance.
    const other = await DirectLineClient.start(running.url);
    expect((await call(`${other.activitiesUrl}?watermark=0`, { token: other.token })).status).toBe(200);
  });
});
