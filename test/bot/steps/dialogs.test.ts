import { describe, expect, it } from 'vitest';
import { dialogStep } from '../../../src/bot/steps/dialogs';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { redFlagStep } from '../../../src/bot/steps/redFlag';
import type { ScreenVerdict } from '../../../src/safety/screen';
import { askedIds, runSteps, sentLevels, stepWorld } from '../../helpers/stepRun';

const breathless: ScreenVerdict = { kind: 'possible', flags: [{ code: 'breathless', level: 'emergency', reason: 'RF_BREATHLESS' }] };

describe('step: dialogs', () => {
  it('with nothing running, the conversation begins (the welcome)', async () => {
    const out = await runSteps(stepWorld(), [loadStateStep, dialogStep], { text: 'hi' });
    expect(askedIds(out.sent)).toEqual(['consent']);
  });

  it('a direct red-flag question answered "no" with nothing under it: the conversation begins', async () => {
    const world = stepWorld();
    await runSteps(world, [loadStateStep, redFlagStep], { text: 'puffed' }, (run) => { run.verdict = breathless; });
    const out = await runSteps(world, [loadStateStep, dialogStep], { text: 'no' });
    expect(askedIds(out.sent)).toEqual(['consent']);
  });

  it('answered "yes": that flag\'s advice (emergency stands alone: nothing after it)', async () => {
    const world = stepWorld();
    await runSteps(world, [loadStateStep, redFlagStep], { text: 'puffed' }, (run) => { run.verdict = breathless; });
    const out = await runSteps(world, [loadStateStep, dialogStep], { text: 'yes' });
    expect(sentLevels(out.sent)).toEqual(['emergency']);
    expect(askedIds(out.sent)).toEqual([]);
  });

  it('a language chosen on the menu with nothing under it: the conversation begins in that language', async () => {
    const world = stepWorld();
    await runSteps(world, [loadStateStep, async (run) => { await (await run.dialogs()).beginDialog('language'); }], { text: 'language' });
    const out = await runSteps(world, [loadStateStep, dialogStep], { text: 'Español' });
    expect(askedIds(out.sent)).toEqual(['consent']);
    expect(out.sent.at(-1)?.locale).toBe('es');
  });
});
