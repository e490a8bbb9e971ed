import { afterEach, describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { Patient, startApp } from '../helpers/app';
import { bookedCheckIn as checkIn, startFakeConnector } from '../helpers/fakeConnector';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe('outbound clients are made once, not on every turn (bench/RESULTS.md fix 2)', () => {
  it('turns and check-ins on one service URL share one ConnectorClient; every turn shares one UserTokenClient; check-ins still go out', async () => {
    const now = Date.now();
    const connector = await startFakeConnector();
    const running = await startApp({}, () => now);
    cleanups.push(() => connector.stop(), () => running.stop());
    const { adapter } = running.app;
    const seen: { conversation: string; connector: unknown; tokens: unknown }[] = [];
    adapter.use(async (context: TurnContext, next) => {
      seen.push({ conversation: context.activity.conversation?.id ?? '', connector: context.turnState.get(adapter.ConnectorClientKey), tokens: context.turnState.get(adapter.UserTokenClientKey) });
      await next();
    });
    // Two patients over HTTP (Patient's service URL), then two check-ins to the connector's.
    expect((await new Patient(running.url, 'reuse-1').say('hi')).length).toBeGreaterThan(0);
    expect((await new Patient(running.url, 'reuse-2').say('hi')).length).toBeGreaterThan(0);
    running.app.checkIns.add([checkIn('reuse-3', connector.url, now - 2000), checkIn('reuse-4', connector.url, now - 1000)]);
    expect(await running.app.scheduler.tick()).toBe(2);
    expect(new Set(connector.posted.map((p) => p.activity.conversation?.id))).toEqual(new Set(['reuse-3', 'reuse-4']));

    const by = new Map(seen.map((s) => [s.conversation, s]));
    const [a, b, c, d] = ['reuse-1', 'reuse-2', 'reuse-3', 'reuse-4'].map((id) => by.get(id)!);
    expect(a!.connector).toBeDefined();
    expect(b!.connector).toBe(a!.connector);
    expect(c!.connector).toBeDefined();
    expect(d!.connector).toBe(c!.connector);
    expect(c!.connector).not.toBe(a!.connector); // another service URL, another client
    expect(a!.tokens).toBeDefined();
    for (const s of [b, c, d]) expect(s!.tokens).toBe(a!.tokens);
  });
});
