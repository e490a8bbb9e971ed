import { describe, expect, it } from 'vitest';
import { emergencyAdvice } from '../../../src/bot/steps/emergency';
import { languageChoiceStep, languageNoticeStep, languageStep } from '../../../src/bot/steps/language';
import { loadStateStep } from '../../../src/bot/steps/loadState';
import { buildLanguageDirectory } from '../../../src/language/directory';
import { loadLexicon } from '../../../src/language/lexicons';
import { createLocalizer } from '../../../src/language/localizer';
import { createLogger } from '../../../src/logger';
import { createRedFlagScreen } from '../../../src/safety/screen';
import { askedIds, runSteps, sentLevels, stepWorld } from '../../helpers/stepRun';

const directory = buildLanguageDirectory(createLocalizer('en'), 'en');
const screen = createRedFlagScreen((l) => loadLexicon(l), directory);
const step = languageStep(screen, emergencyAdvice(createLogger('silent')));
const choose = async (world: ReturnType<typeof stepWorld>, lng: string): Promise<void> => {
  await runSteps(world, [loadStateStep, async (run) => { run.turn.profile.language = lng; }], { text: 'hi' });
};

describe('step: language', () => {
  it('the kept choice beats the channel\'s locale', async () => {
    const world = stepWorld();
    await choose(world, 'es');
    const out = await runSteps(world, [loadStateStep, step], { text: 'hola' });
    expect(out.run.turn.lng).toBe('es');
    expect(out.passedOn).toBe(true);
  });

  it('reads the message again in the chosen language: an emergency found only there is answered at once', async () => {
    const world = stepWorld();
    await choose(world, 'es');
    // The first screen ran in the channel's language (English) and found nothing.
    const out = await runSteps(world, [loadStateStep, step], { text: 'me desmayé en la cocina' }, (run) => { run.verdict = { kind: 'nothing' }; });
    expect(sentLevels(out.sent)).toEqual(['emergency']);
    expect(out.sent[0]?.locale).toBe('es');
    expect(out.passedOn).toBe(false);
  });

  it('a first SMS written in an offered language sets it and says so', async () => {
    const world = stepWorld();
    const out = await runSteps(world, [loadStateStep, step, languageNoticeStep], { text: 'hola, me hicieron una ecografía de la pierna', channelId: 'sms', locale: undefined });
    expect(out.run.turn.profile.language).toBe('es');
    expect(out.run.detected).toBe('detected');
    expect(out.sent.length).toBeGreaterThan(0);
    expect(out.sent[0]?.locale).toBe('es');
  });

  it('"language" opens the menu; with a red flag read, the choice step passes on', async () => {
    const world = stepWorld();
    const menu = await runSteps(world, [loadStateStep, languageChoiceStep], { text: 'language' });
    expect(askedIds(menu.sent)).toEqual(['language']);
    expect(menu.passedOn).toBe(false);
    const flagged = await runSteps(stepWorld(), [loadStateStep, languageChoiceStep], { text: 'language' }, (run) => {
      run.verdict = { kind: 'possible', flags: [{ code: 'breathless', level: 'emergency', reason: 'RF_BREATHLESS' }] };
    });
    expect(flagged.passedOn).toBe(true);
  });
});
