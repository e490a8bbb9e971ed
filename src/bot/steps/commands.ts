import { DialogIds } from '../../../dialogs/ids';
import { aboutMessage, sourcesMessage } from '../../../dialogs/sources';
import { startOver } from '../../../dialogs/startOver';
import type { Command } from '../../language/commands';
import type { DialogContext } from '../../sdk/dialogs';
import type { Step } from '../pipeline';
import type { Turn } from '../turn';

/** Commands that answer the forget-me confirmation when typed at it (help, why and about only explain, then ask again). */
const ANSWERS_FORGET: ReadonlySet<Command> = new Set(['forget', 'menu', 'restart', 'stop']);

/** The dialog context whose active dialog is the forget-me confirmation, if it is open. */
function forgetOpen(dc: DialogContext): DialogContext | undefined {
  for (let inner: DialogContext | undefined = dc; inner; inner = inner.child) {
    if (inner.activeDialog?.id === DialogIds.forget) return inner;
  }
  return undefined;
}

/** After an explanation: the question on screen again, or, with nothing running, the conversation begins. */
async function carryOn(dc: DialogContext, turn: Turn): Promise<void> {
  if (dc.activeDialog) await dc.repromptDialog();
  else await startOver(dc, turn);
}

/**
 * Step: the one command handler. A command is a whole message ("stop", not "stop the pain") and
 * answers the same wherever the patient is: in the welcome, at a sign question, at the direct
 * red-flag question, on the language menu, or with nothing running. "Language" is the language
 * step's; "start" is an ordinary message (with nothing running, the conversation begins anyway).
 */
export const commandStep: Step = async (run, next) => {
  const { turn } = run;
  const command = turn.commands.command(turn.text);
  if (!command || command === 'language' || command === 'start') return next();
  const dc = await run.dialogs();
  // At the "delete everything?" question: "forget me" again asks it once more (never a second
  // question stacked under the first), and a command that moves on answers it: nothing deleted.
  const forgetting = forgetOpen(dc);
  if (forgetting && ANSWERS_FORGET.has(command)) {
    if (command === 'forget') return dc.repromptDialog();
    await turn.send({ kind: 'text', text: turn.t('common:forget.kept') });
    // Replaced, not ended: the question under it must not be asked again before the command runs.
    if (command === 'menu') {
      await forgetting.replaceDialog(DialogIds.questions);
      return;
    }
  }
  switch (command) {
    case 'help':
      await turn.send({ kind: 'text', text: turn.t(turn.caps.numberedChoices ? 'common:helpNumbered' : 'common:help') });
      return carryOn(dc, turn);
    case 'human':
      await turn.send({ kind: 'text', text: turn.t('common:careTeam') });
      return carryOn(dc, turn);
    case 'why':
      await turn.send(sourcesMessage(turn));
      return carryOn(dc, turn);
    case 'about':
      await turn.send(aboutMessage(turn));
      return carryOn(dc, turn);
    case 'menu':
      await dc.beginDialog(DialogIds.questions);
      return;
    case 'forget':
      await dc.beginDialog(DialogIds.forget);
      return;
    case 'restart':
      return startOver(dc, turn, [{ kind: 'text', text: turn.t('common:restarting') }]);
    case 'stop':
      await dc.cancelAllDialogs();
      await turn.send({ kind: 'text', text: turn.t('common:stopped') }, { kind: 'text', text: turn.t('common:emergencyLine') });
      return;
  }
};
