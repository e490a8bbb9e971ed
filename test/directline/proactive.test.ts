import { TURN_OUTCOME, type TurnOutcome } from '../../src/bot/errorBoundary';
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';
import { call, DirectLineClient, type WireActivity } from '../helpers/directLine';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const local = () => {
  const dl = running.app.webChat.localDirectLine;
  if (!dl) throw new Error('local Direct Line is off');
  return dl;
};

/**
 * The reference the bot would store during a turn: TurnContext.getConversationReference of the
 * activity it received, which is the client's activity plus the service URL only the bot sees.
 */
function referenceFrom(stored: WireActivity): Partial<ConversationReference> {
  return TurnContext.getConversationReference({ ...stored, serviceUrl: local().serviceUrl() } as unknown as Partial<Activity>);
}

describe('proactive messages to a local Web Chat conversation', () => {
  it('continueConversationAsync in anonymous mode posts to our connector and the message arrives on polling', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const [echo] = await client.say('Yes, go on');
    const reference = referenceFrom(echo!);
    expect(reference.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/directline\/connector\/[\w-]+$/);

    await running.app.adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('A check-in, some days later.');
    });
    const arrived = await client.poll();
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({
      type: 'message', text: 'A check-in, some days later.', channelId: 'webchat',
      from: { role: 'bot' }, recipient: { id: client.userId, role: 'user' }, conversation: { id: client.conversationId },
      id: expect.stringContaining(client.conversationId), timestamp: expect.any(String),
    });
    expect(JSON.stringify(arrived)).not.toMatch(/connector|serviceUrl/);
  });

  it('a scheduled check-in goes out through the app\'s own scheduler and arrives in Web Chat', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    const [echo] = await client.say('Yes, go on');
    const at = Date.now();
    running.app.checkIns.add([{
      id: `dl-${client.conversationId}`, userKey: `webchat/users/${client.userId}`, reference: referenceFrom(echo!) as Record<string, unknown>,
      locale: 'en', dueAt: at - 1000, expiresAt: at + 3600_000,
    }]);
    expect(await running.app.scheduler.tick()).toBe(1);
    const arrived = await client.poll();
    expect(arrived.length).toBeGreaterThan(0);
    expect(arrived.every((a) => a.from.role === 'bot' && a.recipient?.id === client.userId)).toBe(true);
    expect(arrived.some((a) => (a.suggestedActions?.actions.length ?? 0) > 0)).toBe(true);
  });

  it('the service URL is never shown to the client (it is the key to post into conversations)', async () => {
    const client = await DirectLineClient.start(running.url);
    const all = [...await client.poll(), ...await client.say('Yes, go on')];
    expect(JSON.stringify(all)).not.toContain(local().serviceUrl());
    expect(all.some((a) => 'serviceUrl' in a)).toBe(false);
  });

  it('a conversation that has gone makes the send fail (404), so a scheduler can tell it was not delivered', async () => {
    const client = await DirectLineClient.start(running.url);
    const [first] = await client.poll();
    const reference = { ...referenceFrom(first!), conversation: { id: 'gone-conversation' } } as Partial<ConversationReference>;
    let failure: (Error & { statusCode?: number }) | undefined;
    const outcome: TurnOutcome = { failed: false };
    // Messages go out when the turn ends (holdRepliesUntilSaved): the failure reaches the error boundary.
    const boundary = running.app.adapter.onTurnError;
    running.app.adapter.onTurnError = async (context, error) => {
      failure = error as Error;
      await boundary(context, error);
    };
    await running.app.adapter.continueConversationAsync('', reference, async (context) => {
      context.turnState.set(TURN_OUTCOME, outcome);
      await context.sendActivity('too late');
    });
    running.app.adapter.onTurnError = boundary;
    expect(failure?.statusCode).toBe(404);
    expect(outcome.failed).toBe(true);
  });

  it('the connector routes refuse a wrong key (404) and a body that is not an activity (400)', async () => {
    const client = await DirectLineClient.start(running.url);
    const url = local().serviceUrl();
    const wrongKey = await call(`${url.replace(/[\w-]+$/, 'wrong-key')}/v3/conversations/${client.conversationId}/activities`, { method: 'POST', json: { type: 'message', text: 'x' } });
    expect(wrongKey.status).toBe(404);
    for (const body of [[1], { text: 'no type' }, 'text']) {
      const res = await call(`${url}/v3/conversations/${client.conversationId}/activities/some-id`, { method: 'POST', json: body });
      expect(res.status).toBe(400);
      expect(res.text.length).toBeLessThan(200);
    }
    const ok = await call<{ id: string }>(`${url}/v3/conversations/${client.conversationId}/activities`, { method: 'POST', json: { type: 'message', text: 'direct' } });
    expect(ok.status).toBe(200);
    expect(ok.body.id).toContain(client.conversationId);
  });
});
