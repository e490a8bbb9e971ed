import { evaluate } from './evaluate';
import { nextQuestion, optionsFor, type QuestionId } from './questions';
import type { Answers, Disposition } from './types';

export interface Path {
  /** The questions in the order asked, with the answer given. */
  steps: { question: QuestionId; answer: string }[];
  answers: Answers;
  disposition: Disposition;
}

/**
 * Every path through the symptom check: each question the core would ask, with each of its
 * answers, until the core stops asking. A reviewer can read them all; the transcripts book and
 * its test walk them through the real bot.
 */
export function allPaths(start: Answers = {}): Path[] {
  const out: Path[] = [];
  const walk = (answers: Answers, steps: Path['steps']): void => {
    const question = nextQuestion(answers);
    if (!question) {
      out.push({ steps, answers, disposition: evaluate(answers) });
      return;
    }
    for (const answer of optionsFor(question)) {
      walk({ ...answers, [question.id]: answer }, [...steps, { question: question.id, answer }]);
    }
  };
  walk(start, []);
  return out;
}
