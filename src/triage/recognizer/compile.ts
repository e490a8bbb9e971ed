/**
 * Compiles a validated lexicon into integer-coded phrase indexes. Done once per language at
 * start-up, so recognize() does no parsing, folding of phrases or allocation of patterns.
 */
import type { FlagLevel } from '../types';
import * as C from './compiled';
import { DIRECTIONS, FEATURES, LEG_WORSE, MODIFIER_DIRECTIONS } from './model';
import { expandPattern, type SingleItem } from './pattern';
import { foldWords } from './tokenize';
import { validateLexicon } from './schema';
import { Vocabulary } from './vocabulary';

type Bucket = C.Phrase[][];

function single(vocab: Vocabulary, item: SingleItem): number {
  return item.t === 'word' ? vocab.word(item.word) : item.t === 'prefix' ? vocab.prefix(item.prefix) : vocab.range(item.min, item.max);
}

function add(bucket: Bucket, vocab: Vocabulary, phrases: readonly string[], kind: number, arg: number): void {
  for (const source of phrases) {
    for (const seq of expandPattern(source)) {
      const elems = seq.map((item): C.Elem => (item.t === 'set' ? item.items.map((i) => single(vocab, i)) : item.t === 'gap' ? -item.max : single(vocab, item)));
      const phrase: C.Phrase = { elems, kind, arg, source };
      const first = elems[0] as C.Elem;
      for (const id of typeof first === 'number' ? [first] : first) (bucket[id] ??= []).push(phrase);
    }
  }
}

/** Longer phrases first, so the matcher meets the most specific reading of a start token first. */
function freeze(bucket: Bucket): C.PhraseIndex {
  for (const list of bucket) list?.sort((a, b) => b.elems.length - a.elems.length);
  return bucket;
}

/**
 * Validates a raw lexicon (parsed JSON) and compiles it. Throws an Error that names the bad path
 * or phrase; see pattern.ts for the phrase syntax and schema.ts for the shape.
 */
export function compileLexicon(raw: unknown): C.CompiledLexicon {
  const lex = validateLexicon(raw);
  const vocab = new Vocabulary();
  const terms: Bucket = [];
  const main: Bucket = [];
  const answers: Bucket = [];

  const flagCodes = Object.keys(lex.flags);
  // recognize() keeps one bit per flag per word; 30 leaves a bit for "negated".
  if (flagCodes.length > 30) throw new Error('Lexicon: at most 30 flags');
  const flagLevels: FlagLevel[] = [];
  flagCodes.forEach((code, i) => {
    const flag = lex.flags[code];
    if (flag === undefined) return;
    flagLevels.push(flag.level);
    add(main, vocab, flag.phrases, C.K_FLAG, i);
  });
  const legWorse = flagCodes.indexOf(LEG_WORSE);
  if (legWorse >= 0 && flagLevels[legWorse] !== 'urgent') throw new Error('Lexicon: "flags.leg_worse.level" must be "urgent"');

  FEATURES.forEach((f, i) => add(main, vocab, lex.trends.features[f], C.K_FEATURE, i));
  DIRECTIONS.forEach((d, i) => add(main, vocab, lex.trends.directions[d], C.K_DIR, i));
  MODIFIER_DIRECTIONS.forEach((d) => add(main, vocab, lex.trends.modifiers[d], C.K_MOD, DIRECTIONS.indexOf(d)));
  add(main, vocab, lex.negation.pre, C.K_NEG, 0);
  add(main, vocab, lex.negation.post, C.K_POST, 0);
  add(main, vocab, lex.negation.pseudo, C.K_PSEUDO, 0);
  add(main, vocab, lex.negation.hypothetical, C.K_HYPO, 0);
  add(main, vocab, lex.negation.historical, C.K_HIST, 0);
  add(main, vocab, lex.negation.instructions, C.K_INSTR, 0);
  add(main, vocab, lex.negation.denials, C.K_DENIAL, 0);
  add(main, vocab, lex.negation.elsewhere, C.K_ELSE, 0);
  add(main, vocab, lex.negation.listJoiners, C.K_JOIN, 0);
  add(main, vocab, lex.negation.newClause, C.K_NEWCL, 0);
  add(main, vocab, lex.ignore, C.K_IGNORE, 0);
  add(main, vocab, lex.questions.asking, C.K_QWORD, 0);
  add(main, vocab, lex.questions.self, C.K_SELF, 0);
  add(main, vocab, lex.questions.about, C.K_ABOUT, 0);
  add(main, vocab, lex.humour.hyperbole, C.K_HYPER, 0);
  add(main, vocab, lex.humour.markers, C.K_JOKE, 0);
  add(terms, vocab, lex.negation.terminators, C.K_TERM, 0);
  const concepts: C.ConceptRule[] = [];
  for (const [code, rules] of Object.entries(lex.concepts.rules)) {
    for (const rule of rules) {
      add(main, vocab, rule.anchors, C.K_ANCHOR, concepts.length);
      add(main, vocab, rule.problems, C.K_PROBLEM, concepts.length);
      add(main, vocab, rule.negators, C.K_NEGATOR, concepts.length);
      concepts.push({ flag: flagCodes.indexOf(code), window: rule.window, loose: rule.loose });
    }
  }
  add(main, vocab, lex.concepts.stops, C.K_STOP, 0);
  add(answers, vocab, lex.answers.yes, C.K_YES, 0);
  add(answers, vocab, lex.answers.whole, C.K_YES, C.WHOLE_ONLY);
  add(answers, vocab, lex.answers.no, C.K_NO, 0);
  add(answers, vocab, lex.answers.unsure, C.K_UNSURE, 0);
  // Pseudo-triggers also guard answers: "not sure" must not read as a negated "sure".
  add(answers, vocab, lex.negation.pre, C.K_NEG, 0);
  add(answers, vocab, lex.negation.pseudo, C.K_PSEUDO, 0);

  vocab.keepAsIs(lex.spelling.keep.flatMap((w) => foldWords(w)));
  vocab.soundsLike(lex.spelling.sounds.flatMap((w) => foldWords(w)));
  vocab.stemsLike(lex.spelling.stems.flatMap((w) => foldWords(w)));
  vocab.procliticsOff(lex.spelling.proclitics.flatMap((w) => foldWords(w)));
  vocab.seal();
  return {
    vocab,
    terms: freeze(terms),
    main: freeze(main),
    answers: freeze(answers),
    flagCodes,
    flagLevels,
    legWorse,
    concepts,
  };
}
