import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/sdk/dialogs';
import { RULES_VERSION } from '../src/triage';
import { getTurn } from '../src/bot/turn';
import { adviceMessages } from './advice';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';
import { draftNotice } from './languageDialog';
import { holdFloor } from './floor';

const CONSENT: AskOptions = {
  id: 'consent',
  textKey: 'welcome:consent',
  reader: 'consent',
  choices: [
    { value: 'yes', labelKey: 'common:choices.consentYes' },
    { value: 'no', labelKey: 'common:choices.consentNo' },
    { value: 'carer', labelKey: 'common:choices.consentCarer' },
    { value: 'professional', labelKey: 'common:choices.consentProfessional' },
  ],
  // Never taken as a refusal: an answer that cannot be read is asked again (hazard H23).
  fallback: null,
  againKey: 'welcome:consentAgain',
};

const ELIGIBILITY: AskOptions = {
  id: 'eligibility',
  textKey: 'welcome:eligibility',
  reader: 'eligibility',
  choices: [
    { value: 'yes', labelKey: 'common:choices.yes' },
    { value: 'no', labelKey: 'common:choices.no' },
    { value: 'unsure', labelKey: 'common:choices.unsure' },
  ],
  fallback: 'unsure',
};

const ELIGIBILITY_WHY: AskOptions = {
  id: 'eligibilityWhy',
  textKey: 'welcome:eligibilityWhy',
  reader: 'eligibility',
  choices: [
    { value: 'clotFound', labelKey: 'common:choices.eligibilityClot' },
    { value: 'noScan', labelKey: 'common:choices.eligibilityNoScan' },
    { value: 'armScan', labelKey: 'common:choices.eligibilityArm' },
    { value: 'under18', labelKey: 'common:choices.eligibilityUnder18' },
    { value: 'other', labelKey: 'common:choices.eligibilityOther' },
  ],
  fallback: 'other',
};

/** Reason code of the urgent advice for someone with leg symptoms who has not had a scan yet (NHS DVT page). */
export const NO_SCAN_REASON = 'U_NO_SCAN';

/**
 * Says who is talking (an automated helper, not a doctor), what to do in an emergency (in
 * the very first message), what the chat is for and what is kept, then asks for consent and
 * who is typing (the patient, a carer, a health professional), then whether this chat is for
 * them (an adult, after a leg scan that found no clot: intended-use.md). Returns true when they
 * agree and the chat is for them.
 */
export class WelcomeDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.welcome);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('welcomeFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        // Consent already given (someone told the chat was not for them, starting again): only eligibility is asked again.
        if (turn.session.consented) return step.next(turn.session.audience === 'carer' ? 'carer' : turn.session.audience === 'professional' ? 'professional' : 'yes');
        // A translation still awaiting clinical review says so before asking for anything (H06).
        await turn.send({ kind: 'text', text: turn.t('welcome:hello') }, { kind: 'text', text: turn.t('welcome:purpose') }, ...draftNotice(turn));
        return step.beginDialog(DialogIds.ask, CONSENT);
      },
      async (step: WaterfallStepContext) => {
        const turn = getTurn(step.context);
        const answer = step.result as 'yes' | 'no' | 'carer' | 'professional';
        if (answer === 'no') {
          turn.session.consented = false;
          await turn.send({ kind: 'text', text: turn.t('welcome:declined') }, { kind: 'text', text: turn.t('common:emergencyLine') });
          return step.endDialog(false);
        }
        turn.session.consented = true;
        // A carer who said so earlier in words stays a carer when they then just say "yes".
        turn.session.audience = answer === 'yes' ? (turn.session.audience === 'carer' ? 'carer' : 'patient') : answer;
        if (answer === 'carer' && !turn.session.notEligible) await turn.send({ kind: 'text', text: turn.t('common:audienceCarer') });
        return step.beginDialog(DialogIds.ask, ELIGIBILITY);
      },
      async (step) => (step.result === 'no' ? step.beginDialog(DialogIds.ask, ELIGIBILITY_WHY) : step.next(step.result)),
      async (step) => {
        const turn = getTurn(step.context);
        const why = step.result as string;
        if (why === 'yes' || why === 'unsure') {
          delete turn.session.notEligible;
          return step.endDialog(true);
        }
        if (why === 'other') {
          delete turn.session.notEligible;
          await turn.send({ kind: 'text', text: turn.t('welcome:notFor.other') });
          return step.endDialog(true);
        }
        turn.session.notEligible = why;
        const entities = [{ type: 'notEligible', reason: why }];
        await turn.send({ kind: 'text', text: turn.t(`welcome:notFor.${why}`), entities });
        if (why === 'noScan') {
          // Leg symptoms and no scan yet: the NHS DVT page's advice, get seen today; it holds (S8).
          holdFloor(turn, { level: 'urgent', reasons: [NO_SCAN_REASON] });
          await turn.send(...adviceMessages(turn, { level: 'urgent', reasons: [NO_SCAN_REASON], rulesVersion: RULES_VERSION }));
        } else {
          await turn.send({ kind: 'text', text: turn.t('common:emergencyLine') });
        }
        return step.endDialog(false);
      },
    ]));
    this.initialDialogId = 'welcomeFlow';
  }
}
