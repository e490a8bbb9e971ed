/**
 * Right-to-left text with numbers and deployment text inside it (Unicode Bidirectional Algorithm,
 * UAX #9). On a right-to-left line, digit groups separated by spaces are laid out right to left as
 * groups: "116 117" shows as "117 116", "020 7946 0000" as "0000 7946 020", and a leading "+"
 * lands on the wrong end. Wrapping each number in a left-to-right isolate (LRI … PDI) keeps its
 * groups in the order they are dialled; wrapping a whole deployment value in a first-strong
 * isolate (FSI … PDI) lets an English clinic name sit inside an Arabic sentence (and an Arabic one
 * inside it) without either reordering the other. The marks are invisible and are never put into
 * a tel: link (webchat/page.ts dials the raw digits).
 */
export const LRI = '\u2066';
export const FSI = '\u2068';
export const PDI = '\u2069';
/** RIGHT-TO-LEFT MARK: a strong right-to-left character with no glyph. */
export const RLM = '\u200f';

/**
 * A phone-number-like run: digits in groups joined by single spaces, no-break spaces, hyphens,
 * dots or slashes, optionally led by "+" or wrapped in one pair of brackets (e.g. "(020) 7946 0000").
 */
const NUMBER_RUN = /(?:\+|\(\d+\)[ \u00a0]?)?\d+(?:[ \u00a0.\-/]\d+|[ \u00a0]?\(\d+\)[ \u00a0]?\d+)*/g;

/** Wraps every number in the text in a left-to-right isolate, so its groups keep their order. */
export function isolateNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => `${LRI}${run}${PDI}`);
}

/** A deployment value (a number, or text in any script holding one) made safe for a right-to-left sentence. */
export function isolateValue(text: string): string {
  return text === '' ? text : `${FSI}${isolateNumbers(text)}${PDI}`;
}

/** Strong right-to-left letters: Hebrew, Arabic (with its supplements and presentation forms), Syriac, Thaana, N'Ko. */
const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f]/u;
const LETTER = /[\p{L}\u200e\u200f]/u;

/**
 * The direction the first strong character gives a paragraph (UAX #9 rules P2-P3), skipping
 * what sits inside isolates as those rules do: what a phone decides an SMS's direction from.
 */
export function firstStrongDirection(text: string): 'ltr' | 'rtl' | null {
  let depth = 0;
  for (const char of text) {
    if (char === LRI || char === FSI || char === '\u2067') depth += 1;
    else if (char === PDI) depth = Math.max(0, depth - 1);
    else if (depth === 0 && LETTER.test(char)) return STRONG_RTL.test(char) ? 'rtl' : 'ltr';
  }
  return null;
}

/** Starts a right-to-left text with a right-to-left mark when its first strong character is not right-to-left. */
export function startRightToLeft(text: string): string {
  return firstStrongDirection(text) === 'rtl' ? text : `${RLM}${text}`;
}

/**
 * The placeholders whose values come from the deployment (numbers and free text naming a
 * contact). In a right-to-left language each is isolated; other values (counts, lists of
 * already-translated words) are left as they are.
 */
export const DEPLOYMENT_PLACEHOLDERS: ReadonlySet<string> = new Set(['emergencyNumber', 'urgentNumber', 'careTeam', 'pregnancyContact']);

/** The interpolation values of one message, with deployment values isolated when the language is right to left. */
export function isolatePlaceholders<T extends object>(options: T, direction: 'ltr' | 'rtl'): T {
  if (direction !== 'rtl') return options;
  const out = { ...options } as Record<string, unknown>;
  for (const name of DEPLOYMENT_PLACEHOLDERS) {
    const value = out[name];
    if (typeof value === 'string' && !value.startsWith(FSI)) out[name] = isolateValue(value);
  }
  return out as T;
}
