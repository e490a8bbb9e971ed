import { normalizeWords } from '../src/commands';
import { readTrend, readYesNo } from '../src/triage/recognizer';
import type { Turn } from '../src/turn';

/** How an answer is read. Names, not functions, because they are stored in dialog state. */
export type ReaderKind = 'yesNo' | 'trend' | 'choice' | 'teachBack' | 'consent' | 'language';

/** A button: its label is a translation key, or literal text (a language's own name). */
export type AskChoice = { value: string; labelKey: string } | { value: string; label: string };

export function labelOf(turn: Turn, choice: AskChoice): string {
  return 'label' in choice ? choice.label : turn.t(choice.labelKey);
}

/**
 * Reads a reply against the offered choices: a tapped button (its exact label) first, then a
 * number where the channel showed a numbered list, then the language's answer lexicon.
 * Returns null when the reply cannot be read with confidence: never a guess.
 */
export function readAnswer(turn: Turn, text: string, reader: ReaderKind, choices: readonly AskChoice[]): string | null {
  const said = normalizeWords(text);
  if (said === '') return null;
  const labelled = choices.find((c) => normalizeWords(labelOf(turn, c)) === said);
  if (labelled) return labelled.value;
  if (turn.caps.numberedChoices && /^\d{1,2}$/.test(said)) return choices[Number(said) - 1]?.value ?? null;
  switch (reader) {
    case 'yesNo':
      return readYesNo(text, turn.lexicon);
    case 'trend':
      return readTrend(text, turn.lexicon);
    case 'teachBack':
      return readTeachBack(turn, text);
    case 'choice':
      return readChoice(turn, text, said, choices);
    case 'language':
      return choices.find((c) => c.value === turn.languages.named(text))?.value ?? null;
    case 'consent':
      // "yes" / "no" first; then who is typing ("I am a carer", "I'm a nurse").
      return readYesNo(text, turn.lexicon) ?? readChoice(turn, text, said, choices);
  }
}

/**
 * A free-text menu answer: a synonym of exactly one offered choice ("continue" for "Carry on"),
 * or a longer synonym phrase inside the message ("I'm writing for my mum"),
 * a question topic when topics are offered, or the one label containing every word typed.
 */
function readChoice(turn: Turn, text: string, said: string, choices: readonly AskChoice[]): string | null {
  const offered = new Set(choices.map((c) => c.value));
  const synonyms = turn.commands.choices(text).filter((v) => offered.has(v));
  if (synonyms.length === 1) return synonyms[0] ?? null;
  const within = turn.commands.choicesWithin(text).filter((v) => offered.has(v));
  if (within.length === 1) return within[0] ?? null;
  const topic = turn.commands.topic(text);
  if (topic && offered.has(topic)) return topic;
  const words = said.split(' ');
  const hits = choices.filter((c) => {
    const label = ` ${normalizeWords(labelOf(turn, c))} `;
    return words.every((w) => label.includes(` ${w} `));
  });
  return hits.length === 1 ? (hits[0]?.value ?? null) : null;
}

/** Teach-back: right when the reply says to call for emergency help; anything else is corrected. */
function readTeachBack(turn: Turn, text: string): string {
  const number = ` ${normalizeWords(turn.emergencyNumber)} `;
  const right = turn.commands.teachBackRight(text) || ` ${normalizeWords(text)} `.includes(number);
  return right ? 'callNow' : 'wrong';
}
