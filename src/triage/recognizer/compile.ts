/**
 * Compiles a validated lexicon into integer-coded phrase indexes. Done once per language at
 * start-up, so recognize() does no parsing, folding of phrases or allocation of patterns.
 */
import type { FlagLevel } from '../types';
import * as C from './compiled';
import { DIRECTIONS, FAST_HEARTBEAT, FEATURES, LEG_WORSE, MODIFIER_DIRECTIONS, PULSE_POSSIBLE } from './model';
import { expandPattern, type SingleItem } from './pattern';
import { foldWords } from './tokenize';
import { validateLexicon } from './schema';
import { Vocabulary } from './vocabulary';

type Bucket = C.Phrase[][];
let sequence = 0;

function single(vocab: Vocabulary, item: SingleItem): number {
  return item.t === 'word' ? vocab.word(item.word) : item.t === 'prefix' ? vocab.prefix(item.prefix) : vocab.range(item.min, item.max);
}

function add(bucket: Bucket, vocab: Vocabulary, phrases: readonly string[], kind: number, arg: number): void {
  for (const source of phrases) {
    for (const seq of expandPattern(source)) {
      const elems = seq.map((item): C.Elem => (item.t === 'set' ? item.items.map((i) => single(vocab, i)) : item.t === 'gap' ? -item.max : single(vocab, item)));
      const phrase: C.Phrase = { elems, kind, arg, source, rank: sequence++ };
      const first = elems[0] as C.Elem;
      for (const id of typeof first === 'number' ? [first] : first) (bucket[id] ??= []).push(phrase);
    }
  }
}

/**
 * Longer phrases first, so the matcher meets the most specific reading of a start token first;
 * then each bucket split by the phrase's second element (compiled.ts Bucket).
 */
function freeze(bucket: Bucket): C.PhraseIndex {
  const all = new Set<C.Phrase>();
  for (const list of bucket) for (const p of list ?? []) all.add(p);
  [...all].sort((a, b) => b.elems.length - a.elems.length || a.rank - b.rank).forEach((p, i) => { p.rank = i; });
  return bucket.map((list): C.Bucket | undefined => {
    if (list === undefined) return undefined;
    const rest: C.Phrase[] = [];
    const next = new Map<number, C.Phrase[]>();
    const gapped = new Map<number, C.Phrase[]>();
    let reach = 0;
    const file = (into: Map<number, C.Phrase[]>, el: C.Elem, p: C.Phrase): void => {
      for (const id of typeof el === 'number' ? [el] : el) {
        const under = into.get(id);
        if (under === undefined) into.set(id, [p]);
        else if (under[under.length - 1] !== p) under.push(p);
      }
    };
    for (const p of [...new Set(list)].sort((a, b) => a.rank - b.rank)) {
      const second = p.elems[1];
      if (second === undefined) rest.push(p);
      else if (typeof second === 'number' && second < 0) {
        // A phrase never ends on a gap and adjacent gaps merge, so a word follows every gap.
        file(gapped, p.elems[2] as C.Elem, p);
        reach = Math.max(reach, 1 - second);
      } else file(next, second, p);
    }
    return { rest, next, gapped, reach };
  });
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
  // Weak signs ("dizzy") and pulse numbers only ever make possible findings (possible.ts).
  flagCodes.forEach((code, i) => add(main, vocab, lex.flags[code]?.possible ?? [], C.K_WEAK, i));
  const fastHeartbeat = flagCodes.indexOf(FAST_HEARTBEAT);
  if (fastHeartbeat >= 0) {
    add(main, vocab, lex.possible.pulse.map((w) => `${w} *3 #${PULSE_POSSIBLE.min}-${PULSE_POSSIBLE.max}`), C.K_PULSE, fastHeartbeat);
    add(main, vocab, lex.possible.pulse.map((w) => `#${PULSE_POSSIBLE.min}-${PULSE_POSSIBLE.max} ${w}`), C.K_PULSE, fastHeartbeat);
  }
  add(main, vocab, lex.possible.hedges, C.K_HEDGE, 0);
  add(main, vocab, lex.possible.explainers, C.K_EXPLAIN, 0);
  add(main, vocab, lex.possible.vague, C.K_VAGUE, 0);
  add(main, vocab, lex.questions.implied, C.K_IMPLIED, 0);
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
      concepts.push({ flag: flagCodes.indexOf(code), window: rule.window, loose: rule.loose, vague: rule.vague });
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
