/**
 * The red-flag screen exactly as the bot runs it on every message, shared by the bot, the scoring
 * script and the benchmark so that what is measured is what patients get: the conversation's
 * lexicon, English, and the lexicon of the language the message is written in when that is
 * another one (H17). The conversation's own reading of a denied or only possible flag stands only
 * when the message is written in that language (src/triage/screen.ts).
 */
import { screenVerdict, type Flag, type PossibleFlag, type ScreenVerdict } from '../triage';
import type { Lexicon } from '../triage/recognizer';

export type { PossibleFlag, ScreenVerdict };

/** The lexicons a message is read with, the conversation's first, and whether it is written in that language. */
function lexiconsFor(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): { lexicons: Lexicon[]; own: boolean } {
  const written = detect(text);
  const langs = new Set([lng, 'en']);
  if (written) langs.add(written);
  return { lexicons: [...langs].map(lexicon), own: written === lng };
}

/**
 * The screen's three outcomes (DESIGN.md S1, S2, S9): 'affirmed' (advice at once; any affirmed
 * flag in any lexicon wins), 'possible' (flags that may be there, most urgent first: ask one
 * direct question) or 'nothing'.
 */
export function screenMessageVerdict(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): ScreenVerdict {
  const { lexicons, own } = lexiconsFor(text, lng, lexicon, detect);
  return screenVerdict(text, lexicons, own);
}

/** The affirmed flag only (advice at once), or null: what screenMessageVerdict() calls 'affirmed'. */
export function screenMessage(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): Flag | null {
  const v = screenMessageVerdict(text, lng, lexicon, detect);
  return v.kind === 'affirmed' ? v.flag : null;
}
