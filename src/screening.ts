/**
 * The red-flag screen exactly as the bot runs it on every message, shared by the bot, the scoring
 * script and the benchmark so that what is measured is what patients get: the conversation's
 * lexicon, English, and the lexicon of the language the message is written in when that is
 * another one (H17). The conversation's own reading of a denied flag stands only when the message
 * is written in that language (src/triage/screen.ts).
 */
import { screenText, type Flag } from './triage';
import type { Lexicon } from './triage/recognizer';

export function screenMessage(text: string, lng: string, lexicon: (lng: string) => Lexicon, detect: (text: string) => string | null): Flag | null {
  const written = detect(text);
  const langs = new Set([lng, 'en']);
  if (written) langs.add(written);
  return screenText(text, [...langs].map(lexicon), written === lng);
}
