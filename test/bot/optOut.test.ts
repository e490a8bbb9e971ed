import { Writable } from 'node:stream';
import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadAnswerWords } from '../../src/language/answerWords';
import { AfterscanBot, type BotDeps } from '../../src/bot/afterscanBot';
import { carrierKeyword } from '../../src/bot/steps/carrierKeywords';
import { loadCommands } from '../../src/language/commands';
import { loadConfig } from '../../src/config';
import { buildLanguageDirectory } from '../../src/language/directory';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { createLogger } from '../../src/logger';

const PHONE = '+447700900123';

/** The bot on botbuilder's TestAdapter as the SMS channel, with the opt-out hook under test. */
function smsBot(onOptOut: BotDeps['onOptOut']): { adapter: TestAdapter; logs: string[] } {
  const logs: string[] = [];
  const storage = new MemoryStorage();
  const localizer = createLocalizer('en');
  const bot = new AfterscanBot({
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent' }),
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    localizer, languages: buildLanguageDirectory(localizer, 'en'),
    lexicon: (lng) => loadLexicon(lng),
    commands: (lng) => loadCommands(lng),
    answerWords: (lng) => loadAnswerWords(lng),
    logger: createLogger('info', new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } })),
    onOptOut,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: 'sms', conversation: { id: `sms-${PHONE}` }, from: { id: PHONE }, recipient: { id: '+15550001111' },
  } as Partial<Activity>);
  return { adapter, logs };
}

async function say(adapter: TestAdapter, text: string): Promise<string[]> {
  adapter.activeQueue.splice(0);
  await adapter.receiveActivity(text);
  return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
}

describe('STOP on SMS cancels what is scheduled', () => {
  it('calls onOptOut once with the user-state key, and not again on a second STOP', async () => {
    const calls: string[] = [];
    const { adapter } = smsBot(async (userKey) => { calls.push(userKey); });
    await say(adapter, 'hi');
    expect(await say(adapter, 'STOP')).toEqual([expect.stringMatching(/no more texts/)]);
    expect(calls).toEqual([`sms/users/${PHONE}`]);
    expect(await say(adapter, 'STOP')).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('H08: a failing hook is logged without its message and the opt-out still holds', async () => {
    const { adapter, logs } = smsBot(async () => { throw new TypeError('scheduler down'); });
    await say(adapter, 'hi');
    expect(await say(adapter, 'stop')).toEqual([expect.stringMatching(/no more texts/)]);
    expect(logs.join('')).toMatch(/opt_out_cancel_failed/);
    expect(logs.join('')).not.toContain('scheduler down');
    expect(await say(adapter, 'hello')).toEqual([]);
  });
});

describe('carrier keywords', () => {
  it('are whole-message, case-insensitive, English carrier words only', () => {
    expect(['STOP', 'stop', ' Stop. ', 'STOPALL', 'unsubscribe', 'Cancel', 'END', 'quit'].map(carrierKeyword)).toEqual(Array(8).fill('stop'));
    expect(['START', 'unstop'].map(carrierKeyword)).toEqual(['start', 'start']);
    expect(carrierKeyword('help')).toBe('help');
    expect(['stop the pain', 'yes', 'info', 'parar', 'constructor', ''].map(carrierKeyword)).toEqual(Array(6).fill(null));
  });
});
