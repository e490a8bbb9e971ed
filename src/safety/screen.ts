/**
 * The red-flag screen exactly as the bot runs it on every message, shared by the bot, the scoring
 * scripts and the benchmark so that what is measured is what patients get. It reads a message
 * with the conversation's lexicon, English (an English red flag is never missed), and the lexicon
 * of the language the message is written in when that is a third one (H17). The conversation's own
 * reading of a denied or only possible flag stands only when the message is written in that
 * language (src/triage/screen.ts screenVerdict). A language's name on its own ("espanhol",
 * "polski") is a choice of language, never a red flag.
 */
import { rank, screenVerdict, type Flag, type PossibleFlag, type ScreenVerdict } from '../triage';
import type { Lexicon } from '../triage/recognizer';

export type { Flag, PossibleFlag, ScreenVerdict };

/** What the screen needs to know about languages: which one a text is written in, and whether it only names one. */
export interface ScreenLanguages {
  detect: (text: string) => string | null;
  named: (text: string) => string | null;
}

/**
 * The screen's three outcomes (DESIGN.md S1, S2, S9) for a message in a conversation held in
 * `lng`: 'affirmed' (advice at once; any affirmed flag in any lexicon wins), 'possible' (flags
 * that may be there, most urgent first: ask one direct question) or 'nothing'.
 */
export type RedFlagScreen = (text: string, lng: string) => ScreenVerdict;

const NOTHING: ScreenVerdict = { kind: 'nothing' };

export function createRedFlagScreen(lexicon: (lng: string) => Lexicon, languages: ScreenLanguages): RedFlagScreen {
  return (text, lng) => {
    if (!text || languages.named(text)) return NOTHING;
    const written = languages.detect(text);
    const langs = new Set([lng, 'en']);
    if (written) langs.add(written);
    return screenVerdict(text, [...langs].map(lexicon), written === lng);
  };
}

/** The more urgent of two verdicts on one message: affirmed beats possible beats nothing (S2). */
export function moreUrgentVerdict(a: ScreenVerdict, b: ScreenVerdict): ScreenVerdict {
  if (a.kind === 'affirmed' && b.kind === 'affirmed') return rank(b.flag.level) < rank(a.flag.level) ? b : a;
  if (a.kind === 'affirmed') return a;
  if (b.kind === 'affirmed') return b;
  return a.kind === 'possible' ? a : b;
}

/** The flag that gives advice at once, or null. */
export function affirmedFlag(verdict: ScreenVerdict): Flag | null {
  return verdict.kind === 'affirmed' ? verdict.flag : null;
}

/** An affirmed emergency: advice before anything else, whatever else fails (S1). */
export function emergencyFlag(verdict: ScreenVerdict): Flag | null {
  return verdict.kind === 'affirmed' && verdict.flag.level === 'emergency' ? verdict.flag : null;
}
