import { countSms } from './smsSegments';

/** Where text may be cut, most natural first, with what joins the pieces again. */
const LEVELS: readonly { cut: RegExp; join: string }[] = [
  { cut: /\n{2,}/, join: '\n\n' },
  { cut: /\n/, join: '\n' },
  // Sentence ends, including Arabic ؟ ؛ and the Urdu full stop ۔
  { cut: /(?<=[.!?:;\u061f\u061b\u06d4])\s+/, join: ' ' },
  // Chinese sentence ends are full-width and followed by no space.
  { cut: /(?<=[\u3002\uff01\uff1f\uff1b])\s*/, join: '' },
  { cut: /\s+/, join: ' ' },
  { cut: /(?<=[\uff0c\u3001])/, join: '' },
];

/** Packs pieces greedily into as few texts as fit, keeping their order. */
function pack(pieces: readonly string[], join: string, fits: (text: string) => boolean): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece : `${current}${join}${piece}`;
    if (current !== '' && !fits(joined)) {
      out.push(current);
      current = piece;
    } else {
      current = joined;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function cut(text: string, fits: (text: string) => boolean, level: number): string[] {
  if (fits(text)) return [text];
  const rule = LEVELS[level];
  if (!rule) return [text];
  const parts = text.split(rule.cut).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length <= 1) return cut(text, fits, level + 1);
  return pack(parts.flatMap((p) => cut(p, fits, level + 1)), rule.join, fits);
}

/**
 * Splits a text into messages of at most `maxSegments` SMS segments each, cutting at paragraph
 * breaks first, then lines, then sentences (in Latin, Arabic-script and Chinese punctuation), and at
 * words (or Chinese commas) only when a sentence alone is too long.
 * Each piece is counted on its own, so a piece without accents can go as cheaper GSM-7; `lead` is
 * a mark the caller may put in front of a piece (bidi.ts RLM), counted as if it were there.
 */
export function splitForSms(text: string, maxSegments: number, lead = ''): string[] {
  return cut(text.trim(), (t) => countSms(`${lead}${t}`).segments <= maxSegments, 0);
}
