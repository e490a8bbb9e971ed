/**
 * Categories the second blind set showed missing: spelling by ear and voice-to-text for the
 * highest-stakes words (src/triage/recognizer/sounds.ts), red flags described in pieces or by
 * effort, regional and third-person wording, and the benign look-alikes that must stay quiet.
 * Sentences here are new wording, not copies of the fixtures, so they test the category.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { recognize, type Lexicon } from '../../src/triage/recognizer';
import { soundKey, SoundIndex } from '../../src/triage/recognizer/sounds';

type Lng = 'en' | 'es';
const lex: Record<Lng, Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const level = (lng: Lng, text: string): string => recognize(text, lex[lng]).level ?? 'none';

describe('soundKey: spellings by ear fold to one key', () => {
  it.each([
    ['coughing', ['cofing', 'coffin', 'kofing', 'caughing', 'coughin', 'coffing']],
    ['blood', ['blod', 'bloood', 'bluid', 'blud']],
    ['desmayo', ['dezmayo', 'desmallo']],
    ['pecho', ['pesho']],
  ] as const)('%s', (word, variants) => {
    for (const v of variants) expect(soundKey(v), v).toBe(soundKey(word));
  });

  it('keys shorter than four letters never match, and a listed word never maps to itself', () => {
    const index = new SoundIndex(['cough', 'blood']);
    expect(index.like('cuff')).toBeNull();
    expect(index.like('blood')).toBeNull();
    expect(index.like('bluid')).toBe('blood');
  });

  it('never throws on odd input', () => {
    for (const s of ['', 'ghghgh', 'ñññ', '1234', 'a'.repeat(500)]) expect(typeof soundKey(s)).toBe('string');
  });
});

describe('blind-set categories are recognised in new wording', () => {
  it.each([
    ['en', 'emergency', 'kofing up blod all night'],
    ['en', 'emergency', 'my husband is coffin and theres bluid in the hanky'],
    ['en', 'emergency', 'feel like I climbed everest and I only went up the stairs'],
    ['en', 'emergency', 'breathing is like sucking air through a damp cloth'],
    ['en', 'emergency', "my ticker's going like a freight train"],
    ['en', 'emergency', 'she slumped over at the dinner table'],
    ['en', 'emergency', 'my calf blew up in half an hour and now its white and icy'],
    ['en', 'urgent', 'a vein on my shin is popping out and really sore to touch'],
    ['en', 'urgent', "the red patch is past the line I drew round it"],
    ['en', 'urgent', 'my good leg is also swollen now'],
    ['es', 'emergency', 'estoy tociendo con sangree'],
    ['es', 'emergency', 'mi padre se desplomó en el pasillo'],
    ['es', 'emergency', 'se fue al piso y volvió en sí al rato'],
    ['es', 'emergency', 'me agito muchísimo subiendo al cuarto, antes no'],
    ['es', 'emergency', 'el corazón me late como un caballo'],
    ['es', 'emergency', 'se me hinchó la pantorrilla de golpe, y ahora está morada y helada'],
    ['es', 'urgent', 'la vena del muslo está roja y dura'],
    ['es', 'urgent', 'la pierna sana también se me está hinchando'],
    ['es', 'urgent', 'lo rojo ya pasó de la raya que pinté'],
  ] as const)('%s %s: "%s"', (lng, want, text) => {
    expect(level(lng, text)).toBe(want);
  });
});

describe('benign look-alikes stay quiet', () => {
  it.each([
    ['en', 'I was passing out flyers at the school gate'],
    ['en', 'my heart skipped a beat when I saw the bill'],
    ['en', 'I always faint at the sight of blood, but not today'],
    ['en', 'my aunt passed out at a party in 1995'],
    ['en', 'had chest pain last year, it was indigestion'],
    ['en', 'the weather is freezing and my legs swelled a little on the plane'],
    ['en', 'my veins have always been bulging like this'],
    ['en', 'no cough, no blood, breathing fine'],
    ['es', 'el atardecer en la playa me dejó sin aliento'],
    ['es', 'tuve dolor de pecho el año pasado y era ansiedad'],
    ['es', 'el médico me dijo que si me falta el aire llame al 112, entendido'],
    ['es', 'tengo seguro privado'],
  ] as const)('%s: "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('none');
  });

  it('S2: negation still works on the new readings', () => {
    expect(level('en', 'not coffin, no blod')).toBe('none');
    expect(level('es', 'no me agito al caminar hasta la cocina')).toBe('none');
  });
});
