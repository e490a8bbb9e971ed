import { describe, expect, it } from 'vitest';
import { carrierKeywordStep } from '../../../src/bot/steps/carrierKeywords';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { runSteps, sentLevels, sentTexts, stepWorld } from '../../helpers/stepRun';

const calls: string[] = [];
const step = carrierKeywordStep(async () => { calls.push('cancel'); });

describe('step: carrierKeywords', () => {
  it('SMS STOP opts out once, clears, cancels and confirms; then nothing unprompted', async () => {
    calls.length = 0;
    const world = stepWorld();
    const stop = await runSteps(world, [loadStateStep, step], { text: 'STOP', channelId: 'sms' });
    expect(stop.run.turn.profile.optedOut).toBe(true);
    expect(calls).toEqual(['cancel']);
    expect(stop.sent).toHaveLength(1);
    const later = await runSteps(world, [loadStateStep, step], { text: 'hello', channelId: 'sms' });
    expect(later.sent).toEqual([]);
    expect(later.passedOn).toBe(false);
  });

  it('opted out, an urgent sign typed is still answered', async () => {
    const world = stepWorld();
    await runSteps(world, [loadStateStep, step], { text: 'STOP', channelId: 'sms' });
    const out = await runSteps(world, [loadStateStep, step], { text: 'my other leg is swollen', channelId: 'sms' }, (run) => {
      run.verdict = { kind: 'affirmed', flag: { level: 'urgent', reasons: ['RF_OTHER_LIMB'] }, possible: [] };
    });
    expect(sentLevels(out.sent)).toEqual(['urgent']);
  });

  it('keywords mean nothing off SMS: "stop" in web chat passes on (the command step answers it)', async () => {
    const out = await runSteps(stepWorld(), [loadStateStep, step], { text: 'STOP', channelId: 'webchat' });
    expect(out.passedOn).toBe(true);
    expect(sentTexts(out.sent)).toEqual([]);
  });
});
