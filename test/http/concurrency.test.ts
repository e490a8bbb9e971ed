import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadAnswerWords } from '../../src/language/answerWords';
import { AfterscanBot } from '../../src/bot/afterscanBot';
import { loadCommands } from '../../src/language/commands';
import { loadConfig } from '../../src/config';
import { buildLanguageDirectory } from '../../src/language/directory';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { createLogger } from '../../src/logger';
import { KeyedQueue } from '../../src/http/keyedQueue';
import { Patient, startApp, texts } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';

/** Every answer up to the blood-thinners question, as the calm answers record them. */
const CALM_UP_TO_BLOOD_THINNERS = {
  signBreathing: 'no', signChest: 'no', signCoughBlood: 'no', signFaint: 'no', signHeart: 'no', signLeg: 'no', pregnant: 'no',
};

/** MemoryStorage whose reads take a while, as a remote database's would: races show up. */
class SlowStorage extends MemoryStorage {
  override async read(keys: string[]): Promise<StoreItems> {
    await new Promise((r) => setTimeout(r, 25));
    return super.read(keys);
  }
}

describe('H02: turns in one conversation are serialised', () => {
  it('KeyedQueue runs one task at a time per key, in order, and keys in parallel', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string, ms: number) => () => new Promise<void>((r) => setTimeout(() => { log.push(name); r(); }, ms));
    await Promise.all([queue.run('a', task('a1', 30)), queue.run('a', task('a2', 1)), queue.run('b', task('b1', 5)), queue.run('a', async () => { throw new Error('x'); }).catch(() => log.push('a3 failed')), queue.run('a', task('a4', 1))]);
    expect(log).toEqual(['b1', 'a1', 'a2', 'a3 failed', 'a4']);
    expect(queue.size).toBe(0);
  });

  it('two quick messages on slow storage are both applied, in order, without losing an answer', async () => {
    const storage = new SlowStorage();
    const localizer = createLocalizer('en');
  const bot = new AfterscanBot({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', CHECKIN_DAYS: 'off' }),
      conversationState: new ConversationState(storage), userState: new UserState(storage),
      localizer, languages: buildLanguageDirectory(localizer, 'en'), lexicon: (lng) => loadLexicon(lng), commands: (lng) => loadCommands(lng),
      answerWords: (lng) => loadAnswerWords(lng), logger: createLogger('silent'),
    });
    const adapter = new TestAdapter(async (context) => bot.run(context), { channelId: 'test', conversation: { id: 'slow-1' }, from: { id: 'u' }, recipient: { id: 'b' } } as Partial<Activity>);
    // Answered by question id, calmly, up to the blood-thinners question.
    await adapter.receiveActivity('hi');
    for (let i = 0; i < 20; i++) {
      const id = questionId(adapter.activeQueue.splice(0) as Parameters<typeof questionId>[0]);
      if (id === 'bloodThinners') break;
      await adapter.receiveActivity(CALM[id ?? ''] ?? 'no such question');
    }
    const activity = (text: string): Partial<Activity> => ({ type: 'message', text, channelId: 'test', conversation: { id: 'slow-1' } as Activity['conversation'], from: { id: 'u', name: 'u' }, recipient: { id: 'b', name: 'b' } });
    const before = (await storage.read(['test/conversations/slow-1/']))['test/conversations/slow-1/'] as { session: { answers: object } };
    expect(before.session.answers).toEqual(CALM_UP_TO_BLOOD_THINNERS);
    await Promise.all([bot.run(new TurnContext(adapter, activity('no'))), bot.run(new TurnContext(adapter, activity('about the same')))]);
    const state = (await storage.read(['test/conversations/slow-1/']))['test/conversations/slow-1/'] as { session: { answers: object } };
    expect(state.session.answers).toEqual({ ...CALM_UP_TO_BLOOD_THINNERS, bloodThinners: 'no', legTrend: 'same' });
  });

  it('two quick messages in one conversation over HTTP both get their replies', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'quick-1');
    expect((await answerById(p, await p.say('hi'), CALM, 'bloodThinners')).at).toBe('bloodThinners');
    const [first, second] = await Promise.all([p.say('no'), p.say('about the same')]);
    expect(texts(first!)).toMatch(/Since the day of your scan/);
    expect(questionId(first!)).toBe('legTrend');
    expect(texts(second!)).toMatch(/new swelling or pain in your other leg/);
    expect(questionId(second!)).toBe('otherLimb');
    await running.stop();
  });
});
