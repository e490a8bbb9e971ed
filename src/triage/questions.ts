import { evaluate } from './evaluate';
import type { Answers, LegTrend, YesNo } from './types';

export type QuestionId = 'emergencySigns' | 'legTrend' | 'otherLimb' | 'hardVeins' | 'followUpPlanned' | 'thighOnlyScan' | 'riskFactors';

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
}

/** The symptom check, in the order it is asked: the emergency screen always comes first. */
export const QUESTIONS: readonly Question[] = [
  { id: 'emergencySigns', kind: 'yesNo', ask: 'always' },
  { id: 'legTrend', kind: 'trend', ask: 'always' },
  { id: 'otherLimb', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'hardVeins', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'followUpPlanned', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'thighOnlyScan', kind: 'yesNo', ask: 'ifItMatters' },
  { id: 'riskFactors', kind: 'yesNo', ask: 'ifItMatters' },
];

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
