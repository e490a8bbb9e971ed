/**
 * Turns raw patient text into folded word tokens with their offsets in the original string.
 *
 * Why a hand-rolled scanner rather than regexes: it keeps offsets exact (findings point back at
 * the words the patient typed), folds case and accents per character without building a second
 * normalised copy, and treats apostrophes as joiners so "can't", "cant" and "can’t" are one token.
 * Phrases in the lexicons go through the same function, so both sides always agree.
 */

/**
 * Break strength before a token: none, a line break, a soft break (comma, colon), or a sentence end.
 * A line break is a space to phrases ("I can't\nbreathe", "chest\npain" are one phrase each) and
 * never ends a sentence (only punctuation does), but it stops a negation, a hypothetical or a
 * concept pair the way a comma does: in "no chest pain\nbreathless since lunch" the "no" is about
 * the chest only (S2).
 */
export const BRK_NONE = 0;
export const BRK_LINE = 1;
export const BRK_COMMA = 2;
export const BRK_SENTENCE = 3;

export interface Tokens {
  readonly words: string[];
  /** Offset of the first UTF-16 unit of each token in the original text. */
  readonly starts: number[];
  /** Offset just past the last unit of each token. */
  readonly ends: number[];
  /** Break strength between the previous token and this one. */
  readonly brk: number[];
  /** Token index a question mark belongs to: "?" to the token before it, "¿" to the token after it. */
  readonly asked: number[];
}

/**
 * Letters typed more than one way, folded to one form on both sides. Arabic and Urdu: alef maqsura and Farsi/Urdu yeh → yeh, teh marbuta → heh, keheh → kaf, Urdu heh goal and
 * do-chashmi heh → heh. Hamza-carrying alefs lose the hamza through NFD like any other mark.
 */
const FOLD_LETTERS: Readonly<Record<number, string>> = {
  0x142: 'l', 0xdf: 'ss', // Polish ł and German ß, often typed as l and ss on foreign keyboards
  0x153: 'oe', 0xe6: 'ae', // French œ (cœur = coeur) and æ
  0x649: '\u064a', 0x6cc: '\u064a', 0x629: '\u0647', 0x6a9: '\u0643', 0x6c1: '\u0647', 0x6be: '\u0647',
};

/** Folded form of a code unit: letters/digits (possibly '' for a mark or an invisible format character), or null for a separator. */
const FOLD: (string | null | undefined)[] = new Array<string | null | undefined>(0x10000);
/** The same for code points above U+FFFF (mathematical and enclosed letters, CJK extension B…), filled on demand. */
const FOLD_ASTRAL = new Map<number, string | null>();
const FOLD_ASTRAL_LIMIT = 4096;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
/** Invisible format characters (Cf): zero-width space, soft hyphen, word joiner, BOM, LRM/RLM, bidi isolates, ZWNJ/ZWJ… */
const FORMAT = /\p{Cf}/u;

/**
 * Compatibility folding (NFKD, then case and marks removed) of one character: full-width
 * "ｃｈｅｓｔ" is "chest", "𝐜𝐡𝐞𝐬𝐭" is "chest", Arabic presentation forms are their letters.
 * Invisible format characters fold to '' so they neither split nor change a word.
 */
function foldChar(code: number, ch: string): string | null {
  const arabic = FOLD_LETTERS[code];
  if (arabic !== undefined) return arabic;
  if (code >= 0x660 && code <= 0x669) return String(code - 0x660); // Arabic-Indic digits
  if (code >= 0x6f0 && code <= 0x6f9) return String(code - 0x6f0); // Extended (Urdu) digits
  if (code === 0x640 || MARK.test(ch) || FORMAT.test(ch)) return ''; // tatweel stretches a word without changing it
  let folded = '';
  for (const c of ch.toLowerCase().normalize('NFKD').toLowerCase().normalize('NFKD').replace(MARKS, '')) {
    const cp = c.codePointAt(0) as number;
    folded += FOLD_LETTERS[cp] ?? c;
  }
  return folded.length > 0 && LETTER_OR_DIGIT.test(folded) ? folded : null;
}

function foldNonAscii(code: number): string | null {
  const cached = FOLD[code];
  if (cached !== undefined) return cached;
  const out = code < 0xd800 || code > 0xdfff ? foldChar(code, String.fromCharCode(code)) : null;
  FOLD[code] = out;
  return out;
}

/** Folded form of a code point above U+FFFF. */
function foldAstral(cp: number): string | null {
  const cached = FOLD_ASTRAL.get(cp);
  if (cached !== undefined) return cached;
  const out = foldChar(cp, String.fromCodePoint(cp));
  if (FOLD_ASTRAL.size < FOLD_ASTRAL_LIMIT) FOLD_ASTRAL.set(cp, out);
  return out;
}

/** Folded form of one UTF-16 unit: ASCII letters lower-cased, digits kept, others through the fold table. */
function foldUnit(c: number): string | null {
  if (c >= 128) return foldNonAscii(c);
  if (c >= 97 && c <= 122) return String.fromCharCode(c);
  if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  if (c >= 48 && c <= 57) return String.fromCharCode(c);
  return null;
}

/**
 * Apostrophes typed many ways (full-width too) join a word without adding to it: "can't" is "cant".
 * Zero-width (non-)joiners and the other invisible format characters fold to '' (foldChar), which
 * keeps Urdu and Arabic words written with a ZWNJ whole.
 */
function isJoiner(code: number): boolean {
  return code === 39 || code === 96 || code === 0x2019 || code === 0x2018 || code === 0x2bc || code === 0xb4 || code === 0xff07;
}

/**
 * Chinese is written without spaces, so each ideograph is a token of its own and lexicon phrases
 * ("胸口痛") go through the same split ("胸 口 痛"). Gaps and concept windows then count characters.
 */
export function isIdeograph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)
    || (code >= 0x20000 && code <= 0x3134f);
}

/** 2 when a surrogate pair starts at `i` (one code point above U+FFFF), else 1. */
function pairAt(text: string, i: number, c: number): number {
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** Whether a folded piece is one Chinese character (a word of its own). */
function ideographic(piece: string): boolean {
  return piece.length > 0 && piece.charCodeAt(0) >= 0x3400 && isIdeograph(piece.codePointAt(0) as number);
}

/** A point or comma between two digits ("38.5", "37,8") is part of a number, not a break. */
function decimalPoint(text: string, i: number, c: number): boolean {
  if (c !== 46 && c !== 44) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

/** Break strength a separator character carries. */
function breakOf(code: number): number {
  switch (code) {
    case 46: case 33: case 63: case 59: // . ! ? ;
    case 0xbf: case 0xa1: case 0x2026: // ¿ ¡ …
    case 0xff1f: case 0xff01: case 0x3002: case 0xff1b: case 0xff0e: // full-width ? ! 。 ; .
    case 0x61f: case 0x61b: case 0x6d4: // Arabic ? ; and Urdu full stop
      return BRK_SENTENCE;
    case 44: case 58: case 0xff0c: case 0x3001: case 0xff1a: case 0x60c: // , : full-width , 、 : Arabic comma
      return BRK_COMMA;
    case 10: case 13: case 11: case 12: case 0x85: case 0x2028: case 0x2029: // \n \r VT FF NEL LS PS
      return BRK_LINE;
    default:
      return BRK_NONE;
  }
}

/**
 * A per-language rule written in code (Spanish): "sí" (yes) and "si" (if) differ only by the accent that folding removes, and "si" is
 * a hypothetical trigger: "Sí me duele el pecho" would read as "if my chest hurts". So an
 * accented sí keeps its accent as a token of its own; the lexicons list both where both apply.
 * Unaccented "si" stays ambiguous and keeps its "if" reading.
 */
export const YES_SI = 'sí';
const ACUTE_I = /[íÍ]|[iI]\u0301/;

/** Splits and folds `text`. Never throws; linear in the length of the text. */
export function tokenize(text: string): Tokens {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const brk: number[] = [];
  const asked: number[] = [];
  let cur = '';
  let start = -1;
  let end = -1;
  let pending = BRK_NONE;
  const flush = (): void => {
    if (cur.length > 0) {
      words.push(cur === 'si' && ACUTE_I.test(text.slice(start, end)) ? YES_SI : cur);
      starts.push(start);
      ends.push(end);
      brk.push(pending);
      pending = BRK_NONE;
    }
    cur = '';
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const width = pairAt(text, i, c);
    const piece = width === 2 ? foldAstral(text.codePointAt(i) as number) : foldUnit(c);
    if (piece !== null && ideographic(piece)) {
      flush();
      start = i;
      cur = piece;
      end = i + width;
      flush();
    } else if (piece !== null) {
      if (start < 0) start = i;
      cur += piece;
      end = i + width;
    } else if (isJoiner(c) && cur.length > 0) {
      end = i + 1;
    } else {
      flush();
      if (c === 63 || c === 0xff1f || c === 0x61f) asked.push(words.length - 1);
      else if (c === 0xbf) asked.push(words.length);
      const b = decimalPoint(text, i, c) ? BRK_NONE : breakOf(c);
      if (b > pending) pending = b;
    }
    i += width - 1;
  }
  flush();
  return { words, starts, ends, brk, asked };
}

/**
 * The same folding as tokenize(), as one string for whole-phrase matching (commands, button
 * labels): words separated by single spaces, each Chinese character a word, question marks
 * (? ？ ؟) kept as "?". "Can’t  Breathe!" → "cant breathe"; "我会打120" → "我 会 打 120".
 */
export function foldText(text: string): string {
  let out = '';
  let gap = false;
  const word = (piece: string): void => {
    if (piece === '') return; // a mark or an invisible format character
    if (gap && out.length > 0) out += ' ';
    out += piece;
    gap = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const width = pairAt(text, i, c);
    const piece = width === 2 ? foldAstral(text.codePointAt(i) as number) : foldUnit(c);
    i += width - 1;
    if (piece !== null && ideographic(piece)) {
      gap = true;
      word(piece);
      gap = true;
    } else if (piece !== null) {
      word(piece);
    } else if (isJoiner(c)) {
      continue;
    } else if (c === 63 || c === 0xff1f || c === 0x61f) {
      gap = true;
      word('?');
      gap = true;
    } else {
      gap = true;
    }
  }
  return out;
}

/** Tokens of a lexicon phrase word, without offsets: the same folding as patient text. */
export function foldWords(text: string): string[] {
  return tokenize(text).words;
}
