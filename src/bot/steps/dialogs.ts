import { DialogIds } from '../../../dialogs/ids';
import { isLanguageChosen } from '../../../dialogs/languageDialog';
import type { MainOptions } from '../../../dialogs/mainDialog';
import { isRedFlagAnswer } from '../../../dialogs/redFlagCheckDialog';
import { startOver } from '../../../dialogs/startOver';
import { DialogTurnStatus } from '../../sdk/dialogs';
import type { Step } from '../pipeline';

/**
 * Step: the conversation goes on where it is. When a dialog opened on its own (the direct
 * red-flag question, the language menu) ends with nothing under it, the bot decides what follows:
 * after urgent advice the "what next" menu, after "no" or a language chosen the conversation
 * begins. With nothing running at all, the conversation begins.
 */
export const dialogStep: Step = async (run) => {
  const dc = await run.dialogs();
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) return startOver(dc, run.turn);
  if (result.status !== DialogTurnStatus.complete || dc.activeDialog) return;
  if (isRedFlagAnswer(result.result)) {
    if (result.result.redFlagAnswer === 'no') await startOver(dc, run.turn);
    else await dc.beginDialog(DialogIds.main, { from: 'next', menu: 'afterFlag' } satisfies MainOptions);
  } else if (isLanguageChosen(result.result) && result.result.begin) {
    await startOver(dc, run.turn);
  }
};
