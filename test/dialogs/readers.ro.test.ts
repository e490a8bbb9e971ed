import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../dialogs/readers';
import { loadAnswerWords } from '../../src/language/answerWords';
import { loadCommands } from '../../src/language/commands';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { capabilitiesFor } from '../../src/rendering';
import type { Translate, Turn } from '../../src/bot/turn';

/**
 * Romanian answers read with the real Romanian word lists and lexicon (locales/ro/answers.json,
 * redflags.json, commands.json), as found in the second translation review. The turn carries only
 * what the readers use.
 */
const localizer = createLocalizer('en');
const turn = {
  lng: 'ro',
  t: localizer.fixedT('ro') as unknown as Translate,
  caps: capabilitiesFor('test'),
  lexicon: loadLexicon('ro'),
  answers: loadAnswerWords('ro'),
  commands: loadCommands('ro'),
} as unknown as Turn;

const trend = (text: string): string | null => readAnswer(turn, text, 'trend', []);
const sinceYesNo = (text: string): string | null => readAnswer(turn, text, 'yesNo', [], { since: true });
const yesNo = (text: string): string | null => readAnswer(turn, text, 'yesNo', []);

describe('Romanian answers (second review)', () => {
  it('S2: "it has not gone" is never read as gone', () => {
    for (const text of ['nu mi-a trecut', 'nu a trecut deloc', 'n-a trecut', 'încă nu a trecut', 'nu a dispărut', 'nu s-a vindecat']) {
      expect(trend(text), text).toBe('same');
    }
    expect(trend('durerea a trecut dar umflătura e la fel')).toBe('same');
    expect(trend('nu mai doare dar e la fel de umflat')).toBe('same');
    // The plain forms still read as gone.
    expect(trend('a trecut')).toBe('gone');
    expect(trend('mi-a trecut de tot')).toBe('gone');
  });

  it('S2: "it is not good" is not sure, never better and never no', () => {
    for (const text of ['nu e bine', 'nu e bine deloc', 'nu e normal', 'nu sunt bine acum']) {
      expect(trend(text), text).toBe('unsure');
    }
    expect(yesNo('nu e bine')).toBe('unsure');
    expect(yesNo('nu mă simt bine')).toBe('unsure');
  });

  it('"it does not hurt as much any more" is better, not gone', () => {
    expect(trend('nu mai doare așa tare')).toBe('better');
  });

  it('S9: "not any more" at a "now or since your scan" question is a yes', () => {
    for (const text of ['nu mai am', 'nu mă mai doare', 'acum nu mai am']) expect(sinceYesNo(text), text).toBe('yes');
    expect(sinceYesNo('nu')).toBe('no');
  });

  it('"only a little weak" at a faint question is not read as no', () => {
    expect(yesNo('mă simt doar puțin slăbită')).not.toBe('no');
    expect(yesNo('sunt doar puțin obosit')).toBe('no');
  });

  it('"gata" alone does not end the chat', () => {
    expect(loadCommands('ro').command('gata')).not.toBe('stop');
    expect(loadCommands('ro').command('stop')).toBe('stop');
  });
});

describe('Romanian advice wording (second review)', () => {
  const t = turn.t;
  const team = "clinica vasculară de la Spitalul St Mary's, 020 7946 0000";

  it('advice for "no urgent line" names no Romania-only service', () => {
    for (const key of ['urgent.where_noLine', 'urgent.where_carer_noLine', 'urgent.now_noLine', 'urgent.now_noLine_carer']) {
      const text = t(`outcome:${key}`, { emergencyNumber: '112' });
      expect(text, key).toMatch(/urgențe/);
      expect(text, key).not.toMatch(/permanență/);
    }
  });

  it('"within 2 working days" stands next to the verb, before the care-team contact', () => {
    for (const key of ['outcome:soon.contact', 'outcome:soon.contact_carer', 'faq:answers.repeatScan', 'faq:answers.repeatScan_carer']) {
      const text = t(key, { careTeam: team });
      expect(text.indexOf('în cel mult 2 zile lucrătoare luați legătura cu ' + team), key).toBeGreaterThan(-1);
    }
    for (const key of ['outcome:soon.title_carer', 'outcome:summary.advice_soon_carer']) {
      expect(t(key), key).toMatch(/luați legătura în cel mult 2 zile lucrătoare cu echipa medicală a persoanei/i);
    }
  });

  it('the cellulitis question asks about a hot leg, not a warm one', () => {
    for (const key of ['symptoms:fever', 'symptoms:fever_carer', 'common:redFlagQuestion.fever_hot_leg']) {
      expect(t(key), key).toMatch(/piciorul fierbinte și roșu/);
    }
  });
});
