import { DEFAULT_LEVEL, DEFAULT_REASON, REPEAT_CONTACT_CAP, REPEAT_CONTACT_REASON, RULES, RULES_VERSION, type Condition, type Rule } from './rules';
import { BLOOD_THINNERS_REASON, gaveBloodThinners } from './advice';
import { LEVELS, rank, stepUp, type Answers, type Disposition } from './types';

function holds(condition: Condition, answers: Answers): boolean {
  const value = answers[condition.field];
  return value !== undefined && (condition.anyOf as readonly string[]).includes(value);
}

/** Rules whose conditions all hold for these answers. */
export function matchingRules(answers: Answers, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((rule) => rule.when.every((c) => holds(c, answers)));
}

/**
 * Turns the symptom-check answers into a disposition. The most urgent matching tier wins;
 * all rules that fired at that tier are the reasons. A repeat contact moves the result up
 * one tier (to at most REPEAT_CONTACT_CAP). With nothing to go on the answer is "soon",
 * never self-care: silence is not reassurance.
 */
export function evaluate(answers: Answers, rules: readonly Rule[] = RULES): Disposition {
  const matched = matchingRules(answers, rules);
  const level = LEVELS.find((l) => matched.some((r) => r.level === l));
  const base = level
    ? { level, reasons: matched.filter((r) => r.level === level).map((r) => r.id) }
    : { level: DEFAULT_LEVEL, reasons: [DEFAULT_REASON] };
  // A blood thinner changes what the advice says (ask today whether to stop it), never the tier.
  const extra = gaveBloodThinners(answers) ? [BLOOD_THINNERS_REASON] : [];
  if (answers.repeatContact && base.level !== 'emergency' && rank(base.level) > rank(REPEAT_CONTACT_CAP)) {
    return { level: stepUp(base.level, REPEAT_CONTACT_CAP), reasons: [...base.reasons, REPEAT_CONTACT_REASON, ...extra], rulesVersion: RULES_VERSION };
  }
  return { level: base.level, reasons: [...base.reasons, ...extra], rulesVersion: RULES_VERSION };
}
