import { describe, expect, it } from 'vitest';
import { emergencyAdvice } from '../../../src/bot/steps/emergency';
import { screenStep } from '../../../src/bot/steps/screen';
import { loadLexicon } from '../../../src/language/lexicons';
import { createLogger } from '../../../src/logger';
import { createRedFlagScreen } from '../../../src/safety/screen';
import { runSteps, sentLevels, stepWorld } from '../../helpers/stepRun';

const screen = createRedFlagScreen((l) => loadLexicon(l), { detect: () => null, named: () => null });
const step = screenStep(screen, emergencyAdvice(createLogger('silent')));

describe('step: screen (S1)', () => {
  it('an emergency gets the advice and ends the turn, with the floor held for the conversation and the user', async () => {
    const world = stepWorld();
    const out = await runSteps(world, [step], { text: 'I coughed up blood' });
    expect(sentLevels(out.sent)).toEqual(['emergency']);
    expect(out.passedOn).toBe(false);
    expect(out.run.turn.session.floor?.level).toBe('emergency');
    expect(out.run.turn.profile.floor?.level).toBe('emergency');
  });

  it('anything else passes on with the verdict: urgent affirmed, possible, or nothing', async () => {
    const world = stepWorld();
    const urgent = await runSteps(world, [step], { text: 'my other leg is swollen now' });
    expect(urgent.passedOn).toBe(true);
    expect(urgent.sent).toEqual([]);
    expect(urgent.run.verdict).toMatchObject({ kind: 'affirmed', flag: { level: 'urgent' } });
    const calm = await runSteps(world, [step], { text: 'hello' });
    expect(calm.run.verdict.kind).toBe('nothing');
  });

  it('S1: with state unreadable, the emergency advice still goes out', async () => {
    const world = stepWorld();
    world.storage.read = async () => { throw new Error('storage down'); };
    const out = await runSteps(world, [step], { text: 'I fainted this morning' });
    expect(sentLevels(out.sent)).toEqual(['emergency']);
    expect(out.passedOn).toBe(false);
  });
});
