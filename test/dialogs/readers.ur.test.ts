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
 * Urdu answers and advice wording, read with the real Urdu word lists, lexicon and messages
 * (locales/ur), as found in the second translation review. The turn carries only what the
 * readers use.
 */
const localizer = createLocalizer('en');
const turn = {
  lng: 'ur',
  t: localizer.fixedT('ur') as unknown as Translate,
  caps: capabilitiesFor('test'),
  lexicon: loadLexicon('ur'),
  answers: loadAnswerWords('ur'),
  commands: loadCommands('ur'),
} as unknown as Turn;

const trend = (text: string): string | null => readAnswer(turn, text, 'trend', []);
const yesNo = (text: string): string | null => readAnswer(turn, text, 'yesNo', []);
const level = (text: string): string | null => recognize(text, turn.lexicon).level;
/** The text without the bidi marks that i18n puts around inserted values. */
const plain = (text: string): string => text.replace(/[\u2066-\u2069\u200e\u200f]/g, '');

describe('Urdu answers (second review)', () => {
  it('S2: the tag "نا" after a verb ("ہے نا": there is, you see) is a yes, never a no', () => {
    for (const text of ['ہے نا', 'درد تو ہے نا', 'جی ہے نا', 'haan hai na', 'ہاں نا']) expect(yesNo(text), text).toBe('yes');
    expect(yesNo('نہیں')).toBe('no');
    expect(yesNo('نہیں ہے نا')).not.toBe('yes');
  });

  it('S1: the tag "نا" does not negate a red flag told in the same sentence', () => {
    for (const text of ['سینے میں درد ہے نا', 'کھانسی کے ساتھ خون آ رہا ہے نا', 'مجھے سانس نہیں آ رہی نا']) expect(level(text), text).toBe('emergency');
    expect(level('ٹانگ کی سوجن بڑھ گئی ہے نا')).toBe('urgent');
    expect(level('سینے میں درد نہیں ہے')).toBeNull();
  });

  it('S1: "who knows why", "for no reason" and "what should I do" are no negation and no general question', () => {
    for (const text of ['نہ جانے کیوں سانس پھول رہی ہے', 'na jane kyun seene mein dard hai', 'بغیر کسی وجہ کے سانس پھول رہی ہے',
      'کیا کروں سینے میں درد ہے', 'kya karun seene mein dard hai', 'کیا بتاؤں سینے میں درد ہے']) {
      expect(level(text), text).toBe('emergency');
    }
    // General and conditional questions stay questions.
    expect(level('کیا سینے میں درد خطرناک ہے؟')).toBeNull();
    expect(level('سینے میں درد ہو تو کیا کروں')).toBeNull();
  });

  it('"I am resting" is no trend answer; relief that came is better', () => {
    expect(trend('آرام کر رہی ہوں')).toBeNull();
    expect(trend('aram kar rahi hun')).toBeNull();
    expect(trend('آرام آ گیا ہے')).toBe('better');
    expect(trend('کافی آرام ہے')).toBe('better');
  });

  it('"much better than before" is better, and no worsening', () => {
    expect(trend('پہلے سے زیادہ بہتر ہے')).toBe('better');
    expect(level('ٹانگ پہلے سے زیادہ بہتر ہے')).toBeNull();
    expect(trend('پہلے سے زیادہ درد ہے')).toBe('worse');
  });

  it('"there is a difference" alone is not read as better', () => {
    expect(trend('فرق ہے')).not.toBe('better');
    expect(trend('فرق پڑا ہے')).toBe('better');
  });

  it('everyday one-word answers do not end the chat', () => {
    const commands = loadCommands('ur');
    for (const text of ['ختم', 'khatam', 'بس', 'bas', 'نہیں چاہیے', 'رک جائیں']) expect(commands.command(text), text).not.toBe('stop');
    for (const text of ['بند کریں', 'ختم کریں', 'stop']) expect(commands.command(text), text).toBe('stop');
  });
});

describe('Urdu advice wording (second review)', () => {
  const t = turn.t;
  const CONTACT_KEYS = ['outcome:soon.contact', 'outcome:soon.what_askAboutScan', 'faq:answers.repeatScan', 'common:careTeam', 'outcome:bloodThinners.stop'];

  it('the default care-team contact reads as a noun before "سے" ("the team that did your scan")', () => {
    for (const [who, value] of [['patient', t('common:careTeamDefault')], ['carer', t('common:careTeamDefault_carer')]] as const) {
      expect(value, who).toMatch(/اسکین کرنے والی ٹیم$/);
      for (const key of CONTACT_KEYS) {
        const text = plain(t(key, { careTeam: value, emergencyNumber: '112' }));
        expect(text, `${who} ${key}`).toContain(`${value} سے`);
        expect(text, `${who} ${key}`).not.toMatch(/تھا سے/);
      }
    }
  });

  it('the default maternity contact names no "own" team, so it fits the carer text too', () => {
    const value = t('common:pregnancyContactDefault');
    expect(value).not.toMatch(/اپن/);
    expect(plain(t('outcome:urgent.maternity_carer', { pregnancyContact: value }))).toContain(`${value} سے رابطہ کریں`);
  });

  it('advice for "no urgent line" names the hospital emergency department, not only urgent care', () => {
    for (const key of ['urgent.where_noLine', 'urgent.where_carer_noLine', 'urgent.now_noLine', 'urgent.now_noLine_carer']) {
      expect(plain(t(`outcome:${key}`, { emergencyNumber: '112' })), key).toMatch(/ہسپتال کی ایمرجنسی/);
    }
  });

  it('the pregnancy question asks whether she gave birth, not whether a baby was born in the household', () => {
    for (const key of ['symptoms:pregnant', 'symptoms:pregnant_carer']) {
      expect(t(key), key).toMatch(/بچے کو جنم دیا/);
      expect(t(key), key).not.toMatch(/کے ہاں بچہ/);
    }
  });

  it('the NHS 111 web address opens with a Latin letter, so a right-to-left line does not split it at the digits', () => {
    expect(t('outcome:urgent.online_uk')).toMatch(/https:\/\/111\.nhs\.uk$/);
  });
});
