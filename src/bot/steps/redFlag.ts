import { adviceMessages } from '../../../dialogs/advice';
import { activeQuestionId, answersActiveQuestion } from '../../../dialogs/askDialog';
import { holdFloor } from '../../../dialogs/floor';
import { DialogIds } from '../../../dialogs/ids';
import type { MainOptions } from '../../../dialogs/mainDialog';
import type { RedFlagCheckOptions } from '../../../dialogs/redFlagCheckDialog';
import { FLAG_QUESTIONS, flagDisposition, rank, type PossibleFlag } from '../../triage';
import type { Step, TurnRun } from '../pipeline';

/**
 * Step: a red flag the screen read, outside the emergency path.
 * - Affirmed (urgent, or an emergency already held): the floor holds it (S8). When it raises the
 *   floor, the advice goes now and the "what next" menu follows; unless it is the answer to the
 *   question on screen ("Worse" tapped or typed), which is recorded as usual and the floor keeps
 *   the coming advice at least this urgent.
 * - Possible: one direct question about it (S9, H21); "no" carries on where the patient was.
 */
export const redFlagStep: Step = async (run, next) => {
  const { turn, verdict } = run;
  if (verdict.kind === 'affirmed') {
    const { flag } = verdict;
    const floor = turn.session.floor;
    const raises = !floor || rank(floor.level) > rank(flag.level);
    holdFloor(turn, flag);
    const dc = await run.dialogs();
    if (!raises || answersActiveQuestion(dc, turn, turn.text)) return next();
    turn.session.lastDisposition = flagDisposition(flag);
    await turn.send(...adviceMessages(turn, turn.session.lastDisposition));
    await dc.cancelAllDialogs();
    await dc.beginDialog(DialogIds.main, { from: 'next', menu: 'afterFlag' } satisfies MainOptions);
    return;
  }
  if (verdict.kind === 'possible') {
    const flag = await flagToAsk(run, verdict.flags);
    if (flag) {
      await (await run.dialogs()).beginDialog(DialogIds.redFlagCheck, { flag: flag.code, level: flag.level } satisfies RedFlagCheckOptions);
      return;
    }
  }
  await next();
};

/**
 * The possible flag to ask about: not one already denied when asked, not at the teach-back (whose
 * answers name symptoms), and not when the question on screen is about that very flag and reads
 * the text as its answer ("maybe a little" at the breathing question).
 */
async function flagToAsk(run: TurnRun, flags: readonly PossibleFlag[]): Promise<PossibleFlag | undefined> {
  const { turn } = run;
  const dc = await run.dialogs();
  const onScreen = activeQuestionId(dc);
  if (onScreen === 'teachBack') return undefined;
  const denied = new Set(turn.session.deniedFlags ?? []);
  return flags.find((f) => !denied.has(f.code) && (FLAG_QUESTIONS[f.code] !== onScreen || !answersActiveQuestion(dc, turn, turn.text)));
}
