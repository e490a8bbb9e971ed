import { describe, expect, it } from 'vitest';
import { FLOOR_HOLD_MS } from '../../../src/bot/pipeline';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { runSteps, stepWorld } from '../../helpers/stepRun';

const NOW = 1_700_000_000_000;

describe('step: loadState (S8)', () => {
  it('loads the saved session and profile, once per turn', async () => {
    const world = stepWorld();
    const fresh = await runSteps(world, [loadStateStep, async (run) => { run.turn.session.consented = true; }], { text: 'hi' });
    expect(fresh.run.turn.session.answers).toEqual({});
    let reads = 0;
    const read = world.storage.read.bind(world.storage);
    world.storage.read = async (keys) => { reads += 1; return read(keys); };
    const again = await runSteps(world, [loadStateStep, async (run, next) => { await run.loadState(); await next(); }], { text: 'hi' });
    expect(again.run.turn.session.consented).toBe(true);
    expect(again.passedOn).toBe(true);
    expect(reads).toBe(2); // the conversation's state and the user's, each once
  });

  it('a floor the user was given in the last 24 hours holds in a new conversation; an older one does not', async () => {
    for (const [age, held] of [[FLOOR_HOLD_MS - 1, true], [FLOOR_HOLD_MS + 1, false]] as const) {
      const world = stepWorld({}, () => NOW);
      await runSteps(world, [loadStateStep, async (run) => { run.turn.profile.floor = { level: 'urgent', reasons: ['RF_OTHER_LIMB'], at: NOW - age }; }], { text: 'hi' });
      const next = await runSteps(world, [loadStateStep], { text: 'hi', conversation: { id: 'another', isGroup: false, conversationType: 'personal', name: '' } });
      expect(next.run.turn.session.floor?.level, `age ${age}`).toBe(held ? 'urgent' : undefined);
    }
  });
});
