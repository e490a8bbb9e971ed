import { afterEach, describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { Patient, startApp } from '../helpers/app';
import { bookedCheckIn, startFakeConnector } from '../helpers/fakeConnector';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe('the DialogStateManager configuration is built once, not every turn (bench/RESULTS.md fix 5)', () => {
  it('every turn, over HTTP and proactive, runs its dialogs with one shared configuration', async () => {
    const now = Date.now();
    const connector = await startFakeConnector();
    const running = await startApp({}, () => now);
    cleanups.push(() => connector.stop(), () => running.stop());
    const configs: unknown[] = [];
    running.app.adapter.use(async (context: TurnContext, next) => {
      await next();
      configs.push(context.turnState.get('DialogStateManagerConfiguration'));
    });
    const patient = new Patient(running.url, 'dsm-1');
    expect((await patient.say('hi')).length).toBeGreaterThan(0);
    expect((await patient.say('yes')).length).toBeGreaterThan(0);
    expect((await new Patient(running.url, 'dsm-2').say('hi')).length).toBeGreaterThan(0);
    running.app.checkIns.add([bookedCheckIn('dsm-3', connector.url, now - 1000)]);
    expect(await running.app.scheduler.tick()).toBe(1);
    expect(connector.posted.length).toBeGreaterThan(0);

    expect(configs).toHaveLength(4);
    const [first] = configs as [{ memoryScopes: unknown[]; pathResolvers: unknown[] }];
    expect(first.memoryScopes.length).toBeGreaterThan(0);
    expect(first.pathResolvers.length).toBeGreaterThan(0);
    for (const c of configs) expect(c).toBe(first);
  });
});
