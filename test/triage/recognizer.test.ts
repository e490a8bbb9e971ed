import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../../src/language/lexicons';
import { findLocalesDir } from '../../src/language/localesDir';
import { compileLexicon, readTrend, readYesNo, recognize, type Lexicon } from '../../src/triage/recognizer';

const lex: Record<'en' | 'es', Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const level = (lng: 'en' | 'es', text: string): string => recognize(text, lex[lng]).level ?? 'none';
const codes = (lng: 'en' | 'es', text: string, polarity = 'affirmed'): string[] =>
  recognize(text, lex[lng]).findings.filter((f) => f.polarity === polarity).map((f) => f.code);

const POSITIVE: [lng: 'en' | 'es', code: string, text: string][] = [
  ['en', 'breathless', "I can't breathe"], ['en', 'breathless', 'really short of breath'], ['en', 'breathless', 'totally puffed out'],
  ['en', 'chest_pain', 'my chest hurts'], ['en', 'chest_pain', 'pain in my upper back when I breathe in'],
  ['en', 'coughing_blood', 'coughing up blood'], ['en', 'fainting', 'I blacked out'], ['en', 'fainting', 'nearly passed out'],
  ['en', 'fast_heartbeat', 'heart racing'], ['en', 'fast_heartbeat', 'my pulse is 140'],
  ['en', 'cold_blue_leg', 'my leg suddenly went blue and cold'], ['en', 'leg_worse', 'calf much more swollen'],
  ['en', 'leg_worse', 'pain is worse'], ['en', 'leg_worse', 'redness spreading'], ['en', 'other_limb', 'my other leg is swollen now'],
  ['en', 'other_limb', 'my arm is swollen and sore'], ['en', 'hard_veins', 'veins hard and lumpy'],
  ['es', 'breathless', 'me falta el aire'], ['es', 'breathless', 'me ahogo'], ['es', 'breathless', 'no puedo respirar'],
  ['es', 'fainting', 'casi me desmayo'], ['es', 'fainting', 'me desmayé'], ['es', 'fainting', 'me dio un vahído'],
  ['es', 'coughing_blood', 'escupo sangre'], ['es', 'coughing_blood', 'tos con sangre'],
  ['es', 'fast_heartbeat', 'el corazón me va a mil'], ['es', 'fast_heartbeat', 'palpitaciones fuertes'],
  ['es', 'chest_pain', 'dolor en el pecho'], ['es', 'chest_pain', 'me duele el pecho al respirar'],
  ['es', 'cold_blue_leg', 'pierna fría y morada'], ['es', 'leg_worse', 'más hinchada'], ['es', 'leg_worse', 'me duele más'],
  ['es', 'other_limb', 'tengo el brazo hinchado'], ['es', 'hard_veins', 'tengo una vena dura'],
];

describe('recognize: one code per red flag', () => {
  it.each(POSITIVE)('%s %s: "%s"', (lng, code, text) => {
    expect(codes(lng, text)).toContain(code);
  });

  it('gives emergency codes the emergency level and urgent codes the urgent level', () => {
    expect(level('en', 'coughing up blood')).toBe('emergency');
    expect(level('en', 'my arm is swollen')).toBe('urgent');
    expect(level('en', 'hello there')).toBe('none');
  });

  it('points each finding at the words the patient typed, accents and all', () => {
    const text = '¡Hola! Ayer me DESMAYÉ en la cocina.';
    const f = recognize(text, lex.es).findings[0];
    expect(f && text.slice(f.start, f.end)).toBe('DESMAYÉ');
  });
});

describe('recognize: normalisation and typos', () => {
  it.each([
    ['en', 'CHEST PAIN!!!'], ['en', 'cant breathe'], ['en', 'I can’t breathe'], ['en', 'brethless'], ['en', 'sharp chset pain'],
    ['en', 'been coughign up blood'], ['en', 'shrot of breath'], ['es', 'el corazon me va a mil'], ['es', 'ME DESMAYE'],
    ['es', 'me falta el aier'], ['en', 'dificulty breathing'],
  ] as const)('%s "%s" is still an emergency', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });

  it('never corrects short words or listed real words', () => {
    expect(level('en', 'my nurse said the leg looks fine')).toBe('none'); // nurse is not "worse"
    expect(level('en', 'I was painting the fence')).toBe('none'); // painting is not "fainting"
    expect(level('en', 'had a lager with lunch')).toBe('none'); // lager is not "larger"
  });
});

describe('recognize: negation, hypotheticals and history', () => {
  it.each([
    ['en', 'no chest pain'], ['en', 'not short of breath'], ["en", "I don't have chest pain"], ['en', "haven't fainted"],
    ['en', 'never coughed up any blood'], ['en', 'without any breathlessness'], ['en', 'denies palpitations'],
    ['en', 'no sign of any fainting or dizziness'], ['en', 'no chest pain, breathlessness or cough'],
    ['es', 'no tengo dolor en el pecho'], ['es', 'sin falta de aire'], ['es', 'nada de palpitaciones'],
    ['es', 'ni dolor de pecho ni falta de aire'], ['es', 'no me duele el pecho'],
  ] as const)('%s "%s" has no affirmed red flag', (lng, text) => {
    expect(codes(lng, text)).toEqual([]);
    expect(codes(lng, text, 'negated').length).toBeGreaterThan(0);
  });

  it.each([
    ['en', 'what if I get chest pain?'], ['en', 'what should I do if I get breathless'], ['en', 'in case I faint who do I call'],
    ['en', 'is coughing blood an emergency'], ['es', '¿qué hago si me duele el pecho?'], ['es', 'en caso de que me falte el aire'],
    ['en', 'I fainted once as a teenager, never since'], ['es', 'me desmayé de pequeña'],
  ] as const)('questions, hypotheticals and old history are not affirmed: %s "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('none');
  });

  it('S2: an affirmed red flag anywhere in the message wins', () => {
    const r = recognize("no chest pain but I can't breathe", lex.en);
    expect(r.level).toBe('emergency');
    expect(r.findings.map((f) => [f.code, f.polarity])).toEqual([['chest_pain', 'negated'], ['breathless', 'affirmed']]);
    const u = recognize('no chest pain but my calf is much more swollen', lex.en);
    expect(u.level).toBe('urgent');
    expect(u.findings.map((f) => [f.code, f.polarity])).toEqual([['chest_pain', 'negated'], ['leg_worse', 'affirmed']]);
    expect(level('es', 'sin dolor en el pecho pero me ahogo')).toBe('emergency');
  });

  it('S2: a negation does not reach across a new clause, a comma without a list, or a double negative', () => {
    expect(level('en', "I don't have chest pain and I'm short of breath")).toBe('emergency');
    expect(level('en', 'no chest pain, coughing blood')).toBe('emergency');
    expect(level('en', "can't walk to the shop without getting breathless")).toBe('emergency');
    expect(level('es', 'no puedo caminar sin que me falte el aire')).toBe('emergency');
    expect(level('en', "I'm not sure if I fainted")).toBe('emergency');
  });

  it('S2: a general question about a symptom is not a report, but any reference to the patient makes it one', () => {
    expect(level('en', 'are palpitations something to worry about with a clot')).toBe('none');
    expect(level('es', '¿es grave toser sangre?')).toBe('none');
    expect(level('en', 'is it normal to be this breathless after a scan')).toBe('emergency');
    expect(level('en', 'should i be worried? my heart is racing')).toBe('emergency');
    expect(level('en', 'chest pain?')).toBe('emergency'); // no question word: a report
    expect(level('en', 'heart racing, is that bad?')).toBe('emergency'); // the question comes after the symptom
    expect(level('es', 'es normal tener el esputo con sangre? lo tengo desde esta mañana')).toBe('emergency');
  });

  it('S2: a symptom that is the consequence of an "if" is a real report', () => {
    expect(level('en', 'if I walk I get breathless')).toBe('emergency');
    expect(level('en', 'if my heart starts racing do I go to A&E')).toBe('none');
    expect(level('en', 'it feels as if I cannot breathe')).toBe('emergency');
    expect(level('es', 'como si me faltara el aire')).toBe('emergency');
  });

  it('S2: a red flag that has gone away is still reported', () => {
    expect(level('en', 'I had chest pain this morning but it has gone now')).toBe('emergency');
  });
});

describe('recognize: trends', () => {
  const trends = (lng: 'en' | 'es', text: string): string[] =>
    recognize(text, lex[lng]).trends.map((t) => `${t.feature}/${t.direction}/${t.polarity}`);
  it.each([
    ['en', 'calf much more swollen', 'swelling/worse/affirmed'], ['en', 'the swelling is going down', 'swelling/better/affirmed'],
    ['en', 'pain is the same', 'pain/same/affirmed'], ['en', 'the pain is gone', 'pain/gone/affirmed'],
    ['en', 'not worse', 'symptoms/worse/negated'], ['en', 'the swelling is not any worse', 'swelling/worse/negated'],
    ['en', 'getting redder', 'redness/worse/affirmed'], ['es', 'ha empeorado', 'symptoms/worse/affirmed'],
    ['es', 'la hinchazón ha bajado', 'swelling/better/affirmed'], ['es', 'sigue igual', 'symptoms/same/affirmed'],
    ['es', 'ya no me duele', 'pain/gone/affirmed'], ['es', 'me duele más', 'pain/worse/affirmed'],
  ] as const)('%s "%s" -> %s', (lng, text, want) => {
    expect(trends(lng, text)).toContain(want);
  });

  it('"not worse" is never an urgent worsening; "more" needs a feature', () => {
    expect(level('en', 'the pain is not worse')).toBe('none');
    expect(level('es', 'no está peor')).toBe('none');
    expect(level('en', 'I have more questions')).toBe('none');
    expect(level('en', "it's not better, it's worse")).toBe('urgent');
  });
});

describe('readYesNo and readTrend', () => {
  it.each([
    ['en', 'yes', 'yes'], ['en', 'yeah', 'yes'], ['en', 'yep', 'yes'], ['en', 'y', 'yes'], ['en', 'I do', 'yes'],
    ['en', 'not really', 'no'], ['en', 'nope', 'no'], ['en', 'no', 'no'], ['en', "I don't", 'no'],
    ['en', 'not sure', 'unsure'], ['en', 'maybe', 'unsure'], ['en', 'idk', 'unsure'],
    ['en', 'not yes', null], ['en', '1', null], ['en', 'first', null], ['en', 'yes no', null], ['en', 'banana', null],
    ['es', 'sí', 'yes'], ['es', 'si', 'yes'], ['es', 'claro', 'yes'], ['es', 'no', 'no'], ['es', 'para nada', 'no'],
    ['es', 'no sé', 'unsure'], ['es', 'a lo mejor', 'unsure'], ['es', '2', null], ['es', 'sí no', null],
  ] as const)('readYesNo %s "%s" -> %s', (lng, text, want) => {
    expect(readYesNo(text, lex[lng])).toBe(want);
  });

  it.each([
    ['en', "it's worse", 'worse'], ['en', 'more swollen', 'worse'], ['en', 'same as before', 'same'], ['en', 'getting better', 'better'],
    ['en', 'all gone', 'gone'], ['en', 'not sure', 'unsure'], ['en', 'dunno', 'unsure'], ['en', 'not worse', 'same'],
    ['en', 'no better', 'same'], ['en', 'better but the redness is worse', 'worse'], ['en', 'yes', null], ['en', '3', null],
    ['es', 'peor', 'worse'], ['es', 'más hinchada', 'worse'], ['es', 'igual', 'same'], ['es', 'ha bajado', 'better'],
    ['es', 'mejor', 'better'], ['es', 'ya no tengo nada', 'gone'], ['es', 'no sé', 'unsure'],
  ] as const)('readTrend %s "%s" -> %s', (lng, text, want) => {
    expect(readTrend(text, lex[lng])).toBe(want);
  });
});

describe('lexicons', () => {
  const keys = (o: unknown, at = ''): string[] =>
    o && typeof o === 'object' && !Array.isArray(o)
      ? Object.entries(o).flatMap(([k, v]) => [`${at}.${k}`, ...keys(v, `${at}.${k}`)])
      : [];
  const raw = (lng: string): unknown =>
    JSON.parse(fs.readFileSync(path.join(findLocalesDir(), lng, 'redflags.json'), 'utf8'));

  it('S6: every language has exactly the object keys English has', () => {
    expect(keys(raw('es')).sort()).toEqual(keys(raw('en')).sort());
  });

  it('compiles once per language and rejects bad shapes with the path to fix', () => {
    expect(loadLexicon('en')).toBe(lex.en);
    expect(() => compileLexicon({})).toThrow(/"flags"/);
    expect(() => compileLexicon({ ...(raw('en') as object), answers: { yes: [], no: 'no' } })).toThrow(/answers\.no/);
    const bad = raw('en') as { flags: Record<string, { phrases: string[] }> };
    bad.flags.breathless?.phrases.push('(unclosed');
    expect(() => compileLexicon(bad)).toThrow(/Bad phrase "\(unclosed"/);
    expect(() => loadLexicon('xx')).toThrow(/cannot read/);
  });
});
