import { ActivityHandler, type ConversationState, type TurnContext, type StatePropertyAccessor, type UserState } from 'botbuilder';
import { DialogSet, type DialogState } from '../sdk/dialogs';
import { ForgetDialog } from '../../dialogs/forgetDialog';
import { LanguageDialog } from '../../dialogs/languageDialog';
import { MainDialog } from '../../dialogs/mainDialog';
import { QuestionsDialog } from '../../dialogs/questionsDialog';
import { RedFlagCheckDialog } from '../../dialogs/redFlagCheckDialog';
import { startOver } from '../../dialogs/startOver';
import { applyChosenLanguage } from '../../dialogs/languageTurn';
import type { Config } from '../config';
import type { AnswerWords } from '../language/answerWords';
import type { CommandMatcher } from '../language/commands';
import type { LanguageDirectory } from '../language/directory';
import type { Localizer } from '../language/localizer';
import { KeyedQueue } from '../http/keyedQueue';
import type { Logger } from '../logger';
import { createRedFlagScreen } from '../safety/screen';
import type { Lexicon } from '../triage/recognizer';
import { checkInBooking, type CheckInSettings } from './checkIns';
import { turnServices } from './createTurn';
import { compose, createRun, type RunParts, type TurnRun } from './pipeline';
import { audienceStep } from './steps/audience';
import { carrierKeywordStep } from './steps/carrierKeywords';
import { commandStep } from './steps/commands';
import { dialogStep } from './steps/dialogs';
import { emergencyAdvice } from './steps/emergency';
import { languageChoiceStep, languageNoticeStep, languageStep } from './steps/language';
import { loadStateStep } from './steps/loadState';
import { redFlagStep } from './steps/redFlag';
import { screenStep } from './steps/screen';
import type { Profile, Session, Turn } from './turn';

export interface BotDeps {
  config: Readonly<Config>;
  conversationState: ConversationState;
  userState: UserState;
  localizer: Localizer;
  languages: LanguageDirectory;
  lexicon: (lng: string) => Lexicon;
  commands: (lng: string) => CommandMatcher;
  answerWords: (lng: string) => AnswerWords;
  logger: Logger;
  now?: () => number;
  checkIns?: CheckInSettings;
  /** Called when an SMS user texts STOP, to cancel anything else scheduled for them (by user-state key). */
  onOptOut?: (userKey: string) => Promise<void>;
  /**
   * Called after "forget me" erased a conversation's state: makes the deletion final on disk and
   * lets a channel kept in this process drop its copy of the conversation too.
   */
  onErase?: (conversationId: string) => void;
}

const RUN_KEY = Symbol('afterscan.run');

/** The dialogs a turn can open at the root; each brings the dialogs it uses. */
export function rootDialogs(dialogState: StatePropertyAccessor<DialogState>): DialogSet {
  return new DialogSet(dialogState).add(new MainDialog()).add(new ForgetDialog())
    .add(new LanguageDialog()).add(new QuestionsDialog()).add(new RedFlagCheckDialog());
}
const conversationKey = (context: TurnContext): string => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;

/**
 * The bot: one turn at a time per conversation, each a pipeline of small steps
 * (src/bot/steps/). Every message goes through the red-flag screen on its raw text BEFORE
 * any state is loaded (S1): an emergency is answered even if storage is down. State is saved
 * once, at the end of the turn, inside the per-conversation lock; a turn that fails clears its
 * dialog stack inside the lock too, then the error boundary answers (src/bot/errorBoundary.ts).
 */
export class AfterscanBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly now: () => number;
  private readonly turns = new KeyedQueue();
  private readonly parts: RunParts;
  private readonly message: (run: TurnRun) => Promise<void>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.now = deps.now ?? Date.now;
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.parts = {
      services: turnServices(deps.config, { ...deps, now: this.now }),
      dialogs: rootDialogs(this.dialogState),
      session: deps.conversationState.createProperty<Session>('session'),
      profile: deps.userState.createProperty<Profile>('profile'),
    };
    const screen = createRedFlagScreen(deps.lexicon, deps.languages);
    const emergency = emergencyAdvice(deps.logger);
    this.message = compose([
      screenStep(screen, emergency),
      loadStateStep,
      languageStep(screen, emergency),
      carrierKeywordStep((run) => this.cancelScheduled(run)),
      languageNoticeStep,
      audienceStep,
      languageChoiceStep,
      redFlagStep,
      commandStep,
      dialogStep,
    ]);
    this.onMessage(async (context, next) => {
      await this.message(this.runOf(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.startIfIdle(this.runOf(context));
      await next();
    });
    // Teams announces a personal install with installationUpdate, not with the user joining.
    // An upgrade ("add-upgrade") of an installed app is not a new patient: no welcome then.
    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.action === 'add') await this.startIfIdle(this.runOf(context));
      await next();
    });
  }

  /** One turn at a time per conversation, whichever way it arrives (HTTP, local Direct Line, a check-in). */
  override async run(context: TurnContext): Promise<void> {
    await this.locked(context, () => super.run(context));
  }

  /**
   * A proactive check-in: greet, then the same symptom check and rules as before. Coming back
   * with the same persisting symptom moves the advice up a tier (repeat contact).
   */
  async startCheckIn(context: TurnContext): Promise<void> {
    await this.locked(context, async () => {
      const run = this.runOf(context);
      const { turn } = run;
      await run.loadState();
      applyChosenLanguage(turn);
      if (turn.profile.optedOut) return; // texted STOP after this check-in was claimed
      turn.session.consented = true;
      turn.session.explained = true;
      await startOver(await run.dialogs(), turn, [{ kind: 'text', text: turn.t('outcome:followUp.hello') }]);
    });
  }

  /** The user-state key, which also identifies the user's check-ins. */
  userKey(context: TurnContext): string {
    return `${context.activity.channelId}/users/${context.activity.from?.id ?? ''}`;
  }

  /**
   * The turn's body, then its state saved (or erased, after "forget me"): all inside the
   * conversation's lock. A turn that fails leaves no dialog stack behind: it is cleared and saved
   * before the next turn of the conversation may start, then the error goes to the boundary.
   */
  private async locked(context: TurnContext, body: () => Promise<void>): Promise<void> {
    await this.turns.run(conversationKey(context), async () => {
      try {
        await body();
        if (this.forgetting(context)) await this.erase(context);
        else {
          await this.deps.conversationState.saveChanges(context);
          await this.deps.userState.saveChanges(context);
        }
      } catch (error) {
        await this.clearDialogs(context);
        throw error;
      }
    });
  }

  /** Forgets the dialog stack so the next message starts clean; a failure is logged, never thrown. */
  private async clearDialogs(context: TurnContext): Promise<void> {
    try {
      await this.dialogState.delete(context);
      await this.deps.conversationState.saveChanges(context, true);
    } catch (error) {
      this.deps.logger.warn({ event: 'clear_dialogs_failed', err: (error as Error)?.name }, 'could not clear the dialog stack');
    }
  }

  private forgetting(context: TurnContext): boolean {
    return context.turnState.get(RUN_KEY)?.forget === true;
  }

  /** Forget me: the conversation's and the user's state and every check-in of theirs. */
  private async erase(context: TurnContext): Promise<void> {
    await this.deps.conversationState.delete(context);
    await this.deps.userState.delete(context);
    this.deps.checkIns?.store.deleteForUser(this.userKey(context));
    this.deps.onErase?.(context.activity.conversation?.id ?? '');
  }

  /** The turn's run, made once per turn. */
  private runOf(context: TurnContext): TurnRun {
    const held = context.turnState.get(RUN_KEY) as { run: TurnRun } | undefined;
    if (held) return held.run;
    const marks: { forget?: boolean } = {};
    const run = createRun(this.parts, context, {
      forget: () => { marks.forget = true; },
      checkIns: (turn) => (this.deps.checkIns ? checkInBooking(this.deps.checkIns, context, turn, this.userKey(context), this.now) : undefined),
    });
    context.turnState.set(RUN_KEY, Object.assign(marks, { run }));
    return run;
  }

  private async startIfIdle(run: TurnRun): Promise<void> {
    await run.loadState();
    applyChosenLanguage(run.turn);
    const dc = await run.dialogs();
    if (!dc.activeDialog && !run.turn.profile.optedOut) await startOver(dc, run.turn);
  }

  /** STOP cancels the pending check-ins and whatever else `onOptOut` knows about; a failing hook is logged, never fatal. */
  private async cancelScheduled(run: TurnRun): Promise<void> {
    const userKey = this.userKey(run.context);
    const cancels = [async () => { this.deps.checkIns?.store.cancelForUser(userKey, this.now()); }, async () => this.deps.onOptOut?.(userKey)];
    for (const cancel of cancels) {
      await cancel().catch((error: unknown) => {
        this.deps.logger.error({ event: 'opt_out_cancel_failed', err: (error as Error).name }, 'could not cancel scheduled messages after STOP');
      });
    }
  }
}
