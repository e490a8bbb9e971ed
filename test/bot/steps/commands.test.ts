import { describe, expect, it } from 'vitest';
import { commandStep } from '../../../src/bot/steps/commands';
import { dialogStep } from '../../../src/bot/steps/dialogs';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { redFlagStep } from '../../../src/bot/steps/redFlag';
import type { ScreenVerdict } from '../../../src/safety/screen';
import { askedIds, runSteps, sentTexts, stepWorld, type StepWorld } from '../../helpers/stepRun';

const steps = [loadStateStep, redFlagStep, commandStep, dialogStep];
const breathless: ScreenVerdict = { kind: 'possible', flags: [{ code: 'breathless', level: 'emergency', reason: 'RF_BREATHLESS' }] };

/** The places a patient can be when they type a command. */
const PLACES: Record<string, (world: StepWorld) => Promise<string | undefined>> = {
  'nothing running': async () => undefined,
  'the consent question': async (world) => askedIds((await runSteps(world, steps, { text: 'hi' })).sent)[0],
  'the direct red-flag question': async (world) => askedIds((await runSteps(world, steps, { text: 'bit puffed' }, (run) => { run.verdict = breathless; })).sent)[0],
};

describe('step: commands (one handler, the same answer wherever the patient is)', () => {
  for (const [place, reach] of Object.entries(PLACES)) {
    it(`"stop" at ${place}: stopped, with the emergency line, and nothing left running`, async () => {
      const world = stepWorld();
      await reach(world);
      const out = await runSteps(world, steps, { text: 'stop' });
      expect(sentTexts(out.sent)).toEqual([expect.stringMatching(/stop/i), expect.stringMatching(/999/)]);
      expect(out.passedOn).toBe(false);
      expect((await out.run.dialogs()).activeDialog).toBeUndefined();
    });

    it(`"help" at ${place}: the help text, then the question on screen again (or the welcome)`, async () => {
      const world = stepWorld();
      const onScreen = await reach(world);
      const out = await runSteps(world, steps, { text: 'help' });
      expect(sentTexts(out.sent)[0]).toMatch(/help|type/i);
      expect(askedIds(out.sent)).toEqual([onScreen ?? 'consent']);
    });
  }

  it('"forget me" at the forget-me question asks it once more; "menu" there keeps the data and opens the menu', async () => {
    const world = stepWorld();
    expect(askedIds((await runSteps(world, steps, { text: 'forget me' })).sent)).toEqual(['forgetConfirm']);
    expect(askedIds((await runSteps(world, steps, { text: 'forget me' })).sent)).toEqual(['forgetConfirm']);
    const menu = await runSteps(world, steps, { text: 'menu' });
    expect(askedIds(menu.sent)).toEqual(['questionsMenu']);
    expect(menu.forgot).toBe(false);
  });

  it('not a command: passes on', async () => {
    const out = await runSteps(stepWorld(), [loadStateStep, commandStep], { text: 'stop the pain please' });
    expect(out.passedOn).toBe(true);
  });
});
