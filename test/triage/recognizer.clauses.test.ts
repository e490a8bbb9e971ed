/**
 * Clauses and tense. A list of denials followed by "but" keeps what comes after it, in every
 * language; a report of something that happened after the scan counts whatever its tense, and
 * only what is clearly before the scan or long ago reads as history.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { createRedFlagScreen } from '../../src/safety/screen';
import { recognize } from '../../src/triage/recognizer';

const level = (lng: string, text: string): string => recognize(text, loadLexicon(lng)).level ?? 'none';

describe('denials, then "but"', () => {
  it.each([
    ['en', 'no chest pain, no cough, but my leg is much bigger than the other one'],
    ['es', 'sin dolor de pecho, sin tos, pero la pierna está mucho más gorda que la otra'],
    ['fr', "pas de douleur thoracique, pas de toux, mais ma jambe est beaucoup plus grosse que l'autre"],
    ['de', 'keine Brustschmerzen, kein Husten, aber mein Bein ist viel dicker als das andere'],
    ['pl', 'nie mam bólu w klatce, nie kaszlę, ale noga jest dużo grubsza niż druga'],
    ['pt', 'sem dor no peito, sem tosse, mas a perna está muito mais inchada que a outra'],
    ['ro', 'nu am durere în piept, nu tușesc, dar piciorul e mult mai umflat decât celălalt'],
    ['ar', 'ما في ألم بالصدر، ما في كحة، لكن رجلي صارت أكبر بكثير من الثانية'],
    ['ur', 'سینے میں درد نہیں، کھانسی نہیں، لیکن میری ٹانگ دوسری سے بہت زیادہ سوجی ہوئی ہے'],
    ['zh-Hans', '没有胸痛，没有咳嗽，但是我的腿比另一条肿得多'],
  ])('S2: %s: the urgent part after a list of denials and "but" stands: "%s"', (lng, text) => {
    expect(['urgent', 'emergency']).toContain(level(lng, text));
  });

  it.each([
    ['en', 'no swelling, no pain, but I can\'t breathe'], ['es', 'ni hinchazón ni dolor, pero no puedo respirar'],
    ['fr', 'pas de douleur à la poitrine, pas de fièvre, mais je n\'arrive pas à respirer'],
    ['de', 'keine Schmerzen, kein Fieber, aber ich bekomme keine Luft'], ['pl', 'bez bólu, bez gorączki, ale nie mogę oddychać'],
    ['pt', 'sem dor, sem febre, mas não consigo respirar'], ['ro', 'fără durere, fără febră, dar nu pot să respir'],
    ['ar', 'لا ألم ولا حرارة لكن ما أقدر أتنفس'], ['ur', 'درد نہیں، بخار نہیں، لیکن سانس نہیں آ رہی'], ['zh-Hans', '不痛，不发烧，但是我喘不上气'],
  ])('S1: %s: an emergency after a list of denials and "but" is affirmed: "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });

  it('S2: the denials before "but" stay denied', () => {
    const findings = recognize('no chest pain, no cough, but my leg is much bigger than the other one', loadLexicon('en')).findings;
    expect(findings.find((f) => f.code === 'chest_pain')?.polarity).toBe('negated');
  });
});

describe('tense: after the scan counts, before it or long ago is history', () => {
  it.each([
    ['en', 'I passed out on Tuesday'], ['en', "yesterday I couldn't breathe"], ['en', 'last night I coughed up blood'],
    ['en', 'on Sunday my heart was racing for an hour'], ['es', 'el martes me desmayé'], ['es', 'ayer no podía respirar'],
    ['es', 'anoche tosí sangre'],
  ] as const)('S1: a past report since the scan is affirmed: %s "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });

  it.each([
    ['en', 'I fainted years ago at school'], ['en', 'before the scan I was a bit breathless but that has gone'],
    ['en', 'I had chest pain before the scan, none since'], ['es', 'me desmayé hace años'],
    ['es', 'antes de la eco me faltaba un poco el aire pero ya no'],
  ] as const)('S2: what was clearly before the scan or long ago is history (nothing): %s "%s"', (lng, text) => {
    expect(createRedFlagScreen((l) => loadLexicon(l), { detect: () => lng, named: () => null })(text, lng).kind).toBe('nothing');
  });

  it.each([
    ['en', "I've been breathless since before the scan"], ['en', 'breathless now, it wasn\'t like this before the scan'],
    ['en', 'SOB since lunch, new, never had it before the scan'], ['en', 'I was breathless before the scan and still am'],
  ] as const)('S1: "before the scan" in a comparison or a symptom that goes on is no history: %s "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });
});
