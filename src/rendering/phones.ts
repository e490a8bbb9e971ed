/**
 * Phone numbers in advice text: found where the deployment's own numbers (emergency, urgent
 * line) appear, so each can become a tap-to-call link, button or line. Only those numbers are
 * matched, never any run of digits ("2 days", "111.nhs.uk" stay text).
 */

/** The tel: URI that dials a number as written ("116 117" → tel:116117). */
export const telUri = (number: string): string => `tel:${number.replace(/[^0-9+]/g, '')}`;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for the numbers as they may be written: digit groups apart by spaces, no-break
 * spaces or the bidi isolates right-to-left text puts around them; not inside a longer number,
 * a word or a web address.
 */
export function phonePattern(phones: readonly string[]): RegExp | null {
  const key = phones.join('\n');
  if (!PATTERNS.has(key)) PATTERNS.set(key, buildPattern(phones));
  return PATTERNS.get(key) ?? null;
}

/** One pattern per list of numbers (a deployment has one list; built once, not per message). */
const PATTERNS = new Map<string, RegExp | null>();

function buildPattern(phones: readonly string[]): RegExp | null {
  const alternatives = [...new Set(phones.map((p) => p.trim()).filter((p) => /\d/.test(p)))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/[\s\u00A0]+/).map(escapeRegExp).join('[\\s\\u00A0\\u2066-\\u2069]*'));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}.+])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`, 'gu');
}

/** Text cut into plain pieces and the phone numbers between them, in order. */
export function splitPhones(text: string, phones: readonly string[]): { text: string; phone: boolean }[] {
  const re = phonePattern(phones);
  if (!re) return [{ text, phone: false }];
  const out: { text: string; phone: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), phone: false });
    out.push({ text: m[0], phone: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), phone: false });
  return out;
}

/** The first of the numbers that the text names, as written in the text. */
export function firstPhone(text: string, phones: readonly string[]): string | undefined {
  return splitPhones(text, phones).find((piece) => piece.phone)?.text;
}

/**
 * Phone numbers written in free text a deployment configures (CARE_TEAM_CONTACT, e.g. "the DVT
 * clinic on 020 7946 0000"): runs of at least six digits, optionally grouped by spaces or hyphens.
 */
export function phonesIn(text: string | undefined): string[] {
  if (!text) return [];
  return [...text.matchAll(/\+?\d[\d \u00A0-]{4,}\d/g)].map((m) => m[0].trim()).filter((p) => p.replace(/\D/g, '').length >= 6);
}
