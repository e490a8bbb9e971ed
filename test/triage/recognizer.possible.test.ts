/**
 * The screen's three outcomes (DESIGN.md S1, S2, S9): affirmed (advice at once), possible (one
 * direct question) or nothing. A mention of a red-flag topic the recognizer cannot affirm with
 * confidence is 'possible'; close, clear negation, hypotheticals, history and other people's
 * stories stay 'negated' (nothing); an affirmed flag anywhere wins.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { affirmedFlag, createRedFlagScreen } from '../../src/safety/screen';

/** The bot's screen with the language a message is written in fixed (null: not detected). */
const screenAs = (written: string | null) => createRedFlagScreen((l) => loadLexicon(l), { detect: () => written, named: () => null });
import { screenText, screenVerdict, verdictOf } from '../../src/triage';
import { recognize, type Lexicon, type Polarity } from '../../src/triage/recognizer';

type Lng = 'en' | 'es';
const lex: Record<Lng, Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const polarities = (lng: Lng, text: string, code: string): Polarity[] =>
  recognize(text, lex[lng]).findings.filter((f) => f.code === code).map((f) => f.polarity);
/** The verdict as the bot gets it, with the message's language known. */
const verdict = (lng: Lng, text: string) => screenAs(lng)(text, lng);
const kind = (lng: Lng, text: string): string => {
  const v = verdict(lng, text);
  return v.kind === 'affirmed' ? `affirmed ${v.flag.level}` : v.kind;
};

describe('possible: what the recognizer cannot affirm with confidence', () => {
  it.each([
    ['en', 'breathless', 'maybe a bit breathless'],
    ['en', 'breathless', 'perhaps slightly short of breath?'],
    ['es', 'breathless', 'quizás me falta un poco el aire'],
  ] as const)('S9: doubt on doubt (two hedges) is possible: %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toEqual(['possible']);
  });

  it.each([
    ['en', 'breathless', 'a bit breathless but probably just nerves'],
    ['en', 'breathless', 'slightly out of breath, must be the heat'],
    ['es', 'breathless', 'me falta un poco el aire pero seguro que son los nervios'],
  ] as const)('S9: a hedged report explained away is possible: %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toEqual(['possible']);
  });

  it.each([
    ['en', 'fainting', 'I think I fainted'], ['en', 'breathless', 'a bit breathless'],
    ['en', 'breathless', "probably nothing but I can't breathe"], ['es', 'breathless', 'creo que me falta el aire'],
  ] as const)('S2: one hedge or one explanation alone leaves a clear report affirmed: %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toEqual(['affirmed']);
  });

  it('S2: a hedge that belongs to the explanation is not a second doubt ("but I think it\'s just tiredness")', () => {
    expect(polarities('en', "I'm breathing with difficulty, but I think it's just tiredness", 'breathless')).toEqual(['affirmed']);
  });

  it('S2: explaining away counts once, however many explainers say it', () => {
    expect(polarities('en', "can't get my breath, I'm so stressed, must be the heat", 'breathless')).toEqual(['affirmed']);
  });

  it('S2: a hedge turned around by a denial is no doubt ("not just nerves")', () => {
    expect(polarities('en', "it's not just nerves, I'm a bit breathless", 'breathless')).toEqual(['affirmed']);
  });

  it.each([
    ['en', 'breathless', 'is it normal to be this out of breath?'],
    ['en', 'fainting', 'is it normal to feel this faint?'],
    ['es', 'breathless', '¿es normal quedarse tan sin aire?'],
  ] as const)('S9: a question about the asker\'s own state that never names them is possible: %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toEqual(['possible']);
  });

  it.each([
    ['en', 'should I be worried that my chest hurts when I breathe?'], ['en', 'is it normal to be this breathless after a scan'],
    ['en', 'Is it normal to cough up blood? I just did'], ['es', 'es normal que me falte el aire despues de la eco?'],
  ] as const)('S2: a question that names the patient or their scan is a report: %s "%s"', (lng, text) => {
    expect(recognize(text, lex[lng]).level).toBe('emergency');
  });

  it.each([
    ['en', 'are palpitations something to worry about with a clot'], ['es', '¿es grave toser sangre?'],
  ] as const)('S2: a general question with nothing pointing at the asker stays nothing: %s "%s"', (lng, text) => {
    expect(kind(lng, text)).toBe('nothing');
  });

  it.each([
    ['en', 'chest_pain', 'my chest feels weird'], ['en', 'fast_heartbeat', 'my heart feels a bit funny'],
    ['en', 'chest_pain', "something's not right in my chest"], ['es', 'chest_pain', 'noto el pecho raro'],
  ] as const)('S9: a red-flag body part with a vague change word is possible: %s %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toContain('possible');
    expect(recognize(text, lex[lng]).level).toBeNull();
  });

  it('S2: a vague word next to a leg, a colour or a tissue makes nothing of its own (rules opt out with "vague": false)', () => {
    for (const text of ['my leg feels a bit heavy', 'a weird red rash on my tummy', 'the tissue looks odd']) expect(kind('en', text), text).toBe('nothing');
  });

  it('S2: a vague word denied close by is nothing ("my chest doesn\'t feel weird")', () => {
    expect(kind('en', "my chest doesn't feel weird")).toBe('nothing');
  });

  it.each([
    ['en', 'pulse is 118'], ['en', 'my heart rate is 104 sitting down'], ['en', '112 bpm on my watch'], ['es', 'tengo el pulso a 112'],
  ] as const)('S9: a pulse of 100 to 119 is possible: %s "%s"', (lng, text) => {
    expect(polarities(lng, text, 'fast_heartbeat')).toEqual(['possible']);
  });

  it('S1: a pulse of 120 or more is affirmed; a normal pulse is nothing', () => {
    expect(kind('en', 'pulse is 130')).toBe('affirmed emergency');
    expect(kind('en', 'pulse is 72')).toBe('nothing');
    expect(kind('es', 'tengo el pulso a 70')).toBe('nothing');
  });

  it.each([
    ['en', 'fainting', 'I feel dizzy'], ['en', 'head_injury', "I've had a headache all day"], ['en', 'fever_hot_leg', 'I feel feverish'],
    ['en', 'bleeding_wont_stop', 'I had a nosebleed'], ['es', 'fainting', 'estoy mareada'], ['es', 'head_injury', 'me duele la cabeza'],
  ] as const)('S9: a weak sign of a flag (flags.<code>.possible) is possible: %s %s "%s"', (lng, code, text) => {
    expect(polarities(lng, text, code)).toEqual(['possible']);
  });

  it('S2: a weak sign denied close by is nothing ("not dizzy", "no headache")', () => {
    expect(kind('en', 'not dizzy')).toBe('nothing');
    expect(kind('en', 'no headache')).toBe('nothing');
  });
});

describe('negation: close is nothing, far is possible', () => {
  it.each([
    ['en', 'no chest pain'], ['en', "haven't had any chest pain"], ['en', "I don't have chest pain"], ['es', 'no tengo dolor de pecho'],
  ] as const)('S2: a close, clear denial is negated (nothing): %s "%s"', (lng, text) => {
    expect(polarities(lng, text, 'chest_pain')).toEqual(['negated']);
  });

  it.each([
    ['en', 'no cough, fever or chest pain'], ['en', "I don't get a cough or chest pain"], ['es', 'no tengo tos, fiebre o dolor de pecho'],
  ] as const)('S9: a denial that reaches across a list is possible: %s "%s"', (lng, text) => {
    expect(polarities(lng, text, 'chest_pain')).toEqual(['possible']);
  });

  it('S9: a denial that reaches over several words is possible ("I don\'t think I have ever really been short of breath")', () => {
    expect(polarities('en', "I don't think I have ever really been short of breath", 'breathless')).toEqual(['possible']);
  });

  it('S2: a denial never reaches past a new clause or a comma without a list', () => {
    expect(polarities('en', "I don't have chest pain and I'm short of breath", 'breathless')).toEqual(['affirmed']);
    expect(polarities('en', 'no chest pain, coughing blood', 'coughing_blood')).toEqual(['affirmed']);
  });
});

describe('nothing: hypotheticals, history and other people', () => {
  it.each([
    ['en', 'what if I get chest pain'], ['en', 'what should I do if I start coughing blood?'], ['es', '¿qué hago si me duele el pecho?'],
  ] as const)('S2: a hypothetical about the future is nothing: %s "%s"', (lng, text) => {
    expect(kind(lng, text)).toBe('nothing');
  });

  it.each([
    ['en', 'my neighbour had a clot last year and said she could not breathe'], ['en', 'my friend had a PE and she said her chest was agony'],
    ['en', 'watching a film where a guy coughs up blood'], ['es', 'mi vecina tuvo un trombo el año pasado y se desmayó'],
  ] as const)('S2: someone else\'s story is nothing: %s "%s"', (lng, text) => {
    expect(kind(lng, text)).toBe('nothing');
  });

  it('S1: a carer\'s report about the person they look after is affirmed', () => {
    expect(kind('en', 'my wife cannot get her breath and her lips look blue')).toBe('affirmed emergency');
  });
});

describe('the verdict (screenVerdict, createRedFlagScreen)', () => {
  it('S2: an affirmed flag anywhere wins over possible ones', () => {
    const v = verdict('en', "maybe a bit dizzy, and I can't breathe");
    expect(v.kind).toBe('affirmed');
    if (v.kind === 'affirmed') expect(v.flag).toEqual({ level: 'emergency', reasons: ['RF_BREATHLESS'] });
  });

  it('S9: possible flags come most urgent first, each once, with the code, level and reason code', () => {
    const v = verdict('en', 'I feel feverish and my chest feels weird, chest feels weird');
    expect(v).toEqual({
      kind: 'possible',
      flags: [
        { code: 'chest_pain', level: 'emergency', reason: 'RF_CHEST_PAIN' },
        { code: 'fever_hot_leg', level: 'urgent', reason: 'RF_FEVER_HOT_LEG' },
      ],
    });
  });

  it('S9: an affirmed urgent flag carries the more urgent possible flags, so the bot may still ask about them', () => {
    const v = verdict('en', 'my calf is much more swollen and I feel dizzy');
    expect(v).toEqual({
      kind: 'affirmed',
      flag: { level: 'urgent', reasons: ['RF_LEG_WORSE'] },
      possible: [{ code: 'fainting', level: 'emergency', reason: 'RF_FAINTING' }],
    });
  });

  it('nothing when no red flag is mentioned or every mention is denied close by', () => {
    expect(verdict('en', 'hello, the leg is a bit better today')).toEqual({ kind: 'nothing' });
    expect(verdict('en', 'no chest pain and not breathless')).toEqual({ kind: 'nothing' });
  });

  it('affirmedFlag and screenText return only the affirmed flag, or null for possible', () => {
    const read = (text: string) => affirmedFlag(screenAs('en')(text, 'en'));
    expect(read("I can't breathe")).toEqual({ level: 'emergency', reasons: ['RF_BREATHLESS'] });
    expect(read('maybe a bit breathless')).toBeNull();
    expect(screenText('maybe a bit breathless', [lex.en])).toBeNull();
    expect(screenVerdict('maybe a bit breathless', [lex.en]).kind).toBe('possible');
  });

  it('S2: where the message is in the conversation\'s language, its own hedged reading stands over another lexicon\'s report', () => {
    // English reads "palpitations" as a report; the Spanish reading, doubted twice, stands.
    const text = 'quizás un poco de palpitations, seguro que son los nervios';
    expect(screenAs('es')(text, 'es').kind).toBe('possible');
    expect(screenAs(null)(text, 'es').kind).toBe('affirmed');
  });

  it('verdictOf reads findings from any source the same way', () => {
    expect(verdictOf([])).toEqual({ kind: 'nothing' });
    expect(verdictOf([{ code: 'fainting', level: 'emergency', polarity: 'negated', start: 0, end: 5 }])).toEqual({ kind: 'nothing' });
  });
});
