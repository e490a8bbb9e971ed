import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, startApp, texts, type RunningApp } from '../helpers/app';
import { call, DirectLineClient, fromBot } from '../helpers/directLine';
import { questionId } from '../helpers/questions';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const dl = (path: string): string => `${running.url}/v3/directline${path}`;

/** No stack trace, no file path, no internal error text in any response body (S7). */
function expectShortError(res: { text: string; status: number }): void {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.text.length).toBeLessThan(200);
  expect(res.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d|\.js:\d|Error:/);
  expect(JSON.parse(res.text)).toHaveProperty('error');
}

describe('local Direct Line: starting a conversation', () => {
  it('tokens/generate gives a conversation, a random bearer token and a dl_ user id', async () => {
    const a = await call<Record<string, unknown>>(dl('/tokens/generate'), { method: 'POST' });
    const b = await call<Record<string, unknown>>(dl('/tokens/generate'), { method: 'POST' });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ conversationId: expect.any(String), token: expect.stringMatching(/^[\w-]{40,}$/), expires_in: 1800, userId: expect.stringMatching(/^dl_/) });
    expect(a.body.token).not.toBe(b.body.token);
    expect(a.body.conversationId).not.toBe(b.body.conversationId);
    expect(a.body).not.toHaveProperty('streamUrl');
    expect(a.headers.get('cache-control')).toBe('no-store');
  });

  it('starting sends the welcome once (Web Chat does not send conversationUpdate itself)', async () => {
    const client = await DirectLineClient.start(running.url);
    const first = await client.poll();
    expect(first.length).toBeGreaterThan(0);
    expect(texts(first)).toMatch(/automated helper/);
    expect(first.every((a) => a.from.role === 'bot' && a.channelId === 'webchat' && a.conversation.id === client.conversationId)).toBe(true);
    expect(first.every((a) => a.recipient?.id === client.userId && a.recipient?.role === 'user')).toBe(true);
    expect(first.map((a) => a.id)).toEqual([...new Set(first.map((a) => a.id))]);
    const times = first.map((a) => Date.parse(a.timestamp));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(times.length);

    const again = await call(dl('/conversations'), { method: 'POST', token: client.token, json: {} });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ conversationId: client.conversationId, token: client.token });
    expect(await client.poll()).toEqual([]);
  });

  it('POST /conversations without a token opens a new conversation and returns its token (201)', async () => {
    const res = await call<{ conversationId: string; token: string; expires_in: number }>(dl('/conversations'), { method: 'POST' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: 1800 });
    const poll = await call<{ activities: unknown[] }>(dl(`/conversations/${res.body.conversationId}/activities`), { token: res.body.token });
    expect(poll.status).toBe(200);
    expect(poll.body.activities.length).toBeGreaterThan(0);
  });

  it('the start locale picks the language of the welcome', async () => {
    const client = await DirectLineClient.start(running.url, 'es-ES');
    expect(texts(await client.poll())).toMatch(/Soy Afterscan/);
  });

  it('GET /conversations/{id} (reconnect) answers with the conversation and no streamUrl', async () => {
    const client = await DirectLineClient.start(running.url);
    const res = await call(dl(`/conversations/${client.conversationId}?watermark=`), { token: client.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ conversationId: client.conversationId, token: client.token, expires_in: expect.any(Number) });
  });
});

describe('local Direct Line: posting and polling', () => {
  it('echoes the user activity with its id and clientActivityID, then the bot replies after it', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const posted = await client.post({ type: 'message', text: 'Yes, go on', from: { id: 'spoofed', role: 'bot' }, channelData: { clientActivityID: 'abc-123' }, serviceUrl: 'http://evil.example' });
    expect(posted.status).toBe(200);
    const after = await client.poll();
    const [echo, ...replies] = after;
    expect(echo).toMatchObject({ id: posted.body.id, type: 'message', text: 'Yes, go on', channelData: { clientActivityID: 'abc-123' }, from: { id: client.userId, role: 'user' } });
    expect(echo).not.toHaveProperty('serviceUrl');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.from.role === 'bot' && r.replyToId === echo!.id)).toBe(true);
    // Consent given: the next question (whether the chat is for them) carries its id through Direct Line.
    expect(texts(replies)).toMatch(/18 or older/);
    expect(questionId(replies)).toBe('eligibility');
  });

  it('a disposition entity posted by a client is dropped: only the bot gives advice', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    await client.post({ type: 'message', text: 'hello', entities: [{ type: 'disposition', level: 'emergency' }, { type: 'ClientCapabilities', requiresBotState: true }] });
    const [echo, ...replies] = await client.poll();
    expect(echo!.text).toBe('hello');
    // The echo keeps only what the page shows (no entities at all); the bot's replies carry no client disposition.
    expect(echo!.entities).toBeUndefined();
    expect(replies.flatMap((r) => r.entities ?? []).filter((e) => e.type === 'disposition' && e.level === 'emergency')).toEqual([]);
  });

  it('the watermark moves forward and a poll at the latest watermark is empty', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const mark = Number(client.watermark);
    await client.say('Yes, go on');
    expect(Number(client.watermark)).toBeGreaterThan(mark);
    expect(await client.poll()).toEqual([]);
    const replay = await call<{ activities: unknown[]; watermark: string }>(`${client.activitiesUrl}?watermark=${mark}`, { token: client.token });
    expect(replay.body.watermark).toBe(client.watermark);
    expect(replay.body.activities.length).toBe(Number(client.watermark) - mark);
  });

  it('H01 H04 S1/S4: a red flag typed in Web Chat gets the emergency advice with its disposition entity', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const replies = fromBot(await client.say("I can't breathe"));
    expect(dispositions(replies)).toEqual([expect.objectContaining({ type: 'disposition', level: 'emergency' })]);
  });

  it('turns of one conversation run one at a time, each reply after its own message', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    await Promise.all(['Yes, go on', 'Carry on'].map((text, i) => client.post({ type: 'message', text, channelData: { clientActivityID: `c${i}` } })));
    const all = await client.poll();
    const echoes = all.map((a, i) => (a.from.role === 'user' ? i : -1)).filter((i) => i >= 0);
    expect(echoes).toHaveLength(2);
    const second = echoes[1]!;
    expect(all.slice(echoes[0]! + 1, second).every((a) => a.replyToId === all[echoes[0]!]!.id)).toBe(true);
    expect(all.slice(second + 1).every((a) => a.replyToId === all[second]!.id)).toBe(true);
  });

  it('tokens/refresh gives a new token for the same conversation; the old one lasts until it expires', async () => {
    const client = await DirectLineClient.start(running.url);
    const refreshed = await call<{ token: string; conversationId: string }>(dl('/tokens/refresh'), { method: 'POST', token: client.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.conversationId).toBe(client.conversationId);
    expect(refreshed.body.token).not.toBe(client.token);
    expect((await call(client.activitiesUrl, { token: refreshed.body.token })).status).toBe(200);
    expect((await call(client.activitiesUrl, { token: client.token })).status).toBe(200);
  });
});

describe('H16 local Direct Line: tokens are checked on every call', () => {
  it('401 without a bearer token, 403 with a wrong one or another conversation\'s, 404 for an unknown conversation', async () => {
    const a = await DirectLineClient.start(running.url);
    const b = await DirectLineClient.start(running.url);
    const cases: [string, RequestInit & { token?: string }, number][] = [
      ['no header', {}, 401],
      ['basic auth', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }, 401],
      ['empty bearer', { headers: { authorization: 'Bearer ' } }, 401],
      ['wrong token', { token: 'not-a-real-token' }, 403],
      ["another conversation's token", { token: b.token }, 403],
    ];
    for (const [name, init, status] of cases) {
      for (const method of ['GET', 'POST']) {
        const res = await call(a.activitiesUrl, { ...init, method, ...(method === 'POST' ? { json: { type: 'message', text: 'hi' } } : {}) });
        expect(res.status, `${method} ${name}`).toBe(status);
        expectShortError(res);
      }
    }
    const unknown = await call(dl('/conversations/no-such-conversation/activities'), { token: a.token });
    expect(unknown.status).toBe(404);
    expectShortError(unknown);
    for (const [init, status] of [[{}, 401], [{ token: 'nope' }, 403]] as const) {
      const res = await call(dl('/tokens/refresh'), { method: 'POST', ...init });
      expect(res.status).toBe(status);
      expectShortError(res);
    }
    expect((await call(dl('/conversations'), { method: 'POST', token: 'nope' })).status).toBe(403);
  });
});

describe('H13 local Direct Line: malformed input is a short 4xx, never a 500', () => {
  const cases: [string, string, string, number][] = [
    ['malformed JSON', '{"type": "message",', 'application/json', 400],
    ['empty body', '', 'application/json', 400],
    ['a JSON array', '[1,2]', 'application/json', 400],
    ['JSON null', 'null', 'application/json', 400],
    ['missing type', JSON.stringify({ text: 'hi' }), 'application/json', 400],
    ['a type a client may not send', JSON.stringify({ type: 'invoke', name: 'x' }), 'application/json', 400],
    ['non-string text', JSON.stringify({ type: 'message', text: { evil: true } }), 'application/json', 400],
    ['text longer than a patient could type', JSON.stringify({ type: 'message', text: 'a'.repeat(20_000) }), 'application/json', 400],
    ['an attachment (uploads are not supported)', JSON.stringify({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://x' }] }), 'application/json', 400],
    ['channelData that is not an object', JSON.stringify({ type: 'message', text: 'hi', channelData: 'x' }), 'application/json', 400],
    ['a bad locale', JSON.stringify({ type: 'message', text: 'hi', locale: 'x'.repeat(50) }), 'application/json', 400],
    ['text/plain', JSON.stringify({ type: 'message', text: 'hi' }), 'text/plain', 415],
    ['a body over the limit', JSON.stringify({ type: 'message', text: 'a'.repeat(300 * 1024) }), 'application/json', 413],
  ];
  let client: DirectLineClient;
  beforeAll(async () => { client = await DirectLineClient.start(running.url); });

  for (const [name, body, type, status] of cases) {
    it(`${name} -> ${status}`, async () => {
      const res = await call(client.activitiesUrl, { method: 'POST', token: client.token, headers: { 'content-type': type }, body });
      expect(res.status).toBe(status);
      expectShortError(res);
    });
  }

  it('a watermark that is not a number -> 400; a bad start locale -> 400; a wrong method -> 405', async () => {
    for (const res of [
      await call(`${client.activitiesUrl}?watermark=abc`, { token: client.token }),
      await call(dl('/conversations'), { method: 'POST', json: { locale: '<script>' } }),
      await call(dl('/conversations'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ]) {
      expect(res.status).toBe(400);
      expectShortError(res);
    }
    const wrongMethod = await call(dl('/conversations'), { method: 'PUT', json: {} });
    expect(wrongMethod.status).toBe(405);
    expectShortError(wrongMethod);
    const upload = await call(`${dl(`/conversations/${client.conversationId}/upload`)}?userId=x`, { method: 'POST', token: client.token, json: {} });
    expect(upload.status).toBe(404);
    expectShortError(upload);
  });
});

describe('local Direct Line with a Bot Framework app id configured', () => {
  it('still works offline: the local turn needs no channel token and expectReplies makes no outbound call', async () => {
    const withId = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-offline' });
    try {
      const client = await DirectLineClient.start(withId.url);
      expect(texts(await client.poll())).toMatch(/automated helper/);
      expect(questionId(fromBot(await client.say('Yes, go on')))).toBe('eligibility');
      expect(texts(fromBot(await client.say('Yes')))).toMatch(/did not find a clot/);
    } finally {
      await withId.stop();
    }
  });
});
