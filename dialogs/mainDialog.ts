import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from '../src/sdk/dialogs';
import { getTurn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { ExplainDialog } from './explainDialog';
import { FollowUpDialog } from './followUpDialog';
import { DialogIds } from './ids';
import { OutcomeDialog } from './outcomeDialog';
import { QuestionsDialog } from './questionsDialog';
import { freshCheck } from './startOver';
import { SymptomCheckDialog } from './symptomCheckDialog';
import { WelcomeDialog } from './welcomeDialog';
import type { Disposition } from '../src/triage';

export interface MainOptions {
  /** Where to enter the flow: from the welcome, at the symptom questions, or at the "what next" menu. */
  from?: 'start' | 'symptoms' | 'next';
  /** Which "what next" menu to show. */
  menu?: 'afterOutcome' | 'afterFlag';
}

const MENUS: Record<NonNullable<MainOptions['menu']>, AskOptions> = {
  afterOutcome: {
    id: 'whatNext', textKey: 'outcome:whatNext', reader: 'choice', fallback: 'done',
    choices: [
      { value: 'questions', labelKey: 'common:choices.questions' },
      { value: 'checkAgain', labelKey: 'common:choices.checkAgain' },
      { value: 'done', labelKey: 'common:choices.done' },
    ],
  },
  afterFlag: {
    id: 'afterFlag', textKey: 'outcome:flagged', reader: 'choice', fallback: 'done',
    choices: [
      { value: 'carryOn', labelKey: 'common:choices.carryOn' },
      { value: 'questions', labelKey: 'common:choices.questions' },
      { value: 'done', labelKey: 'common:choices.done' },
    ],
  },
};

const opts = (step: WaterfallStepContext): MainOptions => (step.options ?? {}) as MainOptions;

/**
 * The whole conversation: welcome and consent, what the result means, the symptom check,
 * the advice, then a "what next" menu. Commands typed at any turn are the bot's, not this
 * dialog's (src/bot/steps/commands.ts): they answer the same wherever the patient is.
 */
export class MainDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.main);
    for (const dialog of [new AskDialog(), new WelcomeDialog(), new ExplainDialog(), new SymptomCheckDialog(), new OutcomeDialog(), new QuestionsDialog(), new FollowUpDialog()]) {
      this.addDialog(dialog);
    }
    this.addDialog(new WaterfallDialog('mainFlow', [
      async (step) => {
        const turn = getTurn(step.context);
        // Someone told the chat is not for them is asked again whether it is, before any check.
        if (opts(step).from === 'next' || opts(step).from === 'symptoms' || (turn.session.consented && !turn.session.notEligible)) return step.next(true);
        return step.beginDialog(DialogIds.welcome);
      },
      async (step) => {
        if (step.result !== true) return step.endDialog();
        if ((opts(step).from ?? 'start') !== 'start' || getTurn(step.context).session.explained) return step.next();
        return step.beginDialog(DialogIds.explain);
      },
      async (step) => (opts(step).from === 'next' ? step.next() : step.beginDialog(DialogIds.symptomCheck)),
      async (step) => (opts(step).from === 'next' ? step.next() : step.beginDialog(DialogIds.outcome)),
      async (step) => {
        if ((step.result as Disposition | undefined)?.level === 'emergency') return step.endDialog();
        return opts(step).from === 'next' ? step.next() : step.beginDialog(DialogIds.followUp);
      },
      async (step) => step.beginDialog(DialogIds.ask, MENUS[opts(step).menu ?? 'afterOutcome']),
      async (step) => {
        const turn = getTurn(step.context);
        switch (step.result as string) {
          case 'questions':
            return step.beginDialog(DialogIds.questions);
          case 'checkAgain':
            await turn.send(...freshCheck(turn));
            return step.replaceDialog('mainFlow', { from: 'symptoms' });
          case 'carryOn':
            return step.replaceDialog('mainFlow', { from: 'symptoms' });
          default:
            await turn.send({ kind: 'text', text: turn.t('outcome:goodbye') });
            return step.endDialog();
        }
      },
      async (step) => step.replaceDialog('mainFlow', { from: 'next', menu: 'afterOutcome' }),
    ]));
    this.initialDialogId = 'mainFlow';
  }
}
