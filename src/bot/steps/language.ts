import { applyChosenLanguage, detectFirstLanguage, firstLanguageMessages, handleLanguageChoice } from '../../../dialogs/languageTurn';
import { startOver } from '../../../dialogs/startOver';
import { emergencyFlag, moreUrgentVerdict, type RedFlagScreen } from '../../safety/screen';
import type { Step, TurnRun } from '../pipeline';
import type { EmergencyAdvice } from './emergency';

/** The turn's language once state is known: the user's kept choice, else the language of a first SMS. */
export function chooseLanguage(run: TurnRun): void {
  applyChosenLanguage(run.turn);
  run.detected = detectFirstLanguage(run.turn, run.context.activity.locale, run.turn.text);
}

/**
 * Step: the turn's language. The screen read the channel's language; when the patient's is
 * another, it reads the message again in theirs, and an emergency found now is answered at once.
 */
export function languageStep(screen: RedFlagScreen, emergency: EmergencyAdvice): Step {
  return async (run, next) => {
    const { turn } = run;
    const channelLng = turn.lng;
    chooseLanguage(run);
    if (turn.lng !== channelLng && turn.text) {
      run.verdict = moreUrgentVerdict(run.verdict, screen(turn.text, turn.lng));
      const flag = emergencyFlag(run.verdict);
      if (flag) return emergency(run, flag);
    }
    await next();
  };
}

/** Step: on a first SMS, which language the bot took and how to change it. */
export const languageNoticeStep: Step = async (run, next) => {
  if (run.detected) await run.turn.send(...firstLanguageMessages(run.turn, run.detected));
  await next();
};

/** Step: "language" opens the menu, a language's own name switches to it (never when the screen read a sign). */
export const languageChoiceStep: Step = async (run, next) => {
  if (run.verdict.kind !== 'nothing') return next();
  const dc = await run.dialogs();
  if (await handleLanguageChoice(dc, run.turn, run.turn.text, () => startOver(dc, run.turn))) return;
  await next();
};
