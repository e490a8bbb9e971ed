import { clausesOf, type AnswerWords } from '../src/language/answerWords';
import { normalizeWords } from '../src/language/commands';
import { LEG_WORSE, readTrend, readYesNo, recognize, saysSignPresent } from '../src/triage/recognizer';
import type { Turn } from '../src/bot/turn';

/** How an answer is read. Names, not functions, because they are stored in dialog state. */
export type ReaderKind = 'yesNo' | 'trend' | 'choice' | 'teachBack' | 'consent' | 'language' | 'eligibility';

/** A button: its label is a translation key, or literal text (a language's own name). */
export type AskChoice = { value: string; labelKey: string } | { value: string; label: string };

export function labelOf(turn: Turn, choice: AskChoice): string {
  return 'label' in choice ? choice.label : turn.t(choice.labelKey);
}

/** How a question wants its answers read, beyond its kind. */
export interface ReadOptions {
  /** The question asks "now, or since your scan": an answer about the past is a yes (S9). */
  since?: boolean;
}

/**
 * Reads a reply against the offered choices: a tapped button (its exact label) first, then a
 * number where the channel showed a numbered list, then the reader of the answer's kind with the
 * language's answer words (locales/<lng>/answers.json) and lexicon. Returns null when the reply
 * cannot be read with confidence: never a guess, and never "no" for "I don't understand" (S9).
 */
export function readAnswer(turn: Turn, text: string, reader: ReaderKind, choices: readonly AskChoice[], options: ReadOptions = {}): string | null {
  const said = normalizeWords(text);
  if (said === '') return null;
  const labelled = choices.find((c) => normalizeWords(labelOf(turn, c)) === said);
  if (labelled) return labelled.value;
  if (turn.caps.numberedChoices && /^\d{1,2}$/.test(said)) return choices[Number(said) - 1]?.value ?? null;
  switch (reader) {
    case 'yesNo':
      return readYesNoAnswer(turn, text, options.since === true);
    case 'trend':
      return readTrendAnswer(turn, text);
    case 'teachBack':
      return readTeachBack(turn, text);
    case 'choice':
      return readChoice(turn, text, said, choices);
    case 'language':
      return choices.find((c) => c.value === turn.languages.named(text))?.value ?? null;
    case 'consent':
      return readConsent(turn, text, said, choices);
    case 'eligibility': {
      // "Yes, I'm 66 and no clot was found": a reply that opens with yes confirms what was asked, even
      // where its restatement holds a reason's words ("clot … found").
      const opening = clausesOf(text)[0] ?? '';
      if (readYesNo(opening, turn.lexicon) === 'yes') return 'yes';
      return readEligibility(turn.answers, text) ?? readYesNoAnswer(turn, text, false) ?? (turn.answers.has('agree', text) ? 'yes' : null);
    }
  }
}

/**
 * Yes / no / not sure. A clear yes stands; "I don't understand", "can't remember", "nobody told me"
 * are not sure, never no (S9); at a "since your scan" question an answer about the past ("not
 * anymore", "I did yesterday", "yes but only a bit") is a yes, unless it says it is as always.
 */
function readYesNoAnswer(turn: Turn, text: string, since: boolean): string | null {
  const read = readYesNo(text, turn.lexicon);
  if (read === 'yes') return 'yes';
  if (turn.answers.has('confused', text)) return 'unsure';
  // "Same as always" is no new sign, whatever degree word sits beside it ("a bit, but same as always").
  if (since && turn.answers.has('since', text) && !turn.answers.has('same', text)) return 'yes';
  return read;
}

/**
 * The leg compared with scan day. A hedge before a direction keeps the direction ("a bit better"
 * is better, not gone and not "not sure"); "doesn't hurt at all now" is gone unless a part of the
 * answer says a sign is still there ("but still swollen": the same); confusion is not sure.
 */
function readTrendAnswer(turn: Turn, text: string): string | null {
  const words = turn.answers;
  const plain = words.without('hedges', text);
  const read = plain === '' ? null : readTrend(plain, turn.lexicon);
  if (read === 'worse') return 'worse';
  const hedged = plain !== normalizeWords(text);
  // "Doesn't hurt any more but still swollen": a part that says a sign is still there wins over gone (S2).
  if (read === 'gone' || words.has('gone', text)) {
    const lingering = lingeringIn(turn, text);
    if (lingering !== null) return lingering;
  }
  // "Nearly gone", "almost back to normal": better, not gone (gone skips the checks that better gets).
  if (words.has('gone', text)) return hedged || read === 'better' ? 'better' : 'gone';
  if (hedged && (read === 'better' || (read === null && words.has('better', plain)))) return 'better';
  // "Better, still a little pain" is better (better means not gone): persistence is no "same" beside a better.
  if (read === 'same' && words.has('still', plain) && readTrend(words.without('still', plain), turn.lexicon) === 'better') return 'better';
  if (read && read !== 'unsure') return read;
  if (words.has('confused', text)) return 'unsure';
  // The lexicon could not settle it ("the same as before the scan" reads a past 'before'): one plain
  // whole-answer word settles it, unless the patient said they do not know.
  if (read === 'unsure' && readYesNo(text, turn.lexicon) !== 'unsure') {
    const said = (['worse', 'same', 'better'] as const).filter((v) => words.has(v, plain));
    if (said.length === 1) return said[0] ?? null;
  }
  if (read === 'unsure') return 'unsure';
  // The lexicon read nothing: the language's whole-answer words, most urgent first (S2).
  for (const value of ['worse', 'same', 'better'] as const) if (words.has(value, plain)) return value;
  // A worsening the screen reads as a red flag ("the swelling has gone up to my knee") answers "worse".
  if (recognize(text, turn.lexicon).findings.some((f) => f.code === LEG_WORSE && f.polarity === 'affirmed')) return 'worse';
  return null;
}

/**
 * The most cautious reading of what an answer says besides "gone", or null when it says nothing
 * more: a part read as worse, not sure or the same; a sign said without a change word ("dar e
 * umflat", "pero la tengo roja") or a persistence word ("still") is the same. Parts are read one by
 * one, their trend with the language's whole gone phrases taken out, so neither "all gone, no
 * swelling" nor "it's gone completely no pain at all now" pairs "gone" with a denied sign.
 */
function lingeringIn(turn: Turn, text: string): 'worse' | 'unsure' | 'same' | null {
  const words = turn.answers;
  let out: 'unsure' | 'same' | null = null;
  for (const clause of clausesOf(text)) {
    const plain = words.without('hedges', clause);
    const rest = words.without('gone', plain);
    if (rest === '') continue;
    const read = readTrend(rest, turn.lexicon);
    if (read === 'worse') return 'worse';
    if (read === 'unsure') out = 'unsure';
    else if (out === null && (read === 'same' || saysSignPresent(plain, turn.lexicon) || (read !== 'gone' && words.has('still', rest)))) out = 'same';
  }
  return out;
}

/**
 * Consent and who is typing: a carer said in words ("yes I'm his wife", "es para mi padre") is a
 * carer; "ok", "sure", "vale" agree; a refusal must be said. Anything else is asked again, never
 * taken as a refusal.
 */
function readConsent(turn: Turn, text: string, said: string, choices: readonly AskChoice[]): string | null {
  const words = turn.answers;
  const choice = readChoice(turn, text, said, choices);
  if (choice === 'professional') return choice;
  if (words.has('carer', text) || choice === 'carer') return 'carer';
  if (words.is('refuse', text)) return 'no';
  // "What does that mean?" is no yes, even where a word of it is ("يعني ايه؟"): ask again.
  if (words.has('confused', text)) return null;
  if (words.has('agree', text) || words.is('agree', text)) return readYesNo(text, turn.lexicon) === 'no' ? null : 'yes';
  const read = readYesNo(text, turn.lexicon);
  return read === 'yes' || read === 'no' ? read : choice;
}

/** Why this chat may not be for them, when the reply says it ("the scan found a clot", "I'm 16"). */
function readEligibility(words: AnswerWords, text: string): string | null {
  if (words.has('whyClotFound', text)) return 'clotFound';
  if (words.has('whyUnder18', text)) return 'under18';
  if (words.has('whyArmScan', text)) return 'armScan';
  if (words.has('whyNoScan', text)) return 'noScan';
  return null;
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

/**
 * Teach-back: right only when the reply names the emergency number (not negated before it: "call
 * 120, don't wait" is right, "I wouldn't call 999" is not) or an ambulance. "Drive to A&E", "ring
 * 111" or "see my doctor next week" are corrected.
 */
function readTeachBack(turn: Turn, text: string): string {
  const padded = ` ${normalizeWords(text)} `;
  const number = ` ${normalizeWords(turn.deployment.emergencyNumber)} `;
  const at = padded.indexOf(number);
  if (at >= 0) return turn.commands.teachBackNegated(padded.slice(0, at + 1)) ? 'wrong' : 'callNow';
  return turn.commands.teachBackRight(text) ? 'callNow' : 'wrong';
}
