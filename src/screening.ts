/**
 * The red-flag screen exactly as the bot runs it on every message, shared by the bot, the scoring
 * script and the benchmark so that what is measured is what patients get: the conversation's
 * lexicon, English, and the lexicon of the language the message is written in when that is
 * another one (H17). The conversation's own reading of a denied flag stands only when the message
 * is written in that language (src/triage/screen.ts).
 */
import { rank, screenText, type Flag, type FlagLevel } from './triage';
import { recognize, type Lexicon } from './triage/recognizer';

export function screenMessage(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): Flag | null {
  const written = detect(text);
  const langs = new Set([lng, 'en']);
  if (written) langs.add(written);
  return screenText(text, [...langs].map(lexicon), written === lng);
}

/** A red flag the screen could not affirm but that may be there: ask about it (S9). */
export interface PossibleFlag { code: string; level: FlagLevel }

/** The screen's three outcomes (DESIGN.md S9): affirmed (advice at once), possible (one direct question), or nothing. */
export type ScreenVerdict = { kind: 'affirmed'; flag: Flag } | { kind: 'possible'; flags: PossibleFlag[] } | { kind: 'nothing' };

/**
 * The screen as the bot runs it, with its three outcomes: an affirmed flag in any lexicon wins
 * (S2); otherwise every finding the recognizer marks 'possible' in any of the lexicons is a
 * possible flag, most urgent first.
 */
export function screenMessageVerdict(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): ScreenVerdict {
  const flag = screenMessage(text, lng, lexicon, detect);
  if (flag) return { kind: 'affirmed', flag };
  const written = detect(text);
  const langs = new Set([lng, 'en', ...(written ? [written] : [])]);
  const found = new Map<string, PossibleFlag>();
  for (const l of langs) {
    for (const f of recognize(text, lexicon(l)).findings) {
      if ((f.polarity as string) === 'possible' && !found.has(f.code)) found.set(f.code, { code: f.code, level: f.level });
    }
  }
  if (found.size === 0) return { kind: 'nothing' };
  return { kind: 'possible', flags: [...found.values()].sort((a, b) => rank(a.level) - rank(b.level)) };
}
