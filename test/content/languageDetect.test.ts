/**
 * First-message language detection (SMS has no locale), measured on every offered language's
 * labelled red-flag messages: real-looking first texts, typos, missing accents and, for Urdu,
 * Roman Urdu. A wrong guess is recoverable ("language" at any turn) and the English screen runs
 * alongside whatever is chosen, but a frightened patient should be answered in their language.
 */
import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../../src/language/localizer';
import { buildLanguageDirectory } from '../../src/language/directory';
import { fixtureSets, loadExamples } from '../../scripts/redflagScore';

const localizer = createLocalizer('en');
const directory = buildLanguageDirectory(localizer, 'en');

describe('detecting the language of a first text', () => {
  for (const [text, lng] of [
    ['hello, I had a scan on my leg yesterday', 'en'],
    ['hola, ayer me hicieron una ecografía', 'es'],
    ['你好，我昨天做了腿部超声检查', 'zh-Hans'],
    ['', null],
    ['12345', null],
  ] as const) {
    // A language that is switched off cannot be detected: its case shows as skipped.
    it.runIf(lng === null || localizer.languages.includes(lng))(`${text} → ${lng}`, () => {
      expect(directory.detect(text)).toBe(lng);
    });
  }

  const rows: string[] = [];
  for (const lng of localizer.languages) {
    const examples = fixtureSets().filter((f) => f.lng === lng).flatMap((f) => loadExamples(f.set, lng));
    if (examples.length === 0) continue;
    const right = examples.filter((e) => directory.detect(e.text) === lng).length;
    const unsure = examples.filter((e) => directory.detect(e.text) === null).length;
    const wrong = examples.length - right - unsure;
    rows.push(`${lng.padEnd(8)} n=${String(examples.length).padEnd(5)} right ${(100 * right / examples.length).toFixed(1)}%  unsure ${unsure}  wrong ${wrong}`);
    it(`${lng}: at least 90% of its labelled messages are detected as ${lng}, and at most 3% as another language`, () => {
      expect(right / examples.length).toBeGreaterThanOrEqual(0.9);
      expect(wrong / examples.length).toBeLessThanOrEqual(0.03);
    });
  }

  it('prints the table', () => {
    console.log(['language detection on labelled messages', ...rows].join('\n'));
    expect(rows.length).toBe(localizer.languages.filter((l) => fixtureSets().some((f) => f.lng === l)).length);
  });
});
