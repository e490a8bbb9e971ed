import { splitPhones, telUri } from './phones';

/** A markdown flavour text is escaped for. */
export type Dialect = 'markdown' | 'teams';

/**
 * Characters each flavour would interpret. CommonMark (Web Chat, which also renders HTML inside
 * markdown since 4.17) gets every ASCII punctuation that can start markup. Teams' subset only
 * reacts to emphasis, code, strike, headings, links and tags, and is not documented to honour
 * every CommonMark escape, so it gets fewer backslashes to show if it did not.
 */
const SPECIAL: Record<Dialect, RegExp> = {
  markdown: /[\\`*_{}[\]()#+!<>|~]/g,
  teams: /[\\`*_[\]#<>~]/g,
};

/** Escapes characters that the flavour of markdown (and HTML) would interpret. */
export function escapeMarkdown(text: string, dialect: Dialect = 'markdown'): string {
  return text.replace(SPECIAL[dialect], (c) => `\\${c}`);
}

/**
 * Escapes text, and makes each of the deployment's phone numbers in it a tap-to-call link
 * (`[999](tel:999)`; Web Chat's sanitizer keeps tel: links, and Teams renders markdown links).
 */
export function escapeLinkingPhones(text: string, dialect: Dialect, phones: readonly string[]): string {
  if (phones.length === 0) return escapeMarkdown(text, dialect);
  return splitPhones(text, phones).map((piece) => (piece.phone ? `[${escapeMarkdown(piece.text, dialect)}](${telUri(piece.text)})` : escapeMarkdown(piece.text, dialect))).join('');
}

const isItem = (line: string): boolean => line.startsWith('- ');

/**
 * Turns the plain text of locales/ into safe markdown: every character escaped, lines kept
 * as paragraphs and "- " lines kept as a list (the one structure locale text may use), and
 * the given phone numbers linked for tap-to-call.
 */
export function toMarkdown(text: string, dialect: Dialect = 'markdown', phones: readonly string[] = []): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  let out = '';
  lines.forEach((line, i) => {
    const body = isItem(line) ? `- ${escapeLinkingPhones(line.slice(2), dialect, phones)}` : escapeLinkingPhones(line, dialect, phones);
    if (i > 0) out += isItem(line) && isItem(lines[i - 1] ?? '') ? '\n' : '\n\n';
    out += body;
  });
  return out;
}

/** A bold heading line. */
export function bold(text: string, dialect: Dialect = 'markdown', phones: readonly string[] = []): string {
  return `**${escapeLinkingPhones(text, dialect, phones)}**`;
}
