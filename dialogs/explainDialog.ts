import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { getTurn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

const MORE: AskOptions = {
  id: 'explain',
  textKey: 'explain:offerMore',
  reader: 'choice',
  choices: [
    { value: 'more', labelKey: 'common:choices.tellMore' },
    { value: 'carryOn', labelKey: 'common:choices.carryOn' },
  ],
  fallback: 'carryOn',
};

/**
 * What a negative scan means and does not mean (S3: no clot was seen in the veins that were
 * checked; scans can miss some clots), in small chunks. "Tell me more" adds why scans miss
 * clots, how often, and which follow-up tests exist.
 */
export class ExplainDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.explain);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('explainFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        turn.session.explained = true;
        // A health professional gets the evidence in brief, with references, instead of the plain-language chunks.
        if (turn.session.audience === 'professional') {
          await turn.send({ kind: 'text', text: turn.t('explain:professional') });
          return step.endDialog();
        }
        await turn.send({ kind: 'text', text: turn.t('explain:found') }, { kind: 'text', text: turn.t('explain:limits') });
        return step.beginDialog(DialogIds.ask, MORE);
      },
      async (step) => {
        const turn = getTurn(step.context);
        if (step.result === 'more') {
          await turn.send(
            { kind: 'text', text: turn.t('explain:missed') },
            { kind: 'text', text: turn.t(turn.deployment.scanType === 'whole-leg' ? 'explain:odds' : 'explain:odds_thigh') },
            { kind: 'text', text: turn.t('explain:tests') },
          );
        }
        return step.endDialog();
      },
    ]));
    this.initialDialogId = 'explainFlow';
  }
}
