import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/sdk/dialogs';
import { getTurn } from '../src/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';
import { draftNotice } from './languageDialog';

const CONSENT: AskOptions = {
  textKey: 'welcome:consent',
  reader: 'consent',
  choices: [
    { value: 'yes', labelKey: 'common:choices.consentYes' },
    { value: 'no', labelKey: 'common:choices.consentNo' },
    { value: 'carer', labelKey: 'common:choices.consentCarer' },
    { value: 'professional', labelKey: 'common:choices.consentProfessional' },
  ],
  fallback: 'no',
};

/**
 * Says who is talking (an automated helper, not a doctor), what to do in an emergency (in
 * the very first message), what the chat is for and what is kept, then asks for consent.
 * Agreeing also says who is typing: the patient, a carer, or a health professional.
 * Returns true when they agree.
 */
export class WelcomeDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.welcome);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('welcomeFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        // A translation still awaiting clinical review says so before asking for anything (H06).
        await turn.send({ kind: 'text', text: turn.t('welcome:hello') }, { kind: 'text', text: turn.t('welcome:purpose') }, ...draftNotice(turn));
        return step.beginDialog(DialogIds.ask, CONSENT);
      },
      async (step: WaterfallStepContext) => {
        const turn = getTurn(step.context);
        const answer = step.result as 'yes' | 'no' | 'carer' | 'professional';
        const agreed = answer !== 'no';
        turn.session.consented = agreed;
        if (agreed) turn.session.audience = answer === 'yes' ? 'patient' : answer;
        if (!agreed) await turn.send({ kind: 'text', text: turn.t('welcome:declined') }, { kind: 'text', text: turn.t('common:emergencyLine') });
        return step.endDialog(agreed);
      },
    ]));
    this.initialDialogId = 'welcomeFlow';
  }
}
