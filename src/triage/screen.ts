import type { Flag } from './combine';
import { recognize, type Lexicon, type Recognition } from './recognizer';
import { rank, type FlagLevel } from './types';

/** Reason code of a red flag found in free text, e.g. "RF_BREATHLESS". */
export function flagReason(code: string): string {
  return `RF_${code.toUpperCase()}`;
}

/**
 * The safety screen's verdict on one message (S1, S2): the most urgent AFFIRMED red flag,
 * with every affirmed flag at that level as reasons. Negated findings never fire.
 */
export function screen(recognition: Recognition): Flag | null {
  const affirmed = recognition.findings.filter((f) => f.polarity === 'affirmed');
  if (affirmed.length === 0) return null;
  const level = affirmed.reduce<FlagLevel>((best, f) => (rank(f.level) < rank(best) ? f.level : best), 'urgent');
  const reasons = [...new Set(affirmed.filter((f) => f.level === level).map((f) => flagReason(f.code)))];
  return { level, reasons };
}

/**
 * The screen as the bot runs it: the message read with every given lexicon (the conversation's
 * language first, then English, so an English red flag is never missed in another language).
 */
export function screenText(text: string, lexicons: readonly Lexicon[]): Flag | null {
  return screen({ findings: lexicons.flatMap((lex) => recognize(text, lex).findings), trends: [], level: null });
}
