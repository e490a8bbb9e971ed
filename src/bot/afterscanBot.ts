import { randomUUID } from 'node:crypto';
import { ActivityHandler, TurnContext, type ConversationState, type StatePropertyAccessor, type UserState } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from '../sdk/dialogs';
import { adviceMessages } from '../../dialogs/advice';
import { activeQuestionId, AskDialog, answersActiveQuestion } from '../../dialogs/askDialog';
import { ForgetDialog } from '../../dialogs/forgetDialog';
import { DialogIds } from '../../dialogs/ids';
import { LanguageDialog } from '../../dialogs/languageDialog';
import { QuestionsDialog } from '../../dialogs/questionsDialog';
import { applyChosenLanguage, detectFirstLanguage, firstLanguageMessages, handleLanguageChoice } from '../../dialogs/languageTurn';
import { MainDialog, type MainOptions } from '../../dialogs/mainDialog';
import { handleCarrierKeyword, type KeywordActions } from './carrierKeywords';
import type { CommandMatcher } from '../language/commands';
import type { Config } from '../config';
import type { Localizer } from '../language/localizer';
import type { LanguageDirectory } from '../language/directory';
import { KeyedQueue } from '../http/keyedQueue';
import type { Logger } from '../logger';
import type { CheckInStore } from '../schedule/checkInStore';
import { capabilitiesFor, phonesIn, render, type OutMessage } from '../rendering';
import { screenMessageVerdict, type ScreenVerdict } from '../safety/screen';
import { messageText } from './messageText';
import type { AnswerWords } from '../language/answerWords';
import { FLAG_QUESTIONS, flagDisposition, rank, startingAnswers, type Flag } from '../triage';
import { holdFloor, repeatFloor } from '../../dialogs/floor';
import { isRedFlagAnswer, RedFlagCheckDialog, type RedFlagCheckOptions } from '../../dialogs/redFlagCheckDialog';
import type { Lexicon } from '../triage/recognizer';
import { deploymentFor, deploymentT, setTurn, type Profile, type Session, type Turn } from './turn';

/** Follow-up check-ins as the bot sees them: where to book, which days, and each one's window. */
export interface CheckInSettings {
  store: CheckInStore;
  days: readonly number[];
  windowHours: number;
}

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

const FORGET_KEY = Symbol('afterscan.forget');
const conversationKey = (context: TurnContext): string => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
const DAY_MS = 24 * 3600 * 1000;

const newSession = (): Session => ({ answers: {} });
const NOTHING: ScreenVerdict = { kind: 'nothing' };

/** The more urgent of two screen verdicts: affirmed beats possible beats nothing (S2). */
function moreUrgentVerdict(a: ScreenVerdict, b: ScreenVerdict): ScreenVerdict {
  if (a.kind === 'affirmed' && b.kind === 'affirmed') return rank(b.flag.level) < rank(a.flag.level) ? b : a;
  if (a.kind === 'affirmed') return a;
  if (b.kind === 'affirmed') return b;
  return a.kind === 'possible' ? a : b;
}

/** How long emergency or urgent advice given to a user holds across conversations (S8). */
export const FLOOR_HOLD_MS = DAY_MS;

/**
 * The turn pipeline. Every inbound message goes through the red-flag screen on its raw
 * text BEFORE any state is loaded (S1): an emergency is answered even if storage is down.
 * Then the dialog stack runs with per-turn services fixed to the user's language.
 */
export class AfterscanBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly session: StatePropertyAccessor<Session>;
  private readonly profile: StatePropertyAccessor<Profile>;
  private readonly now: () => number;
  private readonly turns = new KeyedQueue();
  /** The deployment's numbers, in every language's contact text: wherever a message names one, it is tap-to-call. */
  private readonly phones: readonly string[];

  constructor(private readonly deps: BotDeps) {
    super();
    this.now = deps.now ?? Date.now;
    const { config } = deps;
    const contacts = [config.careTeamContact, ...Object.values(config.careTeamContacts), config.pregnancyContact];
    this.phones = [config.emergencyNumber, ...(config.urgentNumber ? [config.urgentNumber] : []), ...contacts.flatMap(phonesIn)];
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.session = deps.conversationState.createProperty<Session>('session');
    this.profile = deps.userState.createProperty<Profile>('profile');
    // The language menu can open at the root, before any conversation: it needs the question it asks
    // with, and the questions a patient may type instead of an answer (AskDialog opens them).
    this.dialogs = new DialogSet(this.dialogState).add(new MainDialog()).add(new ForgetDialog())
      .add(new LanguageDialog()).add(new AskDialog()).add(new QuestionsDialog()).add(new RedFlagCheckDialog());
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.startIfIdle(context);
      await next();
    });
    // Teams announces a personal install with installationUpdate, not with the user joining.
    // An upgrade ("add-upgrade") of an installed app is not a new patient: no welcome then.
    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.action === 'add') await this.startIfIdle(context);
      await next();
    });
  }

  /** One turn at a time per conversation, whichever way it arrives (HTTP, local Direct Line, a check-in). */
  override async run(context: TurnContext): Promise<void> {
    await this.turns.run(conversationKey(context), async () => {
      await super.run(context);
      if (context.turnState.get(FORGET_KEY)) {
        await this.erase(context);
        return;
      }
      await this.deps.conversationState.saveChanges(context);
      await this.deps.userState.saveChanges(context);
    });
  }

  /** The user-state key, which also identifies the user's check-ins. */
  userKey(context: TurnContext): string {
    return `${context.activity.channelId}/users/${context.activity.from?.id ?? ''}`;
  }

  /** Forget me: the conversation's and the user's state and every check-in of theirs. */
  private async erase(context: TurnContext): Promise<void> {
    await this.deps.conversationState.delete(context);
    await this.deps.userState.delete(context);
    this.deps.checkIns?.store.deleteForUser(this.userKey(context));
    this.deps.onErase?.(context.activity.conversation?.id ?? '');
  }

  /** Books the configured check-ins for this conversation, to be sent proactively. */
  private scheduleCheckIns(context: TurnContext, settings: CheckInSettings, lng: string): void {
    // The reference carries the language, so the check-in speaks it even before state loads.
    const reference = { ...TurnContext.getConversationReference(context.activity), locale: lng } as unknown as Record<string, unknown>;
    const start = this.now();
    settings.store.add(settings.days.map((day) => ({
      id: randomUUID(), userKey: this.userKey(context), reference, locale: lng,
      dueAt: start + day * DAY_MS, expiresAt: start + day * DAY_MS + settings.windowHours * 3600 * 1000,
    })));
  }

  /**
   * A proactive check-in: greet, then the same symptom check and rules as before. Coming back
   * with the same persisting symptom moves the advice up a tier (repeat contact).
   */
  async startCheckIn(context: TurnContext): Promise<void> {
    await this.turns.run(conversationKey(context), () => this.checkIn(context));
  }

  private async checkIn(context: TurnContext): Promise<void> {
    const turn = this.makeTurn(context);
    await this.loadState(context, turn);
    applyChosenLanguage(turn);
    if (turn.profile.optedOut) return; // texted STOP after this check-in was claimed
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    turn.session.answers = startingAnswers(turn.scanType);
    turn.session.consented = true;
    turn.session.explained = true;
    await turn.send({ kind: 'text', text: turn.t('outcome:followUp.hello') });
    await turn.send(...repeatFloor(turn));
    await dc.beginDialog(DialogIds.main, { from: 'symptoms' } satisfies MainOptions);
    await this.deps.conversationState.saveChanges(context);
    await this.deps.userState.saveChanges(context);
  }

  /** Per-turn services; session and profile start empty and are filled once state loads. */
  makeTurn(context: TurnContext): Turn {
    const { config, localizer } = this.deps;
    const lng = localizer.negotiate(context.activity.locale);
    const caps = capabilitiesFor(context.activity.channelId);
    /** Everything that follows the turn's language; set here and again by useLanguage. */
    const inLanguage = (next: string): Pick<Turn, 'lng' | 't' | 'lexicon' | 'commands' | 'answers'> => ({
      lng: next,
      t: deploymentT(localizer.fixedT(next), deploymentFor(config, next), () => turn.session.audience),
      lexicon: this.deps.lexicon(next),
      commands: this.deps.commands(next),
      answers: this.deps.answerWords(next),
    });
    const turn: Turn = {
      ...inLanguage(lng),
      emergencyNumber: config.emergencyNumber,
      hasUrgentLine: config.urgentNumber !== null,
      hasRepeatWindow: config.repeatScanDays !== undefined,
      repeatWindowContext: config.repeatScanDays && config.repeatScanDays.min === config.repeatScanDays.max ? 'single' : undefined,
      repeatWindowCount: config.repeatScanDays?.max,
      caps,
      text: messageText(context.activity),
      scanType: config.scanType,
      region: config.region,
      languages: this.deps.languages,
      useLanguage: (next) => { Object.assign(turn, inLanguage(next)); },
      session: newSession(),
      profile: {},
      now: this.now,
      forget: () => { context.turnState.set(FORGET_KEY, true); },
      send: async (...messages: OutMessage[]) => {
        if (messages.length > 0) await context.sendActivities(messages.flatMap((m) => render(m, caps, this.deps.languages.dirOf(turn.lng), this.phones).map((a) => ({ ...a, locale: turn.lng }))));
      },
    };
    const settings = this.deps.checkIns;
    if (settings) {
      turn.checkIns = {
        days: settings.days,
        available: () => settings.store.pendingFor(this.userKey(context)).length === 0,
        schedule: () => this.scheduleCheckIns(context, settings, turn.lng),
      };
    }
    setTurn(context, turn);
    return turn;
  }

  /**
   * Red flags in the turn's language, in English (so an English red flag is never missed), and
   * in the language the message itself is written in when that is clearly a third one (H17).
   */
  screenText(text: string, lng: string): ScreenVerdict {
    // A language's name on its own ("espanhol", "polski") is a choice of language, never a red flag.
    if (this.deps.languages.named(text)) return NOTHING;
    return screenMessageVerdict(text, lng, this.deps.lexicon, (t) => this.deps.languages.detect(t));
  }

  /** Forgets the dialog stack (used by the error boundary). */
  async clearDialogs(context: TurnContext): Promise<void> {
    await this.dialogState.delete(context);
    await this.deps.conversationState.saveChanges(context, true);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = this.makeTurn(context);
    const text = turn.text;
    let verdict = text ? this.screenText(text, turn.lng) : NOTHING;
    if (verdict.kind === 'affirmed' && verdict.flag.level === 'emergency') {
      // In the patient's chosen language (or, on a first SMS, the language it is written in) when
      // state can be read; if it cannot, the advice goes out anyway (S1).
      await this.loadState(context, turn).then(() => {
        applyChosenLanguage(turn);
        detectFirstLanguage(turn, context.activity.locale, text);
      }, () => undefined);
      await turn.send(...adviceMessages(turn, flagDisposition(verdict.flag)));
      await this.afterEmergency(context, turn, verdict.flag);
      return;
    }
    await this.loadState(context, turn);
    const channelLng = turn.lng;
    applyChosenLanguage(turn);
    const detected = detectFirstLanguage(turn, context.activity.locale, text);
    if (turn.lng !== channelLng && text) {
      // The screen above read the channel's language; the patient chose another: read it again.
      verdict = moreUrgentVerdict(verdict, this.screenText(text, turn.lng));
      if (verdict.kind === 'affirmed' && verdict.flag.level === 'emergency') {
        await turn.send(...adviceMessages(turn, flagDisposition(verdict.flag)));
        await this.afterEmergency(context, turn, verdict.flag);
        return;
      }
    }
    const flag = verdict.kind === 'affirmed' ? verdict.flag : null;
    if (turn.caps.carrierKeywords && (await handleCarrierKeyword(turn, text, this.keywordActions(context, turn)))) return;
    if (turn.profile.optedOut) {
      // Opted out (SMS STOP): nothing unprompted, but a red flag the patient typed is still answered.
      if (flag) await turn.send(...adviceMessages(turn, flagDisposition(flag)));
      return;
    }
    if (detected) await turn.send(...firstLanguageMessages(turn, detected));
    // A carer who says so before consenting ("it's for my dad") gets the carer wording from the start.
    if (!turn.session.consented && turn.answers.has('carer', text)) turn.session.audience = 'carer';
    const dc = await this.dialogs.createContext(context);
    if (!flag && verdict.kind === 'nothing' && (await handleLanguageChoice(dc, turn, text, () => this.begin(dc, turn)))) return;
    const floor = turn.session.floor;
    if (flag && (!floor || rank(floor.level) > rank(flag.level))) {
      holdFloor(turn, flag);
      // "Worse" tapped or typed as the answer to the question on screen: record it and go on;
      // the floor keeps the coming advice at least this urgent. Anything else gets the advice now.
      if (answersActiveQuestion(dc, turn, text)) {
        await dc.continueDialog();
        return;
      }
      turn.session.lastDisposition = flagDisposition(flag);
      await turn.send(...adviceMessages(turn, turn.session.lastDisposition));
      await dc.cancelAllDialogs();
      await dc.beginDialog(DialogIds.main, { from: 'next', menu: 'afterFlag' } satisfies MainOptions);
      return;
    }
    if (flag) holdFloor(turn, flag);
    else if (verdict.kind === 'possible') {
      // A red flag may be there: one direct question about it (S9, H21); "no" carries on where the
      // patient was. Unless the question on screen is the one about that very flag and reads the
      // text as its answer ("maybe a little" at the breathing question).
      // Not about a flag already denied when asked, and not at the teach-back, whose answers name symptoms.
      const onScreen = activeQuestionId(dc);
      const denied = new Set(turn.session.deniedFlags ?? []);
      const first = onScreen === 'teachBack' ? undefined
        : verdict.flags.find((f) => !denied.has(f.code) && (FLAG_QUESTIONS[f.code] !== onScreen || !answersActiveQuestion(dc, turn, text)));
      if (first) {
        await dc.beginDialog(DialogIds.redFlagCheck, { flag: first.code, level: first.level } satisfies RedFlagCheckOptions);
        return;
      }
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.complete && !dc.activeDialog && isRedFlagAnswer(result.result)) {
      // A direct red-flag question asked before anything else: urgent advice was given (the menu
      // follows, as after a typed flag), or the answer was no (the check starts as usual).
      if (result.result.redFlagAnswer === 'no') await this.begin(dc, turn);
      else await dc.beginDialog(DialogIds.main, { from: 'next', menu: 'afterFlag' } satisfies MainOptions);
      return;
    }
    if (result.status === DialogTurnStatus.empty) {
      const command = turn.commands.command(text);
      if (command === 'stop') {
        await turn.send({ kind: 'text', text: turn.t('common:stopped') });
        return;
      }
      if (command === 'forget') {
        await dc.beginDialog(DialogIds.forget);
        return;
      }
      await this.begin(dc, turn);
    }
  }

  /** After emergency advice was sent: note it and clear the stack, but never let storage failure undo the advice. */
  private async afterEmergency(context: TurnContext, turn: Turn, flag: Flag): Promise<void> {
    try {
      await this.loadState(context, turn);
      holdFloor(turn, flag);
      turn.session.lastDisposition = flagDisposition(flag);
      const dc = await this.dialogs.createContext(context);
      await dc.cancelAllDialogs();
    } catch (error) {
      this.deps.logger.error({ event: 'state_after_emergency_failed', err: (error as Error).name }, 'state unavailable after emergency advice');
    }
  }

  private async startIfIdle(context: TurnContext): Promise<void> {
    const turn = this.makeTurn(context);
    await this.loadState(context, turn);
    applyChosenLanguage(turn);
    const dc = await this.dialogs.createContext(context);
    if (!dc.activeDialog && !turn.profile.optedOut) await this.begin(dc, turn);
  }

  /** STOP cancels the pending check-ins and whatever else `onOptOut` knows about; a failing hook is logged, never fatal. */
  private keywordActions(context: TurnContext, turn: Turn): KeywordActions {
    return {
      clearDialogs: async () => { await (await this.dialogs.createContext(context)).cancelAllDialogs(); },
      cancelScheduled: async () => {
        const userKey = this.userKey(context);
        const cancels = [async () => { this.deps.checkIns?.store.cancelForUser(userKey, this.now()); }, async () => this.deps.onOptOut?.(userKey)];
        for (const cancel of cancels) {
          await cancel().catch((error: unknown) => {
            this.deps.logger.error({ event: 'opt_out_cancel_failed', err: (error as Error).name }, 'could not cancel scheduled messages after STOP');
          });
        }
      },
      begin: async () => { await this.begin(await this.dialogs.createContext(context), turn); },
    };
  }

  /**
   * A fresh check: the answers start over, but emergency or urgent advice given earlier holds
   * (S8, hazard H19): it is said again before anything is asked, and no later advice is lower.
   */
  private async begin(dc: Awaited<ReturnType<DialogSet['createContext']>>, turn: Turn): Promise<void> {
    turn.session.answers = startingAnswers(turn.scanType);
    await turn.send(...repeatFloor(turn));
    await dc.beginDialog(DialogIds.main, { from: 'start' } satisfies MainOptions);
  }

  /** Loads the conversation's and the user's state; a floor the user was given in the last 24 hours holds here too (S8). */
  private async loadState(context: TurnContext, turn: Turn): Promise<void> {
    turn.session = await this.session.get(context, newSession());
    turn.profile = await this.profile.get(context, {});
    const held = turn.profile.floor;
    if (held && this.now() - held.at <= FLOOR_HOLD_MS && (!turn.session.floor || rank(held.level) < rank(turn.session.floor.level))) {
      turn.session.floor = { level: held.level, reasons: [...held.reasons] };
    }
  }
}
