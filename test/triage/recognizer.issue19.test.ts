import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../dialogs/readers';
import { loadAnswerWords } from '../../src/language/answerWords';
import { loadCommands } from '../../src/language/commands';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { capabilitiesFor } from '../../src/rendering';
import { recognize } from '../../src/triage/recognizer';
import type { Translate, Turn } from '../../src/bot/turn';

/**
 * Issue 19, recognizer spot checks from the medical-translator review: German "gleich" (in a
 * moment) is not the trend "the same", "ich kipp gleich um" (I am about to keel over) is the faint
 * red flag, German "I have stopped" is no command to end the chat, and Levantine "ما عم بقدر اتنفس"
 * (I can't breathe, with the progressive "عم") is the breathing emergency like "ما بقدر اتنفس".
 */
const localizer = createLocalizer('en');
const turnIn = (lng: string): Turn => ({
  lng, t: localizer.fixedT(lng) as unknown as Translate, caps: capabilitiesFor('test'),
  lexicon: loadLexicon(lng), answers: loadAnswerWords(lng), commands: loadCommands(lng),
} as unknown as Turn);
const de = turnIn('de');
const ar = turnIn('ar');
const affirmed = (turn: Turn, text: string): string[] => recognize(text, turn.lexicon).findings.filter((f) => f.polarity === 'affirmed').map((f) => f.code);
const trend = (turn: Turn, text: string): string | null => readAnswer(turn, text, 'trend', []);

describe('issue 19: German', () => {
  it('"gleich" meaning "in a moment" is not the trend "the same": it is asked again', () => {
    for (const text of ['moment, gleich', 'ich schau gleich nach', 'sag ich Ihnen gleich', 'warte, ich guck gleich']) {
      expect(trend(de, text), text).toBeNull();
    }
  });

  it('"gleich" as the answer, and "the same" in its usual words, is still the same', () => {
    for (const text of ['gleich', 'Gleich.', 'ist gleich', 'gleich geblieben', 'etwa gleich', 'gleich schlimm', 'alles gleich', 'genauso']) {
      expect(trend(de, text), text).toBe('same');
    }
  });

  it('S1: "ich kipp gleich um" (about to faint) raises the faint red flag, an emergency', () => {
    for (const text of ['ich kipp gleich um', 'mir ist schwindlig, ich kipp gleich um', 'ich klapp gleich zusammen']) {
      expect(affirmed(de, text), text).toContain('fainting');
      expect(recognize(text, de.lexicon).level, text).toBe('emergency');
    }
  });

  it('"Gut, ich habe aufgehört" (I have stopped, e.g. a medicine) does not end the chat; "aufhören" alone does', () => {
    expect(de.commands.command('Gut, ich habe aufgehört')).toBeNull();
    expect(de.commands.command('ich habe aufgehört')).toBeNull();
    expect(de.commands.command('aufhören')).toBe('stop');
  });
});

describe('issue 19: Levantine Arabic', () => {
  it('S1: "ما عم بقدر اتنفس" raises the breathing emergency like "ما بقدر اتنفس"', () => {
    for (const text of ['ما بقدر اتنفس', 'ما عم بقدر اتنفس', 'مش عم بقدر اتنفس', 'ما عم قدر اتنفس', 'رجلي وارمة وما عم بقدر اتنفس']) {
      expect(affirmed(ar, text), text).toContain('breathless');
      expect(recognize(text, ar.lexicon).level, text).toBe('emergency');
    }
  });
});
