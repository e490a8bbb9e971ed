/**
 * Plain wording and the context around a red flag (blind4 round): ordinary subject + state
 * phrasing, jokes and hyperbole, instructions answered by a denial, someone else's story, dated
 * history and general questions whose subject is the symptom. Each negative case has a twin
 * showing that the same words reported as the patient's own still reach the emergency tier (S2).
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { recognize, type Lexicon } from '../../src/triage/recognizer';

type Lng = 'en' | 'es';
const lex: Record<Lng, Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const level = (lng: Lng, text: string): string => recognize(text, lex[lng]).level ?? 'none';

describe('plain wording', () => {
  it.each([
    ['en', 'my breathing is bad'], ['en', 'breathing feels off'], ['en', "my breathing isn't right"],
    ['en', 'Cannae get ma breath the day'], ['en', 'i cant breed'], ['en', 'shortness of breast since last night'],
    ['en', 'my harts racing so fast'],
    ['en', 'I have to stop halfway up the stairs to get my breath now, never used to'],
    ['en', 'HR 130s at rest per my watch'], ['en', 'never used to get breathless like this'],
    ['es', 'mi respiración está rara'], ['es', 'tengo el pecho fatal'], ['es', 'tengo dolor torácico'],
    ['es', 'opresión torácica'], ['es', 'my heart está latiendo super rápido'],
  ] as const)('S1: %s "%s" is an emergency', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });

  // A body part with a vague change word, or a pulse of 100-119, is a topic the screen cannot
  // affirm: the bot asks one direct question about it (S9) rather than giving advice or nothing.
  it.each([
    ['en', 'fast_heartbeat', 'my heart feels funny'], ['en', 'chest_pain', 'my chest feels off'], ['en', 'fast_heartbeat', 'pulse 110ish'],
    ['es', 'fast_heartbeat', 'el pulso late raro'],
  ] as const)('S9: %s %s "%s" is possible, not affirmed', (lng, code, text) => {
    const r = recognize(text, lex[lng]);
    expect(r.level).toBeNull();
    expect(r.findings.filter((f) => f.polarity === 'possible').map((f) => f.code)).toContain(code);
  });

  it('words that collide with typos stay words outside their red-flag context', () => {
    for (const text of ['I have bad breath', 'my breath smells', 'breast feeding is going well', 'we breed dogs', 'my watch says 140 steps']) {
      expect(level('en', text), text).toBe('none');
    }
    expect(level('es', 'tengo mal aliento')).toBe('none');
  });

  it('S2: a negated plain state is not affirmed', () => {
    for (const text of ['my breathing is not bad today', "breathing isn't bad", 'nobody fainted']) expect(level('en', text), text).toBe('none');
    expect(level('es', 'nadie se ha desmayado, solo preguntaba')).toBe('none');
  });
});

describe('context around a red flag', () => {
  it.each([
    ['en', 'I almost fainted when I saw the hospital parking charges haha', 'I almost fainted in the shower'],
    ['en', 'nearly passed out on the stairs 😂', 'I fainted haha'],
    ['es', 'casi me desmayo cuando vi el precio del parking jaja', 'me desmayé jaja'],
    ['en', "the nurse said to watch for chest pain and breathing trouble, I haven't had any", 'the nurse said to watch for chest pain and I have it'],
    ['es', 'la enfermera me dijo que vigilara el dolor de pecho, pero no he tenido nada', 'la enfermera me dijo que vigilara el dolor de pecho y ahora lo tengo'],
    ['en', 'Watching a film where a guy coughs up blood, freaked me out lol', 'Watching a film where the hero dies and my heart started racing'],
    ['en', 'I fainted once when I was 16 at a concert', 'I fainted when I was at the shops'],
    ['en', 'I used to get palpitations with anxiety but not for years', "I used to be fine, now I can't breathe"],
    ['en', 'I had chest pain with a chest infection in 2020, nothing like that now', 'I had chest pain this morning'],
    ['es', 'mi abuelo tosía sangre cuando tuvo tuberculosis', 'cuando tuve que subir las escaleras me ahogué'],
    ['en', "I was scared I'd pass out during the scan but I was fine", "I'm scared I'll pass out"],
    ['es', '¿el corazón acelerado puede ser señal de algo?', 'tengo el corazón acelerado, ¿puede ser señal de algo?'],
    ['en', 'chest pain is a sign of a clot?', 'chest pain is it serious?'],
    ['es', 'me quedé sin aliento de la risa con el video', 'me quedé sin aliento subiendo la escalera'],
    ['es', 'tengo el corazón a mil de la emoción, ¡me caso mañana!', 'tengo el corazón a mil'],
  ] as const)('S2: %s "%s" is no report; its twin is', (lng, benign, report) => {
    expect(level(lng, benign)).toBe('none');
    expect(level(lng, report)).toBe('emergency');
  });

  it('S2: a question that also states the patient\'s symptom is a report', () => {
    expect(level('en', 'Is it normal the pain is getting worse? scan was clear')).toBe('urgent');
    expect(level('en', "no chest pain but I can't breathe haha")).toBe('emergency');
  });
});

describe('S1: punctuation limits what one phrase or one denial covers', () => {
  it('a scan or test result named after a sign does not deny the sign ("chest pain and the scan was negative")', () => {
    // Every patient here has had a negative scan and many say so: "was negative / normal / clear" is about the test.
    const en = loadLexicon('en');
    expect(recognize('i have chest pain and the scan was negative', en).level).toBe('emergency');
    expect(recognize('i cant breathe and the scan came back normal', en).level).toBe('emergency');
    expect(recognize('coughing up blood, the scan was clear', en).level).toBe('emergency');
    expect(recognize('the xray for my chest pain came back normal', en).level).toBe('emergency');
    expect(recognize('fainting was ruled out', en).level).toBeNull();
  });

  it('a denial after a comma is about what follows the comma only ("breathless, a clot was ruled out")', () => {
    const en = loadLexicon('en');
    expect(recognize('I fainted, that was ruled out', en).level).toBe('emergency');
    expect(recognize('I fainted, a clot was ruled out', en).level).toBe('emergency');
    expect(recognize('fainting was ruled out', en).level).toBeNull();
  });

  it('two neighbouring words of a phrase do not meet across a comma (Chinese "很好，腿还疼" holds no "好腿")', () => {
    const zh = loadLexicon('zh-Hans');
    const findings = recognize('今天很好，腿还疼', zh).findings.filter((f) => f.polarity === 'affirmed').map((f) => f.code);
    expect(findings).not.toContain('other_limb');
  });
});
