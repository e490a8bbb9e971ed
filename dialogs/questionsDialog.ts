import { ComponentDialog, WaterfallDialog } from '../src/sdk/dialogs';
import { TOPICS, type Topic } from '../src/language/commands';
import { getTurn } from '../src/bot/turn';
import { AskDialog, type AskOptions } from './askDialog';
import { DialogIds } from './ids';
import { answerTopic } from './topics';

const MENU: AskOptions = {
  id: 'questionsMenu',
  textKey: 'faq:menu',
  reader: 'choice',
  choices: [...TOPICS.map((topic) => ({ value: topic, labelKey: `faq:topics.${topic}` })), { value: 'done', labelKey: 'common:choices.done' }],
  fallback: 'done',
};

/** The same menu where the choices are a numbered list (SMS): nothing there to tap. */
const MENU_NUMBERED: AskOptions = { ...MENU, textKey: 'faq:menuNumbered' };

/**
 * The questions patients ask after a negative scan, from a menu or typed at any time. Each
 * answer is short, sourced in the content registry and ends with the safety net.
 */
export class QuestionsDialog extends ComponentDialog {
  constructor() {
    super(DialogIds.questions);
    this.addDialog(new AskDialog());
    this.addDialog(new WaterfallDialog('questionsFlow', [
      async (step) => step.beginDialog(DialogIds.ask, getTurn(step.context).caps.numberedChoices ? MENU_NUMBERED : MENU),
      async (step) => {
        const choice = step.result as Topic | 'done';
        if (choice === 'done') return step.endDialog();
        await answerTopic(getTurn(step.context), choice);
        return step.replaceDialog('questionsFlow', {});
      },
    ]));
    this.initialDialogId = 'questionsFlow';
  }
}
