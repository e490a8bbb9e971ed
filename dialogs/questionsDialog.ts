import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { TOPICS, type Topic } from '../src/language/commands';
import { getTurn, type Turn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';

export interface QuestionsOptions {
  /** Answer this topic straight away (typed at any point in the conversation). */
  topic?: Topic;
  /** Answer the one topic and go back to where the patient was. */
  once?: boolean;
}

const MENU: AskOptions = {
  id: 'questionsMenu',
  textKey: 'faq:menu',
  reader: 'choice',
  choices: [...TOPICS.map((topic) => ({ value: topic, labelKey: `faq:topics.${topic}` })), { value: 'done', labelKey: 'common:choices.done' }],
  fallback: 'done',
};

/** The same menu where the choices are a numbered list (SMS): nothing there to tap. */
const MENU_NUMBERED: AskOptions = { ...MENU, textKey: 'faq:menuNumbered' };

async function answer(turn: Turn, topic: Topic): Promise<void> {
  const text = topic === 'repeatScan' && turn.hasRepeatWindow
    ? `${turn.t('faq:answers.repeatScanWindow', { context: turn.repeatWindowContext, count: turn.repeatWindowCount })} ${turn.t('faq:answers.repeatScan')}`
    : turn.t(`faq:answers.${topic}`);
  await turn.send({ kind: 'text', text }, { kind: 'text', text: turn.t('faq:safetyNet') });
}

/**
 * The questions patients ask after a negative scan, from a menu or typed at any time. Each
 * answer is short, sourced in the content registry and ends with the safety net.
 */
export class QuestionsDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.questions);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('questionsFlow', [
      async (step) => {
        const options = (step.options ?? {}) as QuestionsOptions;
        if (options.topic) return step.next(options.topic);
        return step.beginDialog(DialogIds.ask, getTurn(step.context).caps.numberedChoices ? MENU_NUMBERED : MENU);
      },
      async (step) => {
        const options = (step.options ?? {}) as QuestionsOptions;
        const choice = step.result as Topic | 'done';
        if (choice === 'done') return step.endDialog();
        await answer(getTurn(step.context), choice);
        if (options.once) return step.endDialog();
        return step.replaceDialog('questionsFlow', {});
      },
    ]));
    this.initialDialogId = 'questionsFlow';
  }
}
