import { emergencyFlag, type RedFlagScreen } from '../../safety/screen';
import type { Step } from '../pipeline';
import type { EmergencyAdvice } from './emergency';
import { chooseLanguage } from './language';

/**
 * Step: the red-flag screen on the raw text, BEFORE anything else can fail (S1). An emergency is
 * answered at once, in the patient's chosen language when state can be read, in the channel's
 * language when it cannot; the turn ends there. Any other verdict travels with the turn.
 */
export function screenStep(screen: RedFlagScreen, emergency: EmergencyAdvice): Step {
  return async (run, next) => {
    run.verdict = screen(run.turn.text, run.turn.lng);
    const flag = emergencyFlag(run.verdict);
    if (!flag) return next();
    await run.loadState().then(() => chooseLanguage(run), () => undefined);
    await emergency(run, flag);
  };
}
