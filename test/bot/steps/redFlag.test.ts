import { describe, expect, it } from 'vitest';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { redFlagStep } from '../../../src/bot/steps/redFlag';
import { dialogStep } from '../../../src/bot/steps/dialogs';
import type { ScreenVerdict } from '../../../src/safety/screen';
import { askedIds, runSteps, sentLevels, stepWorld } from '../../helpers/stepRun';

const urgent: ScreenVerdict = { kind: 'affirmed', flag: { level: 'urgent', reasons: ['RF_OTHER_LIMB'] }, possible: [] };
const breathless: ScreenVerdict = { kind: 'possible', flags: [{ code: 'breathless', level: 'emergency', reason: 'RF_BREATHLESS' }] };

describe('step: redFlag', () => {
  it('an affirmed urgent flag that raises the floor: advice now, then the "what next" menu', async () => {
    const out = await runSteps(stepWorld(), [loadStateStep, redFlagStep], { text: 'my other leg is swollen' }, (run) => { run.verdict = urgent; });
    expect(sentLevels(out.sent)).toEqual(['urgent']);
    expect(askedIds(out.sent)).toEqual(['afterFlag']);
    expect(out.passedOn).toBe(false);
    expect(out.run.turn.session.floor?.level).toBe('urgent');
  });

  it('the same flag again (no raise) is held and the turn passes on', async () => {
    const world = stepWorld();
    await runSteps(world, [loadStateStep, redFlagStep], { text: 'my other leg is swollen' }, (run) => { run.verdict = urgent; });
    const again = await runSteps(world, [loadStateStep, redFlagStep], { text: 'my other leg is swollen' }, (run) => { run.verdict = urgent; });
    expect(again.sent).toEqual([]);
    expect(again.passedOn).toBe(true);
  });

  it('S9: a possible flag gets one direct question; once denied it is not asked again', async () => {
    const world = stepWorld();
    const asked = await runSteps(world, [loadStateStep, redFlagStep], { text: 'bit puffed' }, (run) => { run.verdict = breathless; });
    expect(askedIds(asked.sent)).toEqual(['redFlagCheck']);
    expect(asked.passedOn).toBe(false);
    const no = await runSteps(world, [loadStateStep, dialogStep], { text: 'no' });
    expect(no.run.turn.session.deniedFlags).toEqual(['breathless']);
    const later = await runSteps(world, [loadStateStep, redFlagStep], { text: 'bit puffed' }, (run) => { run.verdict = breathless; });
    expect(later.passedOn).toBe(true);
  });
});
