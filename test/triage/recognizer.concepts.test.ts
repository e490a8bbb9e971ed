/**
 * The concept layer (src/triage/recognizer/concepts.ts): descriptions of a red flag rather than
 * its name, with the same negation and hypothetical scopes as phrases, and the guards that keep
 * an anchor from pairing with a problem that belongs to something else.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../../src/language/lexicons';
import { findLocalesDir } from '../../src/language/localesDir';
import { compileLexicon, readYesNo, recognize, type Lexicon } from '../../src/triage/recognizer';

type Lng = 'en' | 'es';
const lex: Record<Lng, Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const level = (lng: Lng, text: string): string => recognize(text, lex[lng]).level ?? 'none';
const affirmed = (lng: Lng, text: string): string[] =>
  recognize(text, lex[lng]).findings.filter((f) => f.polarity === 'affirmed').map((f) => f.code);
const raw = (lng: Lng): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(findLocalesDir(), lng, 'redflags.json'), 'utf8')) as Record<string, unknown>;

describe('concept layer: an anchor and a problem close together', () => {
  it.each([
    ['en', 'chest_pain', 'theres a weird pressure in the middle of my chest'],
    ['en', 'chest_pain', 'my upper back is killing me'],
    ['en', 'chest_pain', 'every breath feels like a knife'],
    ['en', 'breathless', "can't get a proper lungful of air"],
    ['en', 'breathless', 'I keep having to stop to get my breath'],
    ['en', 'coughing_blood', 'my sputum has blood in it'],
    ['en', 'coughing_blood', 'red streaks in my phlegm'],
    ['en', 'fainting', 'I felt dizzy and then I fell over'],
    ['en', 'fast_heartbeat', 'my heart feels like it is doing somersaults'],
    ['en', 'fast_heartbeat', 'heart rate keeps going up to 150'],
    ['en', 'cold_blue_leg', 'my foot has gone a dusky colour'],
    ['es', 'chest_pain', 'me duelen las costillas cuando cojo aire'],
    ['es', 'breathless', 'tengo mucha fatiga, no puedo ni hablar'],
    ['es', 'breathless', 'no me llega el aire a los pulmones'],
    ['es', 'coughing_blood', 'he escupido un gargajo con sangre'],
    ['es', 'fainting', 'se me nubló todo y acabé en el suelo'],
    ['es', 'fainting', 'mi madre se ha caído redonda'],
    ['es', 'fast_heartbeat', 'noto el corazón desbocado'],
  ] as const)('%s %s: "%s"', (lng, code, text) => {
    expect(affirmed(lng, text)).toContain(code);
    expect(level(lng, text)).toBe('emergency');
  });

  it('S2: a negated, hypothetical or general-question description is not affirmed', () => {
    for (const text of [
      'no tightness in my chest', "my chest isn't tight at all", 'no blood in my phlegm', 'not dizzy and have not fallen',
      "I don't have any trouble breathing", 'what if my chest gets tight?', 'if my heart starts pounding should I call?',
    ]) expect(level('en', text), text).toBe('none');
    for (const text of ['no tengo opresión en el pecho', 'no me cuesta respirar', 'el corazón no me va rápido', '¿y si me aprieta el pecho?']) {
      expect(level('es', text), text).toBe('none');
    }
  });

  it('S2: an affirmed description wins over a negated phrase elsewhere in the message', () => {
    expect(level('en', 'no chest pain but my sputum has blood in it')).toBe('emergency');
    expect(level('es', 'no tengo fiebre, pero me duelen las costillas cuando cojo aire')).toBe('emergency');
  });

  it('does not pair across a comma or a stop word, unless the rule is loose', () => {
    expect(level('en', 'calf hurts, chest fine')).toBe('none');
    expect(level('en', 'deep breaths help with the pain in my calf')).toBe('none');
    expect(level('es', 'respirar hondo me ayuda con el dolor de la pierna')).toBe('none');
  });

  it('reads a negator ("can\'t", "no", "sin") only right before its anchor, and not inside a denial', () => {
    expect(level('en', "I can't wait to breathe fresh air on holiday")).toBe('none'); // pseudo-trigger
    expect(level('en', 'no shortness of breath')).toBe('none');
    expect(level('es', 'no tengo problemas para respirar')).toBe('none');
    expect(level('es', 'no, respiro bien')).toBe('none');
    expect(level('es', 'puedo hablar sin quedarme sin aire')).toBe('none');
    expect(level('es', 'no puedo subir las escaleras sin quedarme sin aire')).toBe('emergency');
  });

  it('ignore phrases cancel a pair: blood tests, heart idioms, air travel', () => {
    for (const text of ['blood test booked, still a bit of a cough', 'my nurse has a heart of gold', 'air travel is hard with a bad leg']) {
      expect(level('en', text), text).toBe('none');
    }
    expect(level('es', 'me hicieron un análisis de sangre y tengo tos')).toBe('none');
  });

  it('S2: pairs only the longest anchor, and a trigger running into a span still negates it', () => {
    expect(level('en', 'no between my shoulder blades pain')).toBe('none'); // not also "shoulder blades pain"
    expect(level('en', "I don't feel like im suffocating")).toBe('none');
    expect(level('es', 'no se me nubló la vista')).toBe('none');
  });

  it('adds a finding only where no phrase of the same flag already read those words', () => {
    const r = recognize("no chest pain but I can't breathe", lex.en);
    expect(r.findings.map((f) => [f.code, f.polarity])).toEqual([['chest_pain', 'negated'], ['breathless', 'affirmed']]);
  });
});

describe('Spanish "sí" (yes) is not "si" (if)', () => {
  it('S2: "Sí me duele el pecho" is an emergency; an unaccented "si" stays a hypothetical', () => {
    expect(level('es', 'Sí me duele el pecho')).toBe('emergency');
    expect(level('es', 'SÍ, me falta el aire')).toBe('emergency');
    expect(level('es', 'sí me duele el pecho')).toBe('emergency'); // i + combining acute
    expect(level('es', 'si me duele el pecho, ¿llamo al 112?')).toBe('none');
  });

  it('both spellings still answer yes', () => {
    expect(readYesNo('sí', lex.es)).toBe('yes');
    expect(readYesNo('Sí', lex.es)).toBe('yes');
    expect(readYesNo('si', lex.es)).toBe('yes');
  });
});

describe('concept rules in the lexicon', () => {
  it('rejects a rule for an unknown flag, a bad window or a bad negator list, naming the path', () => {
    const withRules = (rules: unknown): unknown => ({ ...raw('en'), concepts: { stops: ['and'], rules } });
    expect(() => compileLexicon(withRules({ nope: [] }))).toThrow(/concepts\.rules\.nope/);
    expect(() => compileLexicon(withRules({ chest_pain: [{ anchors: ['chest'], problems: ['pain'], window: 99 }] }))).toThrow(/window/);
    expect(() => compileLexicon(withRules({ chest_pain: [{ anchors: ['chest'], problems: ['pain'], negators: 'no' }] }))).toThrow(/negators/);
    expect(() => compileLexicon({ ...raw('en'), concepts: undefined })).toThrow(/"concepts"/);
  });

  it('S6: both languages describe the same flags', () => {
    const codes = (lng: Lng): string[] => Object.keys((raw(lng).concepts as { rules: object }).rules).sort();
    expect(codes('es')).toEqual(codes('en'));
  });
});
