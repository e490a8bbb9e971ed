import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Patient, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { answerById, CALM, entitiesOf, questionId } from '../helpers/questions';

/** "Forget me": one confirmation at a time, a clear answer ends it, and a command typed at it answers it. */
let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const CONFIRM = 'Do you want me to delete everything I have kept about you?';
const KEPT = 'OK. I will keep it.';
const count = (replies: Reply[], words: string): number => texts(replies).split(words).length - 1;

/** A patient part-way through the questions (the main dialog is running), at the leg question. */
async function midway(): Promise<Patient> {
  const p = new Patient(running.url, `forget-${(n += 1)}`);
  const { at } = await answerById(p, await p.say('hi'), CALM, 'legTrend');
  expect(at).toBe('legTrend');
  return p;
}

describe('forget me: one confirmation at a time', () => {
  it('"forget me" typed twice asks once more, not twice; "No, keep it" then returns to the question, not to another confirmation', async () => {
    const p = await midway();
    const first = await p.say('forget me');
    expect(questionId(first)).toBe('forgetConfirm');
    const again = await p.say('forget me');
    expect(count(again, CONFIRM)).toBe(1);
    expect(questionId(again)).toBe('forgetConfirm');
    const kept = await p.say('No, keep it');
    expect(texts(kept)).toContain(KEPT);
    expect(count(kept, CONFIRM)).toBe(0);
    expect(questionId(kept)).toBe('legTrend');
    // Nothing of a confirmation is left underneath: the next answer simply goes on.
    const next = await p.say('Gone');
    expect(count(next, CONFIRM)).toBe(0);
    expect(questionId(next)).not.toBe('forgetConfirm');
  });

  it('a command typed at the confirmation answers it (nothing is deleted) and then does what it says', async () => {
    const p = await midway();
    await p.say('forget me');
    const restarted = await p.say('restart');
    expect(texts(restarted)).toContain(KEPT);
    expect(texts(restarted)).toContain('OK, let us start again.');
    expect(count(restarted, CONFIRM)).toBe(0);
    // The restarted questions run to the end without the delete question coming back.
    const { replies } = await answerById(p, restarted, CALM, 'whatNext');
    expect(count(replies, CONFIRM)).toBe(0);
  });

  it('yes deletes, and the message that says so is marked for the page (which then keeps nothing either)', async () => {
    const p = await midway();
    await p.say('forget me');
    const done = await p.say('Yes, delete it');
    expect(texts(done)).toMatch(/I have deleted what I kept about you/);
    expect(entitiesOf(done, 'forgotten')).toHaveLength(1);
  });
});
