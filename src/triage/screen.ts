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
 * language first, then English, so an English red flag is never missed in another language),
 * every affirmed finding of any of them counting (S2: over-triage is the lesser harm).
 * One exception, when the message is written in the conversation's own language (`ownIsWritten`):
 * where that lexicon read the same flag on the same words as negated, its reading stands, since
 * it knows that language's negation ("pas de palpitations", which English would read as a report).
 */
export function screenText(text: string, lexicons: readonly Lexicon[], ownIsWritten = false): Flag | null {
  const [own, ...others] = lexicons;
  if (!own) return null;
  const findings = recognize(text, own).findings;
  const denied = ownIsWritten ? findings.filter((f) => f.polarity !== 'affirmed') : [];
  for (const lex of others) {
    for (const f of recognize(text, lex).findings) {
      if (!denied.some((d) => d.code === f.code && f.start < d.end && d.start < f.end)) findings.push(f);
    }
  }
  return screen({ findings, trends: [], level: null });
}
