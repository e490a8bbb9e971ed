import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from '../src/sdk/dialogs';
import { getTurn, type Turn } from '../src/bot/turn';
import { DialogIds } from './ids';
import { answerTopic } from './topics';
import { labelOf, readAnswer, type AskChoice, type ReaderKind } from './readers';

/** Options for one question. Plain data: it is stored in dialog state between turns. */
export interface AskOptions {
  /** Stable question id, carried by the question's entity (README lists them). */
  id: string;
  /** Translation key of the question. */
  textKey: string;
  /** Values for the question's placeholders. */
  textParams?: Record<string, string | number>;
  choices: AskChoice[];
  reader: ReaderKind;
  /**
   * What an answer that still cannot be read after one re-ask counts as. Clinical questions
   * use "unsure", which moves the advice up a tier (S2), and say so; menus use their safe
   * default. Null: never assumed, asked again (consent is never taken as a refusal).
   */
  fallback: string | null;
  /** Say that an unreadable answer was counted as "not sure" (clinical questions). */
  announceFallback?: boolean;
  /** The question asks "now, or since your scan" (an answer about the past is a yes). */
  since?: boolean;
  /** A direct question about a possible red flag: its entity names the flag and level. */
  redFlag?: { flag: string; level: 'emergency' | 'urgent' };
  /** Said before asking again when the reply could not be read (default: common:notUnderstood). */
  againKey?: string;
}

interface AskState {
  options: AskOptions;
  misses: number;
}

function choicesText(turn: Turn, options: AskOptions): string {
  return options.choices.map((c) => labelOf(turn, c)).join(turn.t('common:listJoin'));
}

function ask(turn: Turn, options: AskOptions): Promise<void> {
  return turn.send({
    kind: 'question', id: options.id, text: turn.t(options.textKey, options.textParams),
    choices: options.choices.map((c) => ({ value: c.value, label: labelOf(turn, c) })),
    ...(options.redFlag ? { redFlag: options.redFlag } : {}),
  });
}

/** Reads the reply with the question's reader. */
function read(turn: Turn, options: AskOptions): string | null {
  return readAnswer(turn, turn.text, options.reader, options.choices, { since: options.since });
}

/**
 * Asks one question and reads the reply with the project's own readers, never with the
 * SDK's choice recognizers (which guess from any number or the first matching word).
 * A reply it cannot read is asked again once; after that the fallback stands. A known
 * question topic typed instead of an answer is answered, then the question is asked again.
 */
export class AskDialog extends Dialog<AskOptions> {
  constructor() {
    super(DialogIds.ask);
  }

  override async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('ask: options required');
    const state: AskState = { options, misses: 0 };
    dc.activeDialog!.state = state;
    await ask(getTurn(dc.context), options);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    const turn = getTurn(dc.context);
    const state = dc.activeDialog!.state as AskState;
    const answer = read(turn, state.options);
    if (answer !== null) return dc.endDialog(answer);
    const topic = turn.commands.topic(turn.text);
    if (topic) {
      await answerTopic(turn, topic);
      await ask(turn, state.options);
      return Dialog.EndOfTurn;
    }
    state.misses += 1;
    if (state.misses >= 2 && state.options.fallback !== null) {
      if (state.options.announceFallback) await turn.send({ kind: 'text', text: turn.t('common:takenAsUnsure') });
      return dc.endDialog(state.options.fallback);
    }
    const again = turn.t(state.options.againKey ?? 'common:notUnderstood');
    await turn.send({ kind: 'text', text: `${again} ${turn.t(turn.caps.numberedChoices ? 'common:tryAgainNumbered' : 'common:tryAgain', { options: choicesText(turn, state.options) })}` });
    await ask(turn, state.options);
    return Dialog.EndOfTurn;
  }

  /** Back from an interruption (a question answered, help shown): ask again. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await ask(getTurn(context), (instance.state as AskState).options);
  }
}

/** Yes / no / not sure, the choice set of every yes-no clinical question. */
export const YES_NO_CHOICES: AskChoice[] = [
  { value: 'yes', labelKey: 'common:choices.yes' },
  { value: 'no', labelKey: 'common:choices.no' },
  { value: 'unsure', labelKey: 'common:choices.unsure' },
];

export const TREND_CHOICES: AskChoice[] = [
  { value: 'worse', labelKey: 'common:choices.worse' },
  { value: 'same', labelKey: 'common:choices.same' },
  { value: 'better', labelKey: 'common:choices.better' },
  { value: 'gone', labelKey: 'common:choices.gone' },
  { value: 'unsure', labelKey: 'common:choices.unsure' },
];

/** The id of the question on screen (the innermost active ask), if any. */
export function activeQuestionId(dc: DialogContext): string | undefined {
  let inner: DialogContext = dc;
  while (inner.child) inner = inner.child;
  const active = inner.activeDialog;
  return active?.id === DialogIds.ask ? (active.state as AskState).options.id : undefined;
}

/**
 * True when the innermost active dialog is a question that can read this text as an answer.
 * Lets the safety screen tell "Worse" (an answer) from a red flag typed out of turn.
 */
export function answersActiveQuestion(dc: DialogContext, turn: Turn, text: string): boolean {
  let inner: DialogContext = dc;
  while (inner.child) inner = inner.child;
  const active = inner.activeDialog;
  if (active?.id !== DialogIds.ask) return false;
  const { options } = active.state as AskState;
  return readAnswer(turn, text, options.reader, options.choices, { since: options.since }) !== null;
}
