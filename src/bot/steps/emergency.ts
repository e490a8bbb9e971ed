import { adviceMessages } from '../../../dialogs/advice';
import { holdFloor } from '../../../dialogs/floor';
import type { Logger } from '../../logger';
import { flagDisposition, type Flag } from '../../triage';
import type { TurnRun } from '../pipeline';

/** Sends emergency advice for a flag: the only way the bot gives it outside the dialogs. */
export type EmergencyAdvice = (run: TurnRun, flag: Flag) => Promise<void>;

/**
 * Emergency advice first, then the record of it: the floor held for the conversation and the
 * user (S8), and whatever was running cleared. A state that cannot be read or saved is logged
 * and never undoes the advice, which has already gone (S1).
 */
export function emergencyAdvice(logger: Logger): EmergencyAdvice {
  return async (run, flag) => {
    const { turn } = run;
    const disposition = flagDisposition(flag);
    await turn.send(...adviceMessages(turn, disposition));
    try {
      await run.loadState();
      holdFloor(turn, flag);
      turn.session.lastDisposition = disposition;
      await (await run.dialogs()).cancelAllDialogs();
    } catch (error) {
      logger.error({ event: 'state_after_emergency_failed', err: (error as Error).name }, 'state unavailable after emergency advice');
    }
  };
}
