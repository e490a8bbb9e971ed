import { describe, expect, it } from 'vitest';
import { audienceStep } from '../../../src/bot/steps/audience';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { runSteps, stepWorld } from '../../helpers/stepRun';

describe('step: audience', () => {
  it('a carer who says so before consenting gets the carer wording; after consent it is not changed', async () => {
    const before = await runSteps(stepWorld(), [loadStateStep, audienceStep], { text: "it's for my dad" });
    expect(before.run.turn.session.audience).toBe('carer');
    expect(before.passedOn).toBe(true);
    const world = stepWorld();
    await runSteps(world, [loadStateStep, async (run) => { run.turn.session.consented = true; }], { text: 'hi' });
    const after = await runSteps(world, [loadStateStep, audienceStep], { text: "it's for my dad" });
    expect(after.run.turn.session.audience).toBeUndefined();
  });
});
