import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { flagDisposition, flagReason, unsureFlagReason, type Flag, type FlagLevel } from '../src/triage';
import { getTurn } from '../src/bot/turn';
import { adviceMessages } from './advice';
import { AskDialog, YES_NO_CHOICES } from './askDialog';
import { holdFloor } from './floor';
import { DialogIds } from './ids';

/** Which possible red flag to ask about. Plain data: kept in dialog state. */
export interface RedFlagCheckOptions {
  flag: string;
  level: FlagLevel;
}

/** What the dialog ends with (unless the answer led to emergency advice, which clears the stack). */
export interface RedFlagAnswer { redFlagAnswer: string }

export function isRedFlagAnswer(value: unknown): value is RedFlagAnswer {
  return typeof value === 'object' && value !== null && typeof (value as { redFlagAnswer?: unknown }).redFlagAnswer === 'string';
}

/**
 * The direct question about a red flag the screen could not affirm (S9, hazard H21): "It sounds
 * like you may be short of breath. Are you more short of breath than usual, now or since your
 * scan?" Yes gives that flag's advice; "not sure" about an emergency sign gives the urgent line
 * now (as the sign questions do); no ends the dialog, and the question the patient was at is
 * asked again.
 */
export class RedFlagCheckDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.redFlagCheck);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('redFlagFlow', [
      async (step) => {
        const { flag, level } = step.options as RedFlagCheckOptions;
        return step.beginDialog(DialogIds.ask, {
          id: 'redFlagCheck', textKey: `common:redFlagQuestion.${flag}`, reader: 'yesNo', choices: YES_NO_CHOICES,
          fallback: 'unsure', announceFallback: true, since: true, redFlag: { flag, level },
        });
      },
      async (step) => {
        const turn = getTurn(step.context);
        const { flag, level } = step.options as RedFlagCheckOptions;
        const answer = step.result as string;
        if (answer === 'no') {
          // Asked once: a later mention of the same flag that the screen can only half read is not asked again.
          turn.session.deniedFlags = [...new Set([...(turn.session.deniedFlags ?? []), flag])];
          return step.endDialog({ redFlagAnswer: 'no' } satisfies RedFlagAnswer);
        }
        const found: Flag = answer === 'unsure' && level === 'emergency'
          ? { level: 'urgent', reasons: [unsureFlagReason(flag)] }
          : { level, reasons: [flagReason(flag)] };
        holdFloor(turn, found);
        const disposition = flagDisposition(found);
        turn.session.lastDisposition = disposition;
        await turn.send(...adviceMessages(turn, disposition));
        // Emergency advice stands alone: nothing should come between the patient and the phone.
        if (found.level === 'emergency') return step.cancelAllDialogs(true);
        return step.endDialog({ redFlagAnswer: answer } satisfies RedFlagAnswer);
      },
    ]));
    this.initialDialogId = 'redFlagFlow';
  }
}
