import { describe, expect, it } from 'vitest';
import type { StoreItems } from 'botbuilder';
import { Patient, startApp, texts } from '../helpers/app';
import { answerById, CALM, questionId } from '../helpers/questions';

describe('the turn lock covers the whole turn, failure included', () => {
  it('issue 18: a turn whose save fails clears its dialog stack before the next turn of the conversation reads state', async () => {
    const running = await startApp();
    const p = new Patient(running.url, 'lock-1');
    const { at } = await answerById(p, await p.say('hi'), CALM, 'legTrend');
    expect(at).toBe('legTrend');

    // Every storage call from now on, in order; the next write fails once (a full disk, a lost file).
    const storage = running.app.storage;
    const ops: string[] = [];
    let failNext = true;
    const read = storage.read.bind(storage);
    const write = storage.write.bind(storage);
    storage.read = async (keys: string[]) => {
      if (keys.some((k) => k.includes('lock-1'))) ops.push('read');
      return read(keys);
    };
    storage.write = async (changes: StoreItems) => {
      if (!Object.keys(changes).some((k) => k.includes('lock-1'))) return write(changes);
      if (failNext) {
        failNext = false;
        // Long enough for the second message to arrive and wait for the conversation's lock.
        await new Promise((resolve) => setTimeout(resolve, 300));
        ops.push('write failed');
        throw new Error('disk full');
      }
      ops.push('write');
      return write(changes);
    };

    // Two messages of one conversation at once: the first one's save fails.
    const firstReply = p.say('about the same');
    while (!ops.includes('read')) await new Promise((resolve) => setTimeout(resolve, 5));
    const [first, second] = await Promise.all([firstReply, p.say('hello')]);
    expect(texts(first)).toMatch(/something went wrong/);
    // The failed turn's clean-up (a forced write of the cleared stack) comes before the next turn's
    // first read: the next turn never sees the stack the failed turn left.
    const failed = ops.indexOf('write failed');
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(ops[failed + 1]).toBe('write');
    expect(ops.slice(failed + 2)).toContain('read');
    expect(ops.slice(0, failed).every((op) => op === 'read')).toBe(true);
    // And the next turn starts clean: the welcome, not the question the failed turn was at.
    expect(questionId(second)).not.toBe('otherLimb');
    expect(questionId(second)).not.toBe('legTrend');
    await running.stop();
  });
});
