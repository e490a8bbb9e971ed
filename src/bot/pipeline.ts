import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet } from '../sdk/dialogs';
import type { ScreenVerdict } from '../safety/screen';
import { rank } from '../triage';
import { createTurn, type TurnHooks, type TurnServices } from './createTurn';
import type { Profile, Session, Turn } from './turn';

/**
 * One message's way through the bot. Steps read and write this; each step either ends the turn
 * (returns without calling next) or passes it on. The turn's state is loaded once and its dialog
 * context made once, whichever step first needs them.
 */
export interface TurnRun {
  readonly context: TurnContext;
  readonly turn: Turn;
  /** What the red-flag screen read in the patient's words (affirmed, possible or nothing). */
  verdict: ScreenVerdict;
  /** A first SMS's language: just detected, or not shown yet (src/bot/steps/language.ts). */
  detected: 'detected' | 'unsure' | null;
  /** Loads the conversation's and the user's state into the turn (once; later calls are no-ops). */
  loadState(): Promise<void>;
  /** The dialog context of this turn (made once). */
  dialogs(): Promise<DialogContext>;
}

/** One named step of the turn. */
export type Step = (run: TurnRun, next: () => Promise<void>) => Promise<void>;

/** Steps run in order, like middleware: each can end the turn by not calling next. */
export function compose(steps: readonly Step[]): (run: TurnRun) => Promise<void> {
  return (run) => {
    const at = (i: number): Promise<void> => {
      const step = steps[i];
      return step ? step(run, () => at(i + 1)) : Promise.resolve();
    };
    return at(0);
  };
}

/** How long emergency or urgent advice given to a user holds across conversations (S8). */
export const FLOOR_HOLD_MS = 24 * 3600 * 1000;

/** Where a run finds what it needs: the turn's services, the dialogs and the two state properties. */
export interface RunParts {
  services: TurnServices;
  dialogs: DialogSet;
  session: StatePropertyAccessor<Session>;
  profile: StatePropertyAccessor<Profile>;
}

/**
 * The run of one turn: its Turn (made by createTurn), the state loaded at most once (a failed
 * load may be tried again), one dialog context. The bot and the step tests both make runs here.
 */
export function createRun(parts: RunParts, context: TurnContext, hooks: TurnHooks): TurnRun {
  const turn = createTurn(parts.services, context, hooks);
  let loading: Promise<void> | undefined;
  let dc: Promise<DialogContext> | undefined;
  return {
    context, turn, verdict: { kind: 'nothing' }, detected: null,
    loadState: () => (loading ??= loadPatientState(parts, context, turn).catch((error: unknown) => {
      loading = undefined;
      throw error;
    })),
    dialogs: () => (dc ??= parts.dialogs.createContext(context)),
  };
}

/** Loads the conversation's and the user's state; a floor the user was given in the last 24 hours holds here too (S8). */
async function loadPatientState(parts: RunParts, context: TurnContext, turn: Turn): Promise<void> {
  turn.session = await parts.session.get(context, { answers: {} });
  turn.profile = await parts.profile.get(context, {});
  const held = turn.profile.floor;
  if (held && parts.services.now() - held.at <= FLOOR_HOLD_MS && (!turn.session.floor || rank(held.level) < rank(turn.session.floor.level))) {
    turn.session.floor = { level: held.level, reasons: [...held.reasons] };
  }
}
