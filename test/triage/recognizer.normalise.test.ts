/**
 * Text normalisation before the screen (tokenize.ts): line breaks are spaces to a phrase and
 * never end a sentence, compatibility forms fold (full-width and mathematical letters), and
 * invisible format characters neither split nor change a word. A property test inserts each
 * invisible character into every English and Spanish red-flag phrase (and a sample of every other
 * language's) and checks the phrase still reads the same.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../../src/language/lexicons';
import { findLocalesDir } from '../../src/language/localesDir';
import { foldText, tokenize } from '../../src/triage/recognizer/tokenize';
import { expandPattern, type PatternItem } from '../../src/triage/recognizer/pattern';
import { realise } from '../helpers/phrases';
import { recognize, type Lexicon, type Polarity } from '../../src/triage/recognizer';

const en = loadLexicon('en');
const es = loadLexicon('es');
const level = (lex: Lexicon, text: string): string => recognize(text, lex).level ?? 'none';

/** The invisible characters the issue names, each with its name for failure messages. */
const INVISIBLE: readonly [string, string][] = [
  ['\u200b', 'zero-width space'], ['\u00ad', 'soft hyphen'], ['\u2060', 'word joiner'], ['\ufeff', 'byte order mark'],
  ['\u200e', 'left-to-right mark'], ['\u200f', 'right-to-left mark'], ['\u2066', 'left-to-right isolate'],
  ['\u2067', 'right-to-left isolate'], ['\u2068', 'first-strong isolate'], ['\u2069', 'pop directional isolate'],
  ['\u200c', 'zero-width non-joiner'], ['\u200d', 'zero-width joiner'],
];

describe('line breaks', () => {
  it('S1: a line break inside a phrase is a space ("I can\'t\\nbreathe")', () => {
    expect(level(en, "I can't\nbreathe")).toBe('emergency');
    expect(level(en, 'chest\npain')).toBe('emergency');
    expect(level(en, 'chest\r\npain')).toBe('emergency');
    expect(level(es, 'no puedo\nrespirar')).toBe('emergency');
  });

  it('a line break ends no sentence: a question mark on the next line still makes a question', () => {
    expect(tokenize('is it normal\nto be this out of breath?').brk).not.toContain(3);
    expect(recognize('is it normal\nto be this out of breath?', en).findings.map((f) => f.polarity)).toEqual(['possible']);
  });

  it('S2: a denial stops at a line break as at a comma ("no chest pain\\nbreathless since lunch")', () => {
    expect(level(en, 'no chest pain\nbreathless since lunch')).toBe('emergency');
  });

  it('LS, PS and NEL are line breaks too', () => {
    for (const br of ['\u2028', '\u2029', '\u0085']) expect(level(en, `chest${br}pain`), JSON.stringify(br)).toBe('emergency');
  });
});

describe('compatibility folding (NFKC)', () => {
  it('S1: full-width letters fold to plain ones ("ｃｈｅｓｔ ｐａｉｎ")', () => {
    expect(level(en, 'ｃｈｅｓｔ ｐａｉｎ')).toBe('emergency');
    expect(level(es, 'ＤＯＬＯＲ de pecho')).toBe('emergency');
  });

  it('S1: mathematical bold and italic letters fold ("𝐜𝐡𝐞𝐬𝐭 𝐩𝐚𝐢𝐧")', () => {
    expect(level(en, '𝐜𝐡𝐞𝐬𝐭 𝐩𝐚𝐢𝐧')).toBe('emergency');
    expect(level(en, '𝘤𝘩𝘦𝘴𝘵 𝘱𝘢𝘪𝘯')).toBe('emergency');
  });

  it('full-width digits, punctuation and apostrophes fold ("ｃａｎ＇ｔ ｂｒｅａｔｈｅ", "１４０")', () => {
    expect(level(en, 'ｃａｎ＇ｔ ｂｒｅａｔｈｅ')).toBe('emergency');
    expect(level(en, 'pulse is １４０')).toBe('emergency');
  });

  it('Arabic presentation forms fold to their letters', () => {
    expect(foldText('\ufefb')).toBe(foldText('\u0644\u0627')); // lam-alef ligature
  });

  it('findings still point at the characters the patient typed', () => {
    const text = 'ｃｈｅｓｔ ｐａｉｎ!';
    const f = recognize(text, en).findings[0];
    expect(f && text.slice(f.start, f.end)).toBe('ｃｈｅｓｔ ｐａｉｎ');
  });
});

describe('invisible format characters', () => {
  it.each(INVISIBLE)('S1: %s (%s) inside a word neither splits nor changes it', (ch) => {
    expect(tokenize(`ch${ch}est pa${ch}in`).words).toEqual(['chest', 'pain']);
    expect(level(en, `ch${ch}est pa${ch}in`)).toBe('emergency');
  });

  it('Urdu and Arabic words written with a zero-width non-joiner stay one word', () => {
    expect(tokenize('سانس\u200cنہیں').words).toEqual(tokenize('سانسنہیں').words);
    expect(tokenize('سانس\u200cنہیں').words).toHaveLength(1);
  });

  it('a decimal point is part of a number, not a sentence end ("38.5")', () => {
    expect(tokenize('temperature of 38.5 and').brk).toEqual([0, 0, 0, 0, 0]);
  });
});

interface Case { code: string; text: string }
/** Every expanded red-flag phrase (and weak sign) of a language, written out, with its flag code. */
function cases(lng: string): Case[] {
  const raw = JSON.parse(fs.readFileSync(path.join(findLocalesDir(), lng, 'redflags.json'), 'utf8')) as {
    flags: Record<string, { phrases: string[]; possible?: string[] }>;
  };
  return Object.entries(raw.flags).flatMap(([code, f]) =>
    [...f.phrases, ...(f.possible ?? [])].flatMap((p) => expandPattern(p)).map((seq, i) => ({ code, text: realise(seq, i) })));
}

/** What the lexicon reads for a code in a text: its polarities, in order. */
const reading = (lex: Lexicon, text: string, code: string): Polarity[] =>
  recognize(text, lex).findings.filter((f) => f.code === code).map((f) => f.polarity);

/** Puts `ch` inside the longest word of `text` (between its first and second letter). */
function insideLongestWord(text: string, ch: string): string {
  const words = text.split(' ');
  let best = 0;
  words.forEach((w, i) => { if ([...w].length > [...(words[best] as string)].length) best = i; });
  const w = [...(words[best] as string)];
  words[best] = w.length < 2 ? `${w.join('')}${ch}` : `${w[0] as string}${ch}${w.slice(1).join('')}`;
  return words.join(' ');
}

const FULL_WIDTH = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('normalisation properties', () => {
  for (const lng of ['en', 'es']) {
    const lex = loadLexicon(lng);
    const all = cases(lng);
    it(`S1: every ${lng} red-flag phrase reads the same with each invisible character inside its longest word`, () => {
      for (const { code, text } of all) {
        const clean = reading(lex, text, code);
        if (clean.length === 0) continue; // a phrase that needs surrounding words of its own
        for (const [ch, name] of INVISIBLE) {
          const typed = insideLongestWord(text, ch);
          expect(reading(lex, typed, code), `${name}: ${JSON.stringify(typed)}`).toEqual(clean);
        }
      }
    });

    it(`S1: any ${lng} red-flag phrase reads the same with invisible characters anywhere, line breaks for spaces and full-width letters`, () => {
      fc.assert(
        fc.property(fc.nat({ max: all.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE.map(([c]) => c))), { maxLength: 4 }), fc.boolean(), fc.boolean(),
          (which, inserts, breakLines, wide) => {
            const { code, text } = all[which] as Case;
            const clean = reading(lex, text, code);
            let typed = text;
            for (const [at, ch] of inserts) {
              const p = at % (typed.length + 1);
              typed = `${typed.slice(0, p)}${ch}${typed.slice(p)}`;
            }
            if (breakLines) typed = typed.replace(/ /g, '\n');
            if (wide) typed = FULL_WIDTH(typed);
            // A line break stops a denial or a concept pair as a comma does; the phrase itself must still be read.
            const got = reading(lex, typed, code);
            if (breakLines) expect(got.length > 0 || clean.length === 0, JSON.stringify(typed)).toBe(true);
            else expect(got, JSON.stringify(typed)).toEqual(clean);
          }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 800) },
      );
    });
  }

  it('S1: a sample of every other language\'s phrases reads the same with each invisible character inside a word', () => {
    for (const lng of ['fr', 'de', 'pl', 'pt', 'ro', 'ar', 'ur', 'zh-Hans']) {
      const lex = loadLexicon(lng);
      const all = cases(lng);
      const step = Math.max(1, Math.floor(all.length / 60));
      for (let i = 0; i < all.length; i += step) {
        const { code, text } = all[i] as Case;
        const clean = reading(lex, text, code);
        if (clean.length === 0) continue;
        for (const [ch, name] of INVISIBLE) {
          const typed = insideLongestWord(text, ch);
          expect(reading(lex, typed, code), `${lng} ${name}: ${JSON.stringify(typed)}`).toEqual(clean);
        }
      }
    }
  });
});
