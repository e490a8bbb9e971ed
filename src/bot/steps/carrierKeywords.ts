import { adviceMessages } from '../../../dialogs/advice';
import { startOver } from '../../../dialogs/startOver';
import { affirmedFlag } from '../../safety/screen';
import { flagDisposition } from '../../triage';
import type { Step, TurnRun } from '../pipeline';
import type { Turn } from '../turn';

export type CarrierKeyword = 'stop' | 'start' | 'help';

/**
 * The keywords US and Canadian carriers (CTIA) and Twilio's opt-out handling give meaning to on
 * any SMS number. They are English on every carrier, whatever language the chat is in, and only
 * count as the whole message. "YES" and "INFO" are left out on purpose: "yes" answers questions.
 */
const KEYWORDS: Readonly<Record<string, CarrierKeyword>> = {
  STOP: 'stop', STOPALL: 'stop', UNSUBSCRIBE: 'stop', CANCEL: 'stop', END: 'stop', QUIT: 'stop',
  START: 'start', UNSTOP: 'start',
  HELP: 'help',
};

/** The carrier keyword a whole message is ("Stop", " STOP. "), or null. */
export function carrierKeyword(text: string): CarrierKeyword | null {
  const word = text.trim().replace(/[.!]+$/, '').toUpperCase();
  return Object.hasOwn(KEYWORDS, word) ? (KEYWORDS[word] ?? null) : null;
}

/** What the bot does for the keywords; side effects stay in the bot. */
export interface KeywordActions {
  /** Forgets the dialog stack. */
  clearDialogs: () => Promise<void>;
  /** Cancels every message scheduled for the user (check-ins, reminders). */
  cancelScheduled: () => Promise<void>;
  /** Starts the conversation from the welcome. */
  begin: () => Promise<void>;
}

/**
 * SMS opt-out rules. STOP: remember the opt-out, clear the dialog, cancel scheduled messages and
 * confirm once; after that the bot says nothing (red-flag emergency advice excepted, which the
 * bot sends before it reads any state: S1). START: opt back in and start. HELP: always answered,
 * as carriers require, with the emergency number and how to stop. Returns true when the keyword
 * took the turn; START from someone who never opted out is an ordinary message.
 */
export async function handleCarrierKeyword(turn: Turn, text: string, actions: KeywordActions): Promise<boolean> {
  switch (carrierKeyword(text)) {
    case 'help':
      await turn.send({ kind: 'text', text: turn.t('common:smsHelp') });
      return true;
    case 'stop':
      if (turn.profile.optedOut) return true;
      turn.profile.optedOut = true;
      await actions.clearDialogs();
      await actions.cancelScheduled();
      await turn.send({ kind: 'text', text: turn.t('common:smsStopped') });
      return true;
    case 'start':
      if (!turn.profile.optedOut) return false;
      delete turn.profile.optedOut;
      await actions.clearDialogs();
      await actions.begin();
      return true;
    default:
      return false;
  }
}

/**
 * Step: SMS carrier keywords, then the opt-out. A patient who texted STOP gets nothing unprompted,
 * but an urgent sign they typed is still answered (emergency advice went out in the first step).
 * `cancelScheduled` cancels every message scheduled for the turn's user.
 */
export function carrierKeywordStep(cancelScheduled: (run: TurnRun) => Promise<void>): Step {
  return async (run, next) => {
    const { turn } = run;
    const actions: KeywordActions = {
      clearDialogs: async () => { await (await run.dialogs()).cancelAllDialogs(); },
      cancelScheduled: () => cancelScheduled(run),
      begin: async () => { await startOver(await run.dialogs(), turn); },
    };
    if (turn.caps.carrierKeywords && (await handleCarrierKeyword(turn, turn.text, actions))) return;
    if (turn.profile.optedOut) {
      const flag = affirmedFlag(run.verdict);
      if (flag) await turn.send(...adviceMessages(turn, flagDisposition(flag)));
      return;
    }
    await next();
  };
}
