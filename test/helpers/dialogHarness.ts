import { ConversationState, MemoryStorage, type Middleware, type TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { loadAnswerWords } from '../../src/language/answerWords';
import { loadCommands } from '../../src/language/commands';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { type CardAttachment } from './cards';
import { buildLanguageDirectory } from '../../src/language/directory';
import { createTurn, type TurnServices } from '../../src/bot/createTurn';
import type { ScanType } from '../../src/triage';
import type { Profile, Session, Translate } from '../../src/bot/turn';

const localizer = createLocalizer('en');
localizer.instance.options.appendNamespaceToCIMode = true;

export interface Harness {
  client: DialogTestClient;
  session: Session;
  profile: Profile;
}

/**
 * One dialog under botbuilder-testing's DialogTestClient, with the per-turn services the bot
 * would set. Text comes from i18next's cimode, so replies are message keys ("outcome:urgent.title"):
 * tests assert which message was chosen, independent of wording.
 */
export function dialogHarness(dialog: Dialog, options: { channelId?: string; session?: Session; profile?: Profile; now?: number; initial?: unknown; scanType?: ScanType; region?: string } = {}): Harness {
  const session: Session = options.session ?? { answers: {} };
  const profile: Profile = options.profile ?? {};
  const channelId = options.channelId ?? 'test';
  const languages = buildLanguageDirectory(localizer, 'en');
  const services: TurnServices = {
    deployment: { emergencyNumber: '999', hasUrgentLine: true, hasRepeatWindow: false, scanType: options.scanType ?? 'unknown', region: options.region ?? 'uk' },
    languages,
    negotiate: () => 'en',
    translator: () => localizer.fixedT('cimode') as unknown as Translate,
    lexicon: loadLexicon, commands: loadCommands, answerWords: loadAnswerWords,
    phones: [],
    now: () => options.now ?? 1_700_000_000_000,
  };
  const middleware: Middleware = {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      // The bot's own createTurn, with the state the test gave (the bot loads it from storage).
      Object.assign(createTurn(services, context, { forget: () => undefined }), { session, profile });
      await next();
    },
  };
  const client = new DialogTestClient(channelId, dialog, options.initial, [middleware], new ConversationState(new MemoryStorage()));
  return { client, session, profile };
}

/** Sends one message and collects every reply of that turn. */
export async function turn(client: DialogTestClient, text: string): Promise<{ text: string; entities?: { type: string; level?: string; reasons?: string[] }[]; suggestedActions?: { actions: { title: string }[] }; attachments?: CardAttachment[] }[]> {
  const replies = [];
  let reply = await client.sendActivity(text);
  while (reply) {
    replies.push(reply);
    reply = client.getNextReply();
  }
  return replies;
}
