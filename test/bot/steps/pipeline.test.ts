import { describe, expect, it } from 'vitest';
import { compose, type Step, type TurnRun } from '../../../src/bot/pipeline';

describe('compose', () => {
  it('runs steps in order; a step that does not call next ends the turn there', async () => {
    const seen: string[] = [];
    const step = (name: string, passOn: boolean): Step => async (_run, next) => {
      seen.push(name);
      if (passOn) await next();
      seen.push(`${name} after`);
    };
    await compose([step('a', true), step('b', false), step('c', true)])({} as TurnRun);
    expect(seen).toEqual(['a', 'b', 'b after', 'a after']);
  });

  it('an error in a step reaches the caller (the bot\'s lock then clears the dialog stack)', async () => {
    const boom: Step = async () => { throw new Error('boom'); };
    await expect(compose([async (_r, next) => next(), boom])({} as TurnRun)).rejects.toThrow('boom');
  });
});
