import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSms, splitForSms } from '../../src/rendering';

interface SplitSms {
  split(text: string): { characterSet: 'GSM' | 'Unicode'; parts: unknown[] };
}
const splitSms = createRequire(__filename)('split-sms') as SplitSms;

/** GSM basic, GSM extension, Spanish accents outside GSM, and an astral emoji. */
const ALPHABET = ['a', 'Z', ' ', '.', '\n', '1', '_', '@', 'é', 'ñ', '€', '[', '^', 'á', 'í', '¿', '«', '💊'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 400 }).map((cs) => cs.join(''));

describe('SMS segment counting', () => {
  it('agrees with split-sms on charset and segment count for any text', () => {
    fc.assert(fc.property(text, (t) => {
      const ours = countSms(t);
      const theirs = splitSms.split(t);
      expect(ours.charset).toBe(theirs.characterSet === 'GSM' ? 'GSM-7' : 'UCS-2');
      expect(ours.segments).toBe(Math.max(1, theirs.parts.length));
    }), { numRuns: 500 });
  });

  it('knows the limits: 160/153 GSM-7, 70/67 UCS-2, extension characters count twice', () => {
    expect(countSms('a'.repeat(160))).toEqual({ charset: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('a'.repeat(161)).segments).toBe(2);
    expect(countSms('a'.repeat(306)).segments).toBe(2);
    expect(countSms('a'.repeat(307)).segments).toBe(3);
    expect(countSms('€'.repeat(80))).toEqual({ charset: 'GSM-7', units: 160, segments: 1 });
    expect(countSms('á'.repeat(70))).toEqual({ charset: 'UCS-2', units: 70, segments: 1 });
    expect(countSms('á'.repeat(134)).segments).toBe(2);
    expect(countSms('á'.repeat(135)).segments).toBe(3);
  });
});

describe('splitting for SMS', () => {
  it('never loses or reorders a word, and every piece fits when the words allow it', () => {
    const words = fc.array(fc.stringMatching(/^[a-záé]{1,12}[.,]?$/), { maxLength: 120 });
    const breaks = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n');
    fc.assert(fc.property(words, fc.array(breaks, { minLength: 120, maxLength: 120 }), (ws, bs) => {
      const t = ws.map((w, i) => `${w}${bs[i]}`).join('').trim();
      const pieces = splitForSms(t, 2);
      expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(t.split(/\s+/).filter(Boolean));
      for (const p of pieces) expect(countSms(p).segments).toBeLessThanOrEqual(2);
    }), { numRuns: 300 });
  });

  it('cuts at a paragraph before a sentence, and at a sentence before a word', () => {
    const para = `${'Short line here. '.repeat(8).trim()}`;
    const pieces = splitForSms(`${para}\n\n${para}\n\n${para}`, 1);
    expect(pieces.every((p) => p.endsWith('.'))).toBe(true);
    expect(pieces.every((p) => countSms(p).segments === 1)).toBe(true);
  });

  it('cuts Urdu and Arabic at their own sentence ends (۔ ؟), and Chinese at 。 without losing a character', () => {
    const urdu = 'یہ ایک چھوٹا سا جملہ ہے جو کافی لمبا ہے۔ '.repeat(6).trim();
    const pieces = splitForSms(urdu, 1);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.endsWith('۔') && countSms(p).charset === 'UCS-2' && countSms(p).segments === 1)).toBe(true);
    const arabic = 'هل تشعر بضيق في التنفس الآن أو ألم في الصدر؟ '.repeat(5).trim();
    expect(splitForSms(arabic, 1).every((p) => p.endsWith('؟'))).toBe(true);
    const chinese = '如果您胸口痛或者喘不上气，请马上拨打急救电话。'.repeat(8);
    const zh = splitForSms(chinese, 1);
    expect(zh.join('')).toBe(chinese);
    expect(zh.every((p) => p.endsWith('。') && countSms(p).segments === 1)).toBe(true);
  });
});
