import type { Step } from '../pipeline';

/** Step: the conversation's and the user's state (a floor the user was given in the last 24 hours holds here too, S8). */
export const loadStateStep: Step = async (run, next) => {
  await run.loadState();
  await next();
};
