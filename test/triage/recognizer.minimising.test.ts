/**
 * A red flag followed by words that play it down ("it's not a problem", "rien de grave") or say it
 * went away ("it's gone now", "راح الحمد لله") is still a report of that red flag: a sign that
 * came and went, or that the patient thinks is nothing, still needs help (S2, DESIGN.md S8).
 * Such words must never act as denials. True denials ("no chest pain", "was ruled out") still deny.
 */
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/language/lexicons';
import { recognize, type Lexicon } from '../../src/triage/recognizer';

const LNGS = ['en', 'es', 'fr', 'de', 'pl', 'pt', 'ro', 'ar', 'ur', 'zh-Hans'] as const;
type Lng = (typeof LNGS)[number];
const lex = {} as Record<Lng, Lexicon>;
for (const l of LNGS) lex[l] = loadLexicon(l);
const level = (lng: Lng, text: string): string => recognize(text, lex[lng]).level ?? 'none';

describe('H32: a red flag that is played down or went away is still reported', () => {
  it.each([
    ['en', 'my chest hurts its not an issue'],
    ['en', 'I coughed up blood it is not a problem'],
    ['en', 'I fainted this morning no big deal'],
    ['en', 'my chest hurts its nothing serious'],
    ['en', 'I had chest pain it went away now'],
    ['en', 'I coughed up blood its gone now'],
    ['es', 'me duele el pecho no es problema'],
    ['es', 'tosí sangre no es un problema'],
    ['es', 'me desmayé no es nada grave'],
    ['es', 'tuve dolor en el pecho y ya se me pasó'],
    ['fr', "j'ai mal à la poitrine c'est rien"],
    ['fr', "j'ai craché du sang rien de grave"],
    ['fr', 'je me suis évanoui pas grave'],
    ['fr', "j'ai mal à la poitrine ce n'est rien"],
    ['fr', "j'avais mal à la poitrine c'est passé maintenant"],
    ['de', 'ich habe Schmerzen in der Brust ist kein Problem'],
    ['de', 'ich habe Blut gehustet nicht so schlimm'],
    ['de', 'ich hatte Brustschmerzen ist jetzt weg'],
    ['pl', 'boli mnie w klatce piersiowej to nie problem'],
    ['pl', 'kaszlę krwią nic poważnego'],
    ['pl', 'bolała mnie klatka piersiowa już przeszło'],
    ['pt', 'estou com dor no peito não é problema'],
    ['pt', 'tossi sangue nada grave'],
    ['pt', 'tive dor no peito já passou'],
    ['ro', 'mă doare pieptul nu e o problemă'],
    ['ro', 'am tușit cu sânge nu este o problemă'],
    ['ro', 'am leșinat nu e nimic grav'],
    ['ro', 'am avut dureri în piept a trecut acum'],
    ['ar', 'عندي ألم في الصدر مش مشكلة'],
    ['ar', 'كحيت دم مو مشكله'],
    ['ar', 'اغمي علي ليس مشكلة'],
    ['ar', 'عندي ألم في الصدر راح الحمد لله'],
    ['ar', 'كان عندي ألم في الصدر خلاص راح'],
    ['ar', 'كحيت دم زال الحين'],
    ['ur', 'سینے میں درد ہے کوئی مسئلہ نہیں'],
    ['ur', 'خون کی کھانسی آئی کوئی بات نہیں'],
    ['ur', 'seene mein dard hai koi masla nahi'],
    ['ur', 'seene mein dard tha ab chala gaya'],
    ['ur', 'seene mein dard tha ab nahi hai'],
    ['ur', 'سینے میں درد تھا اب نہیں ہے'],
    ['zh-Hans', '我胸口痛，没什么大不了'],
    ['zh-Hans', '我咳血了不是什么问题'],
    ['zh-Hans', '我胸痛过，现在好了'],
  ] as const)('S2: %s "%s" is an emergency', (lng, text) => {
    expect(level(lng, text)).toBe('emergency');
  });

  it.each([
    ['en', 'no chest pain'], ['en', 'a clot in my lung was ruled out'],
    ['es', 'no tengo dolor en el pecho'], ['es', 'la embolia pulmonar fue descartada'],
    ['fr', "je n'ai pas de douleur à la poitrine"], ['fr', 'embolie pulmonaire exclue'],
    ['de', 'keine Brustschmerzen'], ['pl', 'nie mam bólu w klatce piersiowej'],
    ['pt', 'não tenho dor no peito'], ['ro', 'nu am dureri în piept'],
    ['ar', 'ما عندي ألم في الصدر'], ['ur', 'seene mein dard nahi hai'], ['ur', 'seene mein dard nahi tha'], ['zh-Hans', '没有胸痛'],
  ] as const)('true denials still deny: %s "%s"', (lng, text) => {
    expect(level(lng, text)).toBe('none');
  });
});
