const SPECIAL = /[\\`*_{}[\]()#+!<>|~]/g;

/** Escapes characters that markdown (and the HTML Web Chat allows in it) would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

const isItem = (line: string): boolean => line.startsWith('- ');

/**
 * Turns the plain text of locales/ into safe markdown: every character escaped, lines kept
 * as paragraphs and "- " lines kept as a list (the one structure locale text may use).
 */
export function toMarkdown(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  let out = '';
  lines.forEach((line, i) => {
    const body = isItem(line) ? `- ${escapeMarkdown(line.slice(2))}` : escapeMarkdown(line);
    if (i > 0) out += isItem(line) && isItem(lines[i - 1] ?? '') ? '\n' : '\n\n';
    out += body;
  });
  return out;
}
