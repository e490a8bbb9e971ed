import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { nextQuestion, type Question, type QuestionId } from '../src/triage';
import { getTurn } from '../src/bot/turn';
import { AskDialog, TREND_CHOICES, YES_NO_CHOICES, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

/** The ask for one symptom question: its id travels in the question entity, its text key is symptoms:<id>. */
export function askFor(question: Question): AskOptions {
  return {
    id: question.id,
    textKey: `symptoms:${question.id}`,
    reader: question.kind,
    choices: question.kind === 'trend' ? TREND_CHOICES : YES_NO_CHOICES,
    fallback: 'unsure',
    announceFallback: true,
    ...(question.since ? { since: true } : {}),
  };
}

/**
 * Asks the questions the clinical core chooses (`nextQuestion`), one at a time, the six
 * emergency signs first, until the core has enough to decide. The dialog holds no clinical
 * logic: it only asks, records the answer and asks the core again.
 */
export class SymptomCheckDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.symptomCheck);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('symptomLoop', [
      async (step) => {
        const turn = getTurn(step.context);
        const question = nextQuestion(turn.session.answers);
        if (!question) return step.endDialog();
        if (question.id === 'signBreathing') await turn.send({ kind: 'text', text: turn.t('symptoms:intro') });
        (step.values as { question?: QuestionId }).question = question.id;
        return step.beginDialog(DialogIds.ask, askFor(question));
      },
      async (step) => {
        const turn = getTurn(step.context);
        const id = (step.values as { question: QuestionId }).question;
        turn.session.answers = { ...turn.session.answers, [id]: step.result as string };
        return step.replaceDialog('symptomLoop');
      },
    ]));
    this.initialDialogId = 'symptomLoop';
  }
}
