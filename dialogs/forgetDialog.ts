import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { getTurn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

const CONFIRM: AskOptions = {
  id: 'forgetConfirm',
  textKey: 'common:forget.confirm',
  reader: 'yesNo',
  choices: [
    { value: 'yes', labelKey: 'common:choices.deleteYes' },
    { value: 'no', labelKey: 'common:choices.deleteNo' },
  ],
  fallback: 'no',
};

/**
 * "Forget me": asks first, then erases the user's and the conversation's state and any
 * pending check-ins. Returns true when the data was erased (the conversation then ends).
 */
export class ForgetDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.forget);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('forgetFlow', [
      async (step) => step.beginDialog(DialogIds.ask, CONFIRM),
      async (step) => {
        const turn = getTurn(step.context);
        if (step.result !== 'yes') {
          await turn.send({ kind: 'text', text: turn.t('common:forget.kept') });
          return step.endDialog(false);
        }
        turn.forget();
        // Marked, so the web page drops what it keeps of the conversation too (public/app.js).
        await turn.send({ kind: 'text', text: turn.t('common:forget.done'), entities: [{ type: 'forgotten' }] });
        return step.cancelAllDialogs(true);
      },
    ]));
    this.initialDialogId = 'forgetFlow';
  }
}
