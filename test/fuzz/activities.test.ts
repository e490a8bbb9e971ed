import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';

/**
 * Hostile and malformed requests against the real server: whatever arrives, the answer is
 * never a 5xx and the server keeps answering /healthz (H13). Limits are off so every case
 * reaches validation and, when valid, a real turn.
 */
let running: RunningApp;
beforeAll(async () => { running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_CLIENT: '0', LOG_LEVEL: 'warn' }); });
afterAll(async () => { await running.stop(); });

const statuses = new Map<number, number>();
let cases = 0;

async function post(body: string, contentType = 'application/json'): Promise<number> {
  const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });
  await res.arrayBuffer();
  cases += 1;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return res.status;
}

const TYPES = ['message', 'conversationUpdate', 'invoke', 'event', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate', 'deleteUserData', 'messageUpdate', 'handoff', 'trace', 'command'];
const base = (id: string) => ({ type: 'message', text: 'hi', channelId: 'test', deliveryMode: 'expectReplies', conversation: { id }, from: { id: `${id}-u` }, recipient: { id: 'bot' }, locale: 'en-GB' });
// serviceUrl is left out on purpose: a valid one without expectReplies makes the SDK retry an unreachable host for ~10 s.
const FIELDS = ['type', 'text', 'channelId', 'deliveryMode', 'conversation', 'from', 'recipient', 'locale', 'timestamp', 'localTimestamp', 'value', 'name',
  'attachments', 'entities', 'channelData', 'membersAdded', 'membersRemoved', 'suggestedActions', 'replyToId', 'id', 'textFormat', 'speak', 'action', 'relatesTo', 'expiration', 'callerId'];

/** Odd strings: control characters, lone surrogates, bidi overrides, zero-width joiners, long runs. */
const oddString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.constantFrom('\u0000', '\ud800', '\u202e\u202dabc', '👩‍👩‍👧‍👦'.repeat(400), 'a'.repeat(9999), 'ｃａｎ\'ｔ ｂｒｅａｔｈｅ', '<script>alert(1)</script>', '{{emergencyNumber}}', '$t(common:fallback)', '%s%n%x', '../../etc/passwd'),
);
const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: deep(depth - 1) });
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  oddString,
  fc.constantFrom({ __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}') as unknown, { constructor: { prototype: { polluted: true } } }, deep(500), [[[[[]]]]], -0, 1e308, null),
  fc.constant(undefined),
);
const mutated = fc.record({
  id: fc.oneof(fc.uuid(), oddString.filter((s) => s.length > 0 && s.length <= 512)),
  type: fc.constantFrom(...TYPES),
  channelId: fc.constantFrom('test', 'webchat', 'msteams', 'sms'),
  // Teams invoke names and their usual payload shapes, so invoke handlers are reached too.
  name: fc.option(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'task/submit', 'composeExtension/query', 'signin/verifyState', 'actionableMessage/executeAction', 'application/search')),
  changes: fc.array(fc.tuple(fc.constantFrom(...FIELDS), hostileValue), { minLength: 1, maxLength: 4 }),
}).map(({ id, type, channelId, name, changes }) => {
  const activity: Record<string, unknown> = { ...base(id), type, channelId, ...(name ? { name, value: {} } : {}) };
  for (const [field, value] of changes) activity[field] = value;
  return JSON.stringify(activity);
});

// Some 1,900 requests in all, up to 1,200 in one test: a few seconds on an idle machine, several times
// that on a busy one. The time limit is sized for the work, not the 20 s default for a single case.
describe('H13: fuzzing POST /api/messages never gets a 5xx', { timeout: 90_000 }, () => {
  it('H13: arbitrary bytes and arbitrary JSON as the body', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v) ?? '')), async (body) => {
      expect(await post(body)).toBeLessThan(500);
    }), { numRuns: 400 });
  });

  it('H13: valid activities with fields swapped for random types, huge or odd strings and nested objects', async () => {
    await fc.assert(fc.asyncProperty(mutated, async (body) => {
      expect(await post(body)).toBeLessThan(500);
    }), { numRuns: 1200 });
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('H13: valid activities carrying random unicode text, on every channel and in odd locales', async () => {
    const arb = fc.record({ id: fc.uuid(), text: oddString.filter((s) => s.length <= 10_000), channelId: fc.constantFrom('test', 'webchat', 'msteams', 'sms', 'directline', 'emulator', 'x'.repeat(512)),
      locale: fc.oneof(fc.constantFrom('en-GB', 'es-ES', 'es-MX', 'zz', '', 'en_US', 'ar'), fc.string({ maxLength: 35 })) });
    await fc.assert(fc.asyncProperty(arb, async ({ id, text, channelId, locale }) => {
      expect(await post(JSON.stringify({ ...base(id), text, channelId, locale }))).toBeLessThan(500);
    }), { numRuns: 250 });
  });

  it('H13: wrong and odd content types', async () => {
    const type = fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'APPLICATION/JSON',
      'application/jsonx', 'application/json;;;', 'application/xml', '*/*', 'application/json, text/plain');
    await fc.assert(fc.asyncProperty(type, fc.uuid(), async (contentType, id) => {
      expect(await post(JSON.stringify(base(id)), contentType)).toBeLessThan(500);
    }), { numRuns: 60 });
  });

  it('H13: afterwards the server is healthy and still answers a real turn', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await post(JSON.stringify(base('after-fuzz')))).toBe(200);
    const errors = running.logLines.filter((l) => l.includes('"event":"turn_error"')).map((l) => (JSON.parse(l) as { err?: string; frames?: string }));
    const turnErrors = `${errors.length} ${JSON.stringify([...new Set(errors.map((e) => `${e.err}@${e.frames?.split('\n')[0]?.trim()}`))])}`;
    const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`activity fuzz: ${cases} requests (${summary}); turns that ended in the error boundary (S7 fallback, HTTP 200): ${turnErrors}`);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});
