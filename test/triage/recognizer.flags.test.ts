/**
 * The red flags added for bleeding on a blood thinner, cellulitis, repeat contact and blood in
 * the urine (clinical-reference.md, lexicon-spec.md), and English and Spanish recall for the
 * widened flags, described the way people describe them rather than named.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../../src/language/lexicons';
import { findLocalesDir } from '../../src/language/localesDir';
import { compileLexicon, recognize, type Lexicon } from '../../src/triage/recognizer';

type Lng = 'en' | 'es';
const lex: Record<Lng, Lexicon> = { en: loadLexicon('en'), es: loadLexicon('es') };
const affirmed = (lng: Lng, text: string): string[] =>
  recognize(text, lex[lng]).findings.filter((f) => f.polarity === 'affirmed').map((f) => f.code);
const raw = (lng: string): { flags: Record<string, { level: string; phrases: string[] }>; possible: Record<string, string[]> } =>
  JSON.parse(fs.readFileSync(path.join(findLocalesDir(), lng, 'redflags.json'), 'utf8'));
const LANGUAGES = ['en', 'es', 'fr', 'de', 'pl', 'pt', 'ro', 'ar', 'ur', 'zh-Hans'];

const NEW_FLAGS: [string, 'emergency' | 'urgent'][] = [
  ['vomiting_blood', 'emergency'], ['blood_in_poo', 'emergency'], ['bleeding_wont_stop', 'emergency'], ['head_injury', 'emergency'],
  ['fever_hot_leg', 'urgent'], ['repeat_contact', 'urgent'], ['blood_in_urine', 'urgent'],
];

describe('new red flags', () => {
  it.each(NEW_FLAGS)('S6: %s is a %s flag with phrases in all ten languages', (code, level) => {
    for (const lng of LANGUAGES) {
      const flag = raw(lng).flags[code];
      expect(flag?.level, `${lng} ${code}`).toBe(level);
      expect(flag?.phrases.length, `${lng} ${code}`).toBeGreaterThan(0);
    }
  });

  it.each([
    ['en', 'vomiting_blood', "I've been throwing up blood"], ['en', 'vomiting_blood', 'my sick looks like coffee grounds'],
    ['en', 'blood_in_poo', 'my poo has gone black and sticky like tar'], ['en', 'blood_in_poo', "I'm bleeding from my back passage"],
    ['en', 'bleeding_wont_stop', "cut my finger and it won't stop bleeding even after pressing on it"], ['en', 'bleeding_wont_stop', 'the bleeding has not stopped'],
    ['en', 'head_injury', 'I fell and hit my head'], ['en', 'head_injury', 'worst headache of my life, came on suddenly'],
    ['en', 'fever_hot_leg', "I've got a temperature and my calf is red and hot"], ['en', 'fever_hot_leg', 'hot and shivery and the leg is red'],
    ['en', 'repeat_contact', "I messaged yesterday about my leg and it's still swollen"], ['en', 'repeat_contact', "this is the third time I've asked about this"],
    ['en', 'repeat_contact', 'back again, same leg'], ['en', 'blood_in_urine', 'my wee is pink'], ['en', 'blood_in_urine', 'there is blood in my urine'],
    ['es', 'vomiting_blood', 'he vomitado sangre'], ['es', 'blood_in_poo', 'las heces son negras como alquitrán'],
    ['es', 'bleeding_wont_stop', 'me corté y no para de sangrar'], ['es', 'head_injury', 'me caí y me di un golpe en la cabeza'],
    ['es', 'fever_hot_leg', 'tengo fiebre y la pierna roja y caliente'], ['es', 'repeat_contact', 'es la tercera vez que pregunto por la pierna'],
    ['es', 'blood_in_urine', 'hago pis rojo'],
  ] as const)('S1: %s %s: "%s"', (lng, code, text) => {
    expect(affirmed(lng, text)).toContain(code);
  });

  it.each([
    ['en', 'my dog threw up on the carpet'], ['en', 'I had a blood test yesterday'], ['en', 'I cut my hair today'],
    ['en', 'back again! just wanted to say thanks'], ['en', 'I wrote yesterday, the leg is much better now thanks'],
    ['en', "I asked earlier about flying, still not sure"], ['en', 'no blood in my pee or poo'], ['en', "I haven't vomited"],
    ['es', 'no he vomitado'], ['es', 'me hicieron un análisis de sangre'],
  ] as const)('S2: everyday words near the new flags are no report: %s "%s"', (lng, text) => {
    expect(recognize(text, lex[lng]).level).toBeNull();
  });
});

describe('widened recall: described, not named (lexicon-spec.md)', () => {
  it.each([
    ['en', 'breathless', "I can't get up the stairs without stopping now"], ['en', 'breathless', "I can't lie flat, I have to sleep propped up to breathe"],
    ['en', 'breathless', 'more puffed than usual going up the stairs'], ['en', 'breathless', "breathing like I've run a marathon and I'm just sitting here"],
    ['en', 'chest_pain', 'it hurts when I breathe in'], ['en', 'chest_pain', 'pain between my shoulder blades'],
    ['en', 'chest_pain', 'tightness across the front when I breathe in'], ['en', 'chest_pain', 'catching pain in my side on breathing in'],
    ['en', 'fainting', 'my vision went grey and I nearly went down'], ['en', 'fainting', 'I came round on the floor'],
    ['en', 'fainting', 'the room started spinning and I had to grab the table'], ['en', 'fainting', 'my legs buckled'],
    ['en', 'fast_heartbeat', 'fluttering in my chest'], ['en', 'fast_heartbeat', 'heart going like a drum'],
    ['en', 'cold_blue_leg', "I can't feel my foot"], ['en', 'cold_blue_leg', 'my foot is numb and cold to touch'],
    ['en', 'leg_worse', 'the swelling is spreading up my leg'], ['en', 'leg_worse', 'my leg is bigger than the other one'],
    ['en', 'leg_worse', 'the skin is getting darker'], ['en', 'leg_worse', "I can't bend my knee any more"],
    ['en', 'other_limb', 'my hand is puffy and swollen'], ['en', 'other_limb', 'the good leg is aching and swelling now as well'],
    ['en', 'hard_veins', 'the vein feels hard like a cord'], ['en', 'hard_veins', 'a ropey vein behind my knee'],
    ['es', 'breathless', 'tengo que dormir incorporada porque tumbada no puedo respirar'], ['es', 'chest_pain', 'opresión como si tuviera un peso encima'],
    ['es', 'fainting', 'todo empezó a dar vueltas y me tuve que agarrar a la mesa'], ['es', 'fast_heartbeat', 'noto aleteos en el pecho'],
    ['es', 'cold_blue_leg', 'no siento el pie'], ['es', 'leg_worse', 'ya no puedo doblar la rodilla'], ['es', 'leg_worse', 'ahora tengo toda la pierna hinchada'],
    ['es', 'other_limb', 'ahora me duele la otra pierna'], ['es', 'hard_veins', 'tengo una vena dura como un cordón'],
  ] as const)('S1: %s %s: "%s"', (lng, code, text) => {
    expect(affirmed(lng, text)).toContain(code);
  });

  it('S2: the same words in another sense stay benign', () => {
    for (const text of ['the stairs are hard on my knees', "can't walk far without my calf aching", 'I have to sleep propped up because of my acid reflux']) {
      expect(recognize(text, lex.en).level, text).toBeNull();
    }
    expect(recognize('I almost fainted when I saw the hospital parking charges haha', lex.en).level).toBeNull();
  });
});

describe('the lexicon shape', () => {
  it('S6: the four "possible" lists are required, non-empty, in all ten languages', () => {
    for (const lng of LANGUAGES) {
      for (const list of ['hedges', 'explainers', 'vague', 'pulse']) expect(raw(lng).possible[list]?.length, `${lng} possible.${list}`).toBeGreaterThan(0);
    }
  });

  it('rejects a lexicon without possible.hedges, naming the path', () => {
    const bad = raw('en') as unknown as { possible: Record<string, unknown> };
    delete bad.possible.hedges;
    expect(() => compileLexicon(bad)).toThrow(/possible\.hedges/);
  });

  it('rejects a weak-sign list or a vague switch of the wrong type, naming the path', () => {
    const weak = raw('en') as unknown as { flags: Record<string, Record<string, unknown>> };
    (weak.flags.fainting as Record<string, unknown>).possible = 'dizzy';
    expect(() => compileLexicon(weak)).toThrow(/flags\.fainting\.possible/);
    const vague = raw('en') as unknown as { concepts: { rules: Record<string, Record<string, unknown>[]> } };
    (vague.concepts.rules.chest_pain?.[0] as Record<string, unknown>).vague = 'yes';
    expect(() => compileLexicon(vague)).toThrow(/vague/);
  });
});
