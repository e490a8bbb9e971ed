import type { Step } from '../pipeline';

/** Step: a carer who says so before consenting ("it's for my dad") gets the carer wording from the start. */
export const audienceStep: Step = async (run, next) => {
  const { turn } = run;
  if (!turn.session.consented && turn.answers.has('carer', turn.text)) turn.session.audience = 'carer';
  await next();
};
