/**
 * French second review (locales/fr/REVIEW.md, "Second review, 2026-12-07"): everyday French that
 * the lexicon, the command words or the advice text read the wrong way.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCommands } from '../../src/language/commands';
import { loadLexicon } from '../../src/language/lexicons';
import { findLocalesDir } from '../../src/language/localesDir';
import { readTrend, readYesNo, recognize } from '../../src/triage/recognizer';

const lex = loadLexicon('fr');
const readingOf = (text: string, code: string): string | undefined =>
  recognize(text, lex).findings.find((f) => f.code === code)?.polarity;

describe('French leg trend: a verb negated after it is no improvement', () => {
  it.each([
    ['ça passe pas', 'same'], ['ça ne passe pas', 'same'], ['la douleur ne part pas', 'same'],
    ['ça dégonfle pas', 'same'], ['elle ne dégonfle pas', 'same'], ['ça diminue pas', 'same'], ['ça se calme pas', 'same'],
    ['ça va pas', 'same'], ['ça va pas du tout', 'same'], ['ça va mal', 'same'], ["c'est pas normal", 'same'], ['pas amélioré', 'same'],
  ])('"%s" is %s, not better or gone', (text, trend) => {
    expect(readTrend(text, lex)).toBe(trend);
  });

  it.each([['bien gonflée'], ['elle est bien rouge'], ['super gonflée']])('"%s" (bien = very) is not better', (text) => {
    expect(['same', 'worse', 'unsure']).toContain(readTrend(text, lex));
  });

  it.each([['la douleur est partie dans la cuisse'], ["c'est parti dans tout le mollet"]])('"%s" (spread) is worse', (text) => {
    expect(readTrend(text, lex)).toBe('worse');
  });

  it('"une partie de la jambe" is not gone', () => {
    expect(readTrend('une partie de la jambe est rouge', lex)).not.toBe('gone');
  });

  it.each([['ça va mieux', 'better'], ["c'est parti", 'gone'], ['la douleur est partie', 'gone'], ['ça a disparu', 'gone'], ['pareil', 'same']])(
    'still reads "%s" as %s', (text, trend) => {
      expect(readTrend(text, lex)).toBe(trend);
    });
});

describe('French red flags: "pas mal" means "quite a lot", not "no"', () => {
  it.each([
    ['je suis pas mal essoufflée depuis hier', 'breathless'],
    ["j'ai pas mal de mal à respirer", 'breathless'],
    ['pas mal de douleur dans la poitrine', 'chest_pain'],
    ['je crache pas mal de sang', 'coughing_blood'],
  ])('"%s" is an affirmed %s', (text, code) => {
    expect(readingOf(text, code)).toBe('affirmed');
  });

  it.each([['pas mal'], ['pas beaucoup'], ['pas tellement']])('a bare "%s" answer (some, a little) is not a no', (text) => {
    expect(readYesNo(text, lex)).toBe('unsure');
  });

  it('a plain denial is still a denial', () => {
    expect(readingOf("je n'ai pas de douleur à la poitrine", 'chest_pain')).toBe('negated');
    expect(readYesNo('non', lex)).toBe('no');
  });
});

describe('French red flags: other wordings that were denied or missed', () => {
  it.each([
    ["je n'ai plus de souffle", 'breathless'],
    ['je ne fais que tousser du sang', 'coughing_blood'],
    ['si je marche je suis essoufflé', 'breathless'],
    ["si je respire fort j'ai mal à la poitrine", 'chest_pain'],
    ["j'ai de la misère à respirer", 'breathless'],
    ["j'ai eu une faiblesse", 'fainting'],
    ['je suis tombé en faiblesse', 'fainting'],
    ["j'ai le cœur qui débat", 'fast_heartbeat'],
  ])('"%s" is an affirmed %s', (text, code) => {
    expect(readingOf(text, code)).toBe('affirmed');
  });

  it('"je me sens mal" gets the direct fainting question', () => {
    expect(readingOf('je me sens mal', 'fainting')).toBe('possible');
  });

  it('a question about a sign is still no report of it', () => {
    expect(readingOf("que faire si j'ai mal à la poitrine", 'chest_pain')).not.toBe('affirmed');
    expect(readingOf('que faire si je marche et que je suis essoufflé', 'breathless')).not.toBe('affirmed');
  });
});

describe('French command words', () => {
  const commands = loadCommands('fr');
  it.each([['arrêté'], ['arrête'], ['fini'], ['terminé']])('"%s" (an answer: stopped, over) does not end the chat', (text) => {
    expect(commands.command(text)).not.toBe('stop');
  });
  it.each([['stop'], ['arrêter'], ['au revoir']])('"%s" still ends the chat', (text) => {
    expect(commands.command(text)).toBe('stop');
  });
});

describe('French advice text', () => {
  const strings: [string, string][] = [];
  const walk = (file: string, prefix: string, node: unknown): void => {
    if (typeof node === 'string') strings.push([`${file}:${prefix}`, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(file, prefix ? `${prefix}.${k}` : k, v);
  };
  for (const file of ['common', 'welcome', 'explain', 'symptoms', 'outcome', 'faq', 'web']) {
    walk(file, '', JSON.parse(fs.readFileSync(path.join(findLocalesDir(), 'fr', `${file}.json`), 'utf8')));
  }

  it('no deadline follows a contact placeholder, where a long value would take it', () => {
    const bad = strings.filter(([, s]) => /\{\{(careTeam|pregnancyContact)\}\},? (aujourd'hui|dans les|d'ici)/.test(s));
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it('the team is always the care team ("équipe soignante"), the team who did the scan, or the team who found the clot', () => {
    const bad = strings.filter(([, s]) => /équipe(?! soignante| qui a)/i.test(s));
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it('advice without an urgent line names places found in every region: a walk-in centre or the emergency department', () => {
    const noLine = strings.filter(([k]) => /^outcome:urgent\.(where_noLine|where_carer_noLine|now_noLine|now_noLine_carer)$/.test(k));
    expect(noLine).toHaveLength(4);
    for (const [k, s] of noLine) {
      expect(s, k).toContain('urgences');
      expect(s, k).not.toContain('soins urgents');
    }
  });
});
