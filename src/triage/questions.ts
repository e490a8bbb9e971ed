import { evaluate } from './evaluate';
import { SIGNS, type Answers, type LegTrend, type Sign, type YesNo } from './types';

export type QuestionId = Sign | 'pregnant' | 'bloodThinners' | 'legTrend' | 'otherLimb' | 'hardVeins' | 'fever' | 'followUpPlanned' | 'thighOnlyScan' | 'riskFactors';

export const YES_NO_OPTIONS: readonly YesNo[] = ['yes', 'no', 'unsure'];
export const TREND_OPTIONS: readonly LegTrend[] = ['worse', 'same', 'better', 'gone', 'unsure'];

export interface Question {
  id: QuestionId;
  kind: 'yesNo' | 'trend';
  /**
   * 'always': asked unless the emergency tier is already reached.
   * 'ifItMatters': asked only when some answer to it would change the tier, so nobody
   * is asked about risk factors when the advice would be the same either way.
   */
  ask: 'always' | 'ifItMatters';
  /**
   * The question asks "now, or since your scan": an answer about the past ("not anymore",
   * "I did yesterday") is a yes (S9), never a no.
   */
  since?: boolean;
}

/**
 * The symptom check, in the order it is asked: one emergency sign per question first, in order of
 * clinical weight (a list in one question was skimmed: hazard H20), then pregnancy and blood
 * thinners (they change what the advice says), then the leg.
 */
export const QUESTIONS: readonly Question[] = [
  ...SIGNS.map((id): Question => ({ id, kind: 'yesNo', ask: 'always', since: true })),
  { id: 'pregnant', kind: 'yesNo', ask: 'always' },
  { id: 'bloodThinners', kind: 'yesNo', ask: 'always' },
  { id: 'legTrend', kind: 'trend', ask: 'always' },
  { id: 'otherLimb', kind: 'yesNo', ask: 'ifItMatters', since: true },
  { id: 'hardVeins', kind: 'yesNo', ask: 'ifItMatters', since: true },
  { id: 'fever', kind: 'yesNo', ask: 'ifItMatters', since: true },
  { id: 'followUpPlanned', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'thighOnlyScan', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'riskFactors', kind: 'yesNo', ask: 'ifItMatters' },
];

/** The question that asks about each red flag of the screen, where one does (a possible flag met at that question is its answer). */
export const FLAG_QUESTIONS: Readonly<Record<string, QuestionId>> = {
  breathless: 'signBreathing', chest_pain: 'signChest', coughing_blood: 'signCoughBlood', fainting: 'signFaint', fast_heartbeat: 'signHeart',
  cold_blue_leg: 'signLeg', leg_worse: 'legTrend', other_limb: 'otherLimb', hard_veins: 'hardVeins', fever_hot_leg: 'fever',
};


export function optionsFor(question: Question): readonly string[] {
  return question.kind === 'trend' ? TREND_OPTIONS : YES_NO_OPTIONS;
}

function wouldMatter(question: Question, answers: Answers): boolean {
  const levels = new Set(optionsFor(question).map((option) => evaluate({ ...answers, [question.id]: option }).level));
  return levels.size > 1;
}

/**
 * The next question to ask, or null when the symptom check is complete. An emergency
 * answer ends the questions at once (clinical-reference.md, precedence rule 3).
 */
export function nextQuestion(answers: Answers): Question | null {
  if (evaluate(answers).level === 'emergency') return null;
  for (const question of QUESTIONS) {
    if (answers[question.id] !== undefined) continue;
    if (question.ask === 'always' || wouldMatter(question, answers)) return question;
  }
  return null;
}
