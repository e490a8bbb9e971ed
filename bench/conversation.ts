/**
 * Whole conversations for the benchmarks, typed the way a patient would. The load generators send
 * fixed scripts (they do not read the replies), so the symptom questions are taken from the
 * clinical core itself (`nextQuestion`, the function the symptom dialog asks), answered from a
 * per-path table: a script follows the question order when questions are added or reordered.
 */
import { nextQuestion, type Answers, type LegTrend, type QuestionId, type YesNo } from '../src/triage';

type Value = YesNo | LegTrend;

/** How a patient types the start of a chat and each answer, per language. */
export interface Words {
  /** Hello, consent, "the chat is for me" (an adult after a clear leg scan), carry on past the explanation. */
  opening: readonly string[];
  said: Readonly<Record<Value, string>>;
}

export const WORDS: Readonly<Record<'en' | 'es', Words>> = {
  en: {
    opening: ['hi', 'yes', 'yes', 'carry on'],
    said: { yes: 'yes', no: 'no', unsure: 'not sure', worse: 'worse', same: 'about the same', better: 'better', gone: 'its gone now' },
  },
  es: {
    opening: ['hola', 'sí', 'sí', 'continuar'],
    said: { yes: 'sí', no: 'no', unsure: 'no estoy seguro', worse: 'está peor', same: 'sigue igual', better: 'mejor', gone: 'ya no tengo nada' },
  },
};

/**
 * The turns of a check up to and including the one whose reply carries the advice: the opening,
 * then every symptom question the core asks, answered from `answers` (any other: "no").
 */
export function checkTurns(answers: Partial<Record<QuestionId, Value>>, words: Words = WORDS.en, opening: readonly string[] = words.opening): string[] {
  const given: Record<string, Value> = {};
  const turns = [...opening];
  for (let q = nextQuestion(given as Answers); q; q = nextQuestion(given as Answers)) {
    const value = answers[q.id] ?? 'no';
    given[q.id] = value;
    turns.push(words.said[value]);
  }
  return turns;
}
