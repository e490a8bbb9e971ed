import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { getTurn, type Turn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

const OFFER: AskOptions = {
  id: 'followUpOffer',
  textKey: 'outcome:followUp.offer',
  reader: 'yesNo',
  choices: [
    { value: 'yes', labelKey: 'common:choices.followUpYes' },
    { value: 'no', labelKey: 'common:choices.followUpNo' },
  ],
  fallback: 'no',
};

const daysText = (turn: Turn): string => (turn.checkIns?.days ?? []).join(turn.t('outcome:followUp.and'));
/** The plural form of "days" follows the number next to it, the last one in the list. */
const lastDay = (turn: Turn): number => turn.checkIns?.days.at(-1) ?? 0;

/**
 * Offers follow-up check-ins after the advice, when the deployment runs them and the channel
 * can deliver them (Teams, SMS; never a web chat, which forgets the conversation). The patient
 * opts in; nothing is scheduled otherwise. The offer says plainly not to wait for it.
 */
export class FollowUpDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.followUp);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('followUpFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        // Offered only where a message days later can arrive (the capability table decides: not a web chat).
        if (!turn.caps.checkIns || !turn.checkIns || turn.checkIns.days.length === 0 || !turn.checkIns.available()) return step.endDialog();
        return step.beginDialog(DialogIds.ask, { ...OFFER, textParams: { days: daysText(turn), count: lastDay(turn) } });
      },
      async (step) => {
        const turn = getTurn(step.context);
        if (step.result === 'yes') {
          turn.checkIns?.schedule();
          // A check-in can be lost (a channel down, a phone off): say not to rely on it (hazard H28).
          await turn.send({ kind: 'text', text: `${turn.t('outcome:followUp.booked', { days: daysText(turn), count: lastDay(turn) })} ${turn.t('outcome:followUp.noMessage')}` });
        } else {
          await turn.send({ kind: 'text', text: turn.t('outcome:followUp.declined') });
        }
        return step.endDialog();
      },
    ]));
    this.initialDialogId = 'followUpFlow';
  }
}
