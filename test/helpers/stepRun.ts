import os from 'node:os';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { rootDialogs } from '../../src/bot/afterscanBot';
import { turnServices } from '../../src/bot/createTurn';
import { createRun, type RunParts, type Step, type TurnRun } from '../../src/bot/pipeline';
import { loadConfig } from '../../src/config';
import { loadAnswerWords } from '../../src/language/answerWords';
import { loadCommands } from '../../src/language/commands';
import { buildLanguageDirectory } from '../../src/language/directory';
import { loadLexicon } from '../../src/language/lexicons';
import { createLocalizer } from '../../src/language/localizer';
import type { DialogState } from '../../src/sdk/dialogs';
import type { Profile, Session } from '../../src/bot/turn';

const localizer = createLocalizer('en');
const languages = buildLanguageDirectory(localizer, 'en');
// Each loader compiles a language once per process and caches it.
const lexicon = (lng: string) => loadLexicon(lng);
const commands = (lng: string) => loadCommands(lng);
const answerWords = (lng: string) => loadAnswerWords(lng);

/** One conversation's world for step tests: real services, real dialogs, state in memory. */
export interface StepWorld {
  storage: MemoryStorage;
  parts: RunParts;
  conversationState: ConversationState;
  userState: UserState;
}

export function stepWorld(env: Record<string, string> = {}, now: () => number = () => 1_700_000_000_000): StepWorld {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: os.tmpdir(), ...env });
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const parts: RunParts = {
    services: turnServices(config, { localizer, languages, now, lexicon, commands, answerWords }),
    dialogs: rootDialogs(conversationState.createProperty<DialogState>('dialogState')),
    session: conversationState.createProperty<Session>('session'),
    profile: userState.createProperty<Profile>('profile'),
  };
  return { storage, parts, conversationState, userState };
}

export interface StepOutcome {
  run: TurnRun;
  /** What the step sent, in order. */
  sent: Partial<Activity>[];
  /** Whether the step passed the turn on. */
  passedOn: boolean;
  /** Whether "forget me" was confirmed. */
  forgot: boolean;
}

/**
 * One message through `steps` (run in order, as the bot composes them) on a real TurnContext,
 * then the state saved as the bot saves it. `before` may prepare the run (a verdict, a language).
 */
export async function runSteps(world: StepWorld, steps: readonly Step[], activity: Partial<Activity>, before?: (run: TurnRun) => void | Promise<void>): Promise<StepOutcome> {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, {
    type: 'message', channelId: 'test', conversation: { id: 'steps-1', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'steps-user', name: '' }, recipient: { id: 'afterscan', name: '' }, serviceUrl: 'http://127.0.0.1:1', locale: 'en-GB',
    ...activity,
  } as Activity);
  const sent: Partial<Activity>[] = [];
  context.onSendActivities(async (_ctx, activities) => {
    sent.push(...activities);
    return activities.map(() => ({ id: '' }));
  });
  let forgot = false;
  const run = createRun(world.parts, context, { forget: () => { forgot = true; } });
  await before?.(run);
  let passedOn = false;
  const chain = [...steps, async () => { passedOn = true; }] as Step[];
  const at = async (i: number): Promise<void> => chain[i]?.(run, () => at(i + 1));
  await at(0);
  await world.conversationState.saveChanges(context);
  await world.userState.saveChanges(context);
  return { run, sent, passedOn, forgot };
}

/** The texts sent. */
export const sentTexts = (sent: readonly Partial<Activity>[]): string[] => sent.map((a) => a.text ?? '');
/** The levels of the advice sent (S4 disposition entities). */
export const sentLevels = (sent: readonly Partial<Activity>[]): string[] =>
  sent.flatMap((a) => (a.entities ?? []).filter((e) => (e as { type?: string }).type === 'disposition').map((e) => (e as unknown as { level: string }).level));
/** The question ids asked. */
export const askedIds = (sent: readonly Partial<Activity>[]): string[] =>
  sent.flatMap((a) => (a.entities ?? []).filter((e) => (e as { type?: string }).type === 'question').map((e) => (e as unknown as { id: string }).id));
