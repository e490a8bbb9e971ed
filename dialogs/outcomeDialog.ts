import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { evaluate, isRepeatContact, withFloor, type Disposition } from '../src/triage';
import { getTurn, type Turn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { adviceMessages, summaryMessage } from './advice';
import { DialogIds } from './ids';
import { holdFloor } from './floor';

const TEACH_BACK: AskOptions = {
  id: 'teachBack',
  textKey: 'outcome:teachBack.question',
  reader: 'teachBack',
  choices: [
    { value: 'callNow', labelKey: 'outcome:teachBack.callNow' },
    { value: 'wait', labelKey: 'outcome:teachBack.wait' },
    { value: 'doctorLater', labelKey: 'outcome:teachBack.doctorLater' },
  ],
  fallback: 'wrong',
};

/** Asks the core for the disposition of this check and remembers it (never the patient's words). */
function decide(turn: Turn): Disposition {
  const { answers, floor } = turn.session;
  const now = turn.now();
  const repeatContact = isRepeatContact(turn.profile.lastCheck, answers.legTrend, now);
  const disposition = withFloor(evaluate({ ...answers, repeatContact }), floor);
  turn.session.lastDisposition = disposition;
  // Emergency or urgent advice holds for the rest of the conversation and 24 hours for the user (S8).
  if (disposition.level === 'emergency' || disposition.level === 'urgent') holdFloor(turn, { level: disposition.level, reasons: disposition.reasons });
  turn.profile.lastCheck = { at: now, legTrend: answers.legTrend, level: disposition.level };
  return disposition;
}

/**
 * Gives the advice for the tier with its disposition entity, then the safety net, a
 * teach-back question with a kind correction, and a summary to keep. Emergency advice ends
 * the conversation there: nothing should stand between the patient and the phone.
 */
export class OutcomeDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.outcome);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('outcomeFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        const disposition = decide(turn);
        (step.values as { disposition?: Disposition }).disposition = disposition;
        await turn.send(...adviceMessages(turn, disposition));
        if (disposition.level === 'emergency') return step.endDialog(disposition);
        return step.beginDialog(DialogIds.ask, TEACH_BACK);
      },
      async (step) => {
        const turn = getTurn(step.context);
        const { disposition } = step.values as { disposition: Disposition };
        const key = step.result === 'callNow' ? 'outcome:teachBack.right' : 'outcome:teachBack.wrong';
        await turn.send({ kind: 'text', text: turn.t(key) }, summaryMessage(turn, disposition));
        return step.endDialog(disposition);
      },
    ]));
    this.initialDialogId = 'outcomeFlow';
  }
}
