import fs from 'node:fs';
import path from 'node:path';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { MESSAGE_NAMESPACES } from '../../src/language/localizer';

const LOCALES = path.resolve(__dirname, '../../locales');
/** Placeholders as a patient reads them: the region's numbers and the translated default contacts. */
const SAMPLE = { emergencyNumber: '999', urgentNumber: '111', careTeam: 'the team who did your scan', pregnancyContact: 'your maternity team', min: '6', max: '8', options: 'Yes, No, Not sure' };

function strings(value: unknown, prefix: string): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, prefix.endsWith(':') ? `${prefix}${k}` : `${prefix}.${k}`));
  return [];
}

/** Flesch–Kincaid grade of one message; list lines and line breaks count as sentence ends. */
export function grade(text: string): number {
  const filled = text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(SAMPLE[k as keyof typeof SAMPLE] ?? k));
  const sentences = filled.split(/[.!?:\n]+/).map((s) => s.trim()).filter((s) => /\p{L}/u.test(s));
  const words = filled.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}'-]/gu, '')).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return 0;
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  return fleschKincaid({ sentence: Math.max(1, sentences.length), word: words.length, syllable: syllables });
}

describe('readability of the English text', () => {
  const messages = MESSAGE_NAMESPACES.flatMap((ns) => strings(JSON.parse(fs.readFileSync(path.join(LOCALES, 'en', `${ns}.json`), 'utf8')), `${ns}:`))
    // A grade formula means nothing for a button label of one or two words: score sentences only.
    .filter(([, text]) => text.split(/\s+/).length >= 5)
    // The evidence summary is written for health professionals, with references; it is not patient text.
    .filter(([key]) => key !== 'explain:professional');
  const scored = messages.map(([key, text]) => ({ key, text, grade: grade(text) }));

  it('H10: every English sentence-length message reads at Flesch–Kincaid grade 6 or lower', () => {
    const mean = scored.reduce((s, m) => s + m.grade, 0) / scored.length;
    const buckets = [0, 2, 4, 6, 8, 99].slice(1).map((hi, i, arr) => {
      const lo = i === 0 ? -99 : arr[i - 1]!;
      return `${i === 0 ? '<' : `${lo}-`}${hi === 99 ? '+' : hi}: ${scored.filter((m) => m.grade > lo && m.grade <= hi).length}`;
    });
    console.log(`Flesch–Kincaid grade over ${scored.length} English messages: mean ${mean.toFixed(2)}; ${buckets.join(', ')}`);
    const tooHard = scored.filter((m) => m.grade > 6).map((m) => `${m.key} (${m.grade.toFixed(1)})`);
    expect(tooHard).toEqual([]);
    expect(mean).toBeLessThanOrEqual(6);
  });
});
