import type { Flag } from './combine';
import { recognize, type Finding, type Lexicon, type Recognition } from './recognizer';
import { rank, type FlagLevel } from './types';

/** Reason code of a red flag found in free text, e.g. "RF_BREATHLESS". */
export function flagReason(code: string): string {
  return `RF_${code.toUpperCase()}`;
}

/** A red flag the screen could not affirm but that may be there: the bot asks about it (S9). */
export interface PossibleFlag {
  /** The flag's code as in the lexicons ("breathless"): names the direct question to ask. */
  code: string;
  level: FlagLevel;
  /** Its reason code ("RF_BREATHLESS"), as an affirmed flag would carry it. */
  reason: string;
}

/**
 * The screen's three outcomes (DESIGN.md S1, S2, S9):
 * - 'affirmed': advice at once, as screen() gives it. `possible` lists flags that were only
 *   possible and are more urgent than the affirmed level (urgent affirmed, emergency possible),
 *   so a caller may still ask about them; it is empty otherwise.
 * - 'possible': nothing affirmed, but these flags may be there, most urgent first: one direct question.
 * - 'nothing': no red flag, or only denied, hypothetical, historical or other people's ones.
 */
export type ScreenVerdict =
  | { kind: 'affirmed'; flag: Flag; possible: PossibleFlag[] }
  | { kind: 'possible'; flags: PossibleFlag[] }
  | { kind: 'nothing' };

/**
 * The verdict on a set of findings. An affirmed flag anywhere wins over every possible one (S2);
 * possible flags come most urgent first, then in the order the message names them, once each.
 */
export function verdictOf(findings: readonly Finding[]): ScreenVerdict {
  const flag = screen({ findings: [...findings], trends: [], level: null });
  const possible: PossibleFlag[] = [];
  const seen = new Set<string>();
  for (const f of [...findings].sort((a, b) => rank(a.level) - rank(b.level) || a.start - b.start)) {
    if (f.polarity !== 'possible' || seen.has(f.code)) continue;
    seen.add(f.code);
    possible.push({ code: f.code, level: f.level, reason: flagReason(f.code) });
  }
  if (flag) {
    const affirmedCodes = new Set(findings.filter((f) => f.polarity === 'affirmed').map((f) => f.code));
    return { kind: 'affirmed', flag, possible: possible.filter((p) => rank(p.level) < rank(flag.level) && !affirmedCodes.has(p.code)) };
  }
  return possible.length > 0 ? { kind: 'possible', flags: possible } : { kind: 'nothing' };
}

/**
 * The safety screen's verdict on one message (S1, S2): the most urgent AFFIRMED red flag,
 * with every affirmed flag at that level as reasons. Negated and possible findings never fire.
 */
export function screen(recognition: Recognition): Flag | null {
  const affirmed = recognition.findings.filter((f) => f.polarity === 'affirmed');
  if (affirmed.length === 0) return null;
  const level = affirmed.reduce<FlagLevel>((best, f) => (rank(f.level) < rank(best) ? f.level : best), 'urgent');
  const reasons = [...new Set(affirmed.filter((f) => f.level === level).map((f) => flagReason(f.code)))];
  return { level, reasons };
}

/**
 * The screen's three-way verdict as the bot runs it: the message read with every given lexicon
 * (the conversation's language first, then English, so an English red flag is never missed in
 * another language), every finding of any of them counting (S2: over-triage is the lesser harm).
 * One exception, when the message is written in the conversation's own language (`ownIsWritten`):
 * where that lexicon read the same flag on the same words as negated or only possible, its reading
 * stands, since it knows that language's negation and hedges ("pas de palpitations", which English
 * would read as a report).
 */
export function screenVerdict(text: string, lexicons: readonly Lexicon[], ownIsWritten = false): ScreenVerdict {
  const [own, ...others] = lexicons;
  if (!own) return { kind: 'nothing' };
  const findings = recognize(text, own).findings;
  const denied = ownIsWritten ? findings.filter((f) => f.polarity !== 'affirmed') : [];
  for (const lex of others) {
    for (const f of recognize(text, lex).findings) {
      if (!denied.some((d) => d.code === f.code && f.start < d.end && d.start < f.end)) findings.push(f);
    }
  }
  return verdictOf(findings);
}

/** The affirmed part of screenVerdict(): the flag that gives advice at once, or null. */
export function screenText(text: string, lexicons: readonly Lexicon[], ownIsWritten = false): Flag | null {
  const v = screenVerdict(text, lexicons, ownIsWritten);
  return v.kind === 'affirmed' ? v.flag : null;
}
