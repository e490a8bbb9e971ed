import { ComponentDialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from '../src/sdk/dialogs';
import { getTurn } from '../src/bot/turn';
import { startingAnswers } from '../src/triage';
import { repeatFloor } from './floor';
import { aboutMessage, sourcesMessage } from './sources';
import { AskDialog, type AskOptions } from './askDialog';
import { ExplainDialog } from './explainDialog';
import { FollowUpDialog } from './followUpDialog';
import { ForgetDialog } from './forgetDialog';
import { DialogIds } from './ids';
import { OutcomeDialog } from './outcomeDialog';
import { QuestionsDialog } from './questionsDialog';
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
 * the advice, then a "what next" menu. Also the one place that handles commands typed at
 * any turn (help, menu, restart, stop, talk to someone), before the active question sees them.
 */
/** Commands that answer the forget-me confirmation when typed at it (help, why and about only explain, then ask again). */
const ANSWERS_FORGET: ReadonlySet<string> = new Set(['forget', 'menu', 'restart', 'stop']);

export class MainDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.main);
    for (const dialog of [new AskDialog(), new WelcomeDialog(), new ExplainDialog(), new SymptomCheckDialog(), new OutcomeDialog(), new QuestionsDialog(), new FollowUpDialog(), new ForgetDialog()]) {
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
            turn.session.answers = startingAnswers(turn.scanType);
            await turn.send(...repeatFloor(turn));
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

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(inner);
    return interrupted ?? super.onContinueDialog(inner);
  }

  /** Commands typed at any turn. Returns a result when the command took the turn. */
  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    if (inner.context.activity.type !== 'message') return undefined;
    const turn = getTurn(inner.context);
    const command = turn.commands.command(turn.text);
    // At the "delete everything?" question: "forget me" again asks it once more (never a second
    // question stacked under the first), and a command that moves on answers it: nothing deleted.
    if (inner.activeDialog?.id === DialogIds.forget && command && ANSWERS_FORGET.has(command)) {
      if (command === 'forget') {
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      await turn.send({ kind: 'text', text: turn.t('common:forget.kept') });
      // Replaced, not ended: the question under it must not be asked again before the command runs.
      if (command === 'menu') return inner.replaceDialog(DialogIds.questions);
    }
    switch (command) {
      case 'help':
      case 'human':
        const help = turn.caps.numberedChoices ? 'common:helpNumbered' : 'common:help';
        await turn.send({ kind: 'text', text: turn.t(command === 'help' ? help : 'common:careTeam') });
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'why':
      case 'about':
        await turn.send(command === 'why' ? sourcesMessage(turn) : aboutMessage(turn));
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'menu':
        return inner.beginDialog(DialogIds.questions);
      case 'forget':
        return inner.beginDialog(DialogIds.forget);
      case 'restart':
        // The answers start over; emergency or urgent advice already given holds and is said again (S8).
        turn.session.answers = startingAnswers(turn.scanType);
        await turn.send({ kind: 'text', text: turn.t('common:restarting') }, ...repeatFloor(turn));
        await inner.cancelAllDialogs();
        return inner.beginDialog('mainFlow', { from: 'symptoms' });
      case 'stop':
        await inner.cancelAllDialogs();
        await turn.send({ kind: 'text', text: turn.t('common:stopped') }, { kind: 'text', text: turn.t('common:emergencyLine') });
        return { status: DialogTurnStatus.complete };
      default:
        return undefined;
    }
  }
}
