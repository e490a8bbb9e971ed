import type { DialogContext } from '../src/sdk/dialogs';
import type { OutMessage } from '../src/rendering';
import { startingAnswers } from '../src/triage';
import type { Turn } from '../src/bot/turn';
import { repeatFloor } from './floor';
import { DialogIds } from './ids';

/**
 * A fresh check's answers, and what it says first. There is no start-over that drops the floor:
 * emergency or urgent advice given earlier holds and is said again before anything is asked
 * (S8, hazard H19); only "forget me" erases it, with everything else.
 */
export function freshCheck(turn: Turn): OutMessage[] {
  turn.session.answers = startingAnswers(turn.deployment.scanType);
  return repeatFloor(turn);
}

/**
 * The one "start over": whatever is running ends, the answers start again, an earlier floor is
 * said again, and the conversation begins where it should (the welcome until the patient has
 * agreed, then the symptom check). `first` is said before all that ("Starting again.").
 */
export async function startOver(dc: DialogContext, turn: Turn, first: OutMessage[] = []): Promise<void> {
  await dc.cancelAllDialogs();
  await turn.send(...first, ...freshCheck(turn));
  await dc.beginDialog(DialogIds.main, { from: 'start' });
}
