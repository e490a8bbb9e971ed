import { evaluate } from './evaluate';
import { nextQuestion, optionsFor, type QuestionId } from './questions';
import { SIGNS, type Answers, type Disposition } from './types';

export interface Path {
  /** The questions in the order asked, with the answer given. */
  steps: { question: QuestionId; answer: string }[];
  answers: Answers;
  disposition: Disposition;
}

/** Whether a path goes on with this answer to this question, given the answers so far. */
export type PathFilter = (answers: Answers, question: QuestionId, answer: string) => boolean;

/**
 * Every path through the symptom check: each question the core would ask, with each of its
 * answers (those `keep` lets through), until the core stops asking. A reviewer can read them
 * all; with six sign questions there are some 3,000, so the transcripts book walks `bookPaths()`.
 */
export function allPaths(start: Answers = {}, keep: PathFilter = () => true): Path[] {
  const out: Path[] = [];
  const walk = (answers: Answers, steps: Path['steps']): void => {
    const question = nextQuestion(answers);
    if (!question) {
      out.push({ steps, answers, disposition: evaluate(answers) });
      return;
    }
    for (const answer of optionsFor(question)) {
      if (!keep(answers, question.id, answer)) continue;
      walk({ ...answers, [question.id]: answer }, [...steps, { question: question.id, answer }]);
    }
  };
  walk(start, []);
  return out;
}

/** The questions every check asks before the leg: the six emergency signs, pregnancy and blood thinners. */
export const SCREENING_QUESTIONS: readonly QuestionId[] = [...SIGNS, 'pregnant', 'bloodThinners'];

/**
 * The representative paths the transcripts book shows and its test walks (some 50 of the ~3,000):
 *  - "no" to every screening question, then every path through the leg questions (each answer
 *    to each leg question, every leg rule);
 *  - each answer other than "no" to one screening question (each sign "yes" and "not sure",
 *    pregnant and blood thinners "yes" and "not sure"), the screening questions before it
 *    answered "no", and after it the leg "about the same" and "no" to everything else.
 * Every question is asked and every answer given at least once, every rule row fires, and every
 * wording of the advice (each tier, each kind of emergency, the urgent line now, the maternity
 * team, a second scan planned or not, the blood-thinner advice) is shown.
 */
export function bookPaths(start: Answers = {}): Path[] {
  const screening = new Set<QuestionId>(SCREENING_QUESTIONS);
  return allPaths(start, (answers, question, answer) => {
    const flagged = SCREENING_QUESTIONS.some((q) => answers[q] !== undefined && answers[q] !== 'no');
    if (screening.has(question)) return answer === 'no' || !flagged;
    if (!flagged) return true;
    return answer === (question === 'legTrend' ? 'same' : 'no');
  });
}
