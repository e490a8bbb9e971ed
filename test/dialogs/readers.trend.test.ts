import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../dialogs/readers';
import { loadAnswerWords } from '../../src/language/answerWords';
import { loadCommands } from '../../src/language/commands';
import { createLocalizer } from '../../src/language/localizer';
import { loadLexicon } from '../../src/language/lexicons';
import { capabilitiesFor } from '../../src/rendering';
import type { Translate, Turn } from '../../src/bot/turn';

/**
 * The leg-trend answer ("better, the same, worse, or gone?") read with each language's real word
 * lists and lexicon. "Gone" skips the checks the other answers get, so it is gone only when no part
 * of the answer says a symptom is still there: "doesn't hurt any more but still swollen" is the same
 * (S2: a mixed answer takes the more cautious reading).
 */
const localizer = createLocalizer('en');
const turnIn = (lng: string): Turn => ({
  lng, t: localizer.fixedT(lng) as unknown as Translate, caps: capabilitiesFor('test'),
  lexicon: loadLexicon(lng), answers: loadAnswerWords(lng), commands: loadCommands(lng),
} as unknown as Turn);
const turns = { en: turnIn('en'), ro: turnIn('ro'), es: turnIn('es'), de: turnIn('de') };
const trend = (lng: keyof typeof turns, text: string): string | null => readAnswer(turns[lng], text, 'trend', []);

describe('leg trend: gone only when nothing is still there', () => {
  it.each([
    ['en', 'doesnt hurt anymore but still swollen'],
    ['en', "doesn't hurt anymore but it's still swollen"],
    ['en', 'no pain now but still red'],
    ['en', 'no more pain, but the leg is still swollen'],
    ['en', "doesn't hurt at all now, it's just swollen"],
    ['en', "no more pain and it's swollen"],
    ['ro', 'nu mai doare deloc, dar e umflat'],
    ['ro', 'nu mă mai doare deloc dar piciorul e încă roșu'],
    ['ro', 'nu mai am dureri, dar e tot umflat'],
    ['es', 'ya no me duele pero sigue hinchada'],
    ['es', 'ya no me duele, pero está hinchada'],
    ['es', 'ya no me duele nada pero la tengo roja'],
    // German listed "aber noch geschwollen" as a better phrase, which read these as better.
    ['de', 'Schmerzen sind weg, aber noch geschwollen'],
    ['de', 'Die Schmerzen sind weg aber noch geschwollen'],
    ['de', 'Schmerzen weg, aber noch rot'],
    ['de', 'die Schmerzen sind weg, aber noch ein bisschen geschwollen'],
    ['de', 'tut nicht mehr weh, aber noch geschwollen'],
    ['de', 'keine Schmerzen mehr, aber immer noch dick'],
  ] as const)('S2: %s "%s" is the same, not gone', (lng, text) => {
    expect(trend(lng, text)).toBe('same');
  });

  it('S2: a clause that says worse makes the answer worse', () => {
    expect(trend('en', "doesn't hurt anymore, but the swelling is worse")).toBe('worse');
    expect(trend('es', 'ya no me duele, pero está más hinchada')).toBe('worse');
    expect(trend('de', 'Schmerzen sind weg, aber noch dicker')).toBe('worse');
  });

  it.each([
    ['en', 'completely gone'], ['en', 'all gone'], ['en', 'no pain at all now'], ['en', "doesn't hurt at all now"],
    ['en', 'all gone, no swelling or redness'], ['en', 'the pain and swelling are all gone'],
    ['en', "it's gone completely no pain at all now"], ['en', 'no pain, no swelling, all gone'],
    ['ro', 'a trecut de tot'], ['ro', 'mi-a trecut de tot'], ['ro', 'nu mai doare deloc'], ['ro', 'nu mai am nimic'],
    ['es', 'se me ha quitado del todo'], ['es', 'ya no me duele'], ['es', 'ya no tengo nada'], ['es', 'ya no me duele ni está hinchada'],
    ['es', 'ya no me duele nada, se me pasó'], ['es', 'cero dolor'],
    ['de', 'Schmerzen sind weg'], ['de', 'ganz weg'], ['de', 'tut gar nicht mehr weh'],
  ] as const)('%s "%s" is still gone', (lng, text) => {
    expect(trend(lng, text)).toBe('gone');
  });

  it('"it does not hurt as much any more" still hurts: better, never gone', () => {
    for (const text of ['ya no me duele tanto', 'no me duele tanto como antes', 'ya no está tan hinchada']) expect(trend('es', text), text).toBe('better');
    expect(trend('ro', 'nu mai doare așa tare')).toBe('better');
  });

  it('German: better with a sign still there stays better', () => {
    for (const text of ['besser, aber noch geschwollen', 'Etwas besser als am Mittwoch, aber noch geschwollen.', 'viel besser aber noch dick', 'besser, aber noch ein bisschen geschwollen']) {
      expect(trend('de', text), text).toBe('better');
    }
  });
});
