/**
 * Checks the shape of a raw lexicon (parsed JSON) before anything is compiled.
 *
 * Why strict: lexicons are edited by clinical reviewers, not programmers. A typo in a key would
 * otherwise silently drop a whole list of red-flag phrases; here it stops the build with a
 * message that names the exact path to fix.
 */
import type { FlagLevel } from '../types';
import { DIRECTIONS, FEATURES, MODIFIER_DIRECTIONS } from './model';

/** `possible` (optional): weak signs that only make a possible finding of the flag ("dizzy" for fainting). */
export interface RawFlag { level: FlagLevel; phrases: string[]; possible: string[] }

/**
 * See concepts.ts. `negators` defaults to none, `window` to 3 words, `loose` to false; `vague`
 * (whether an anchor next to a possible.vague word makes a possible finding) defaults to true
 * for rules that are not loose.
 */
export const MAX_WINDOW = 12;
export interface RawConcept { anchors: string[]; problems: string[]; negators: string[]; window: number; loose: boolean; vague: boolean }

/** The words of the "possible" outcome (possible.ts); every list is required. */
export const POSSIBLE_LISTS = ['hedges', 'explainers', 'vague', 'pulse'] as const;

export interface RawLexicon {
  flags: Record<string, RawFlag>;
  negation: {
    pre: string[]; post: string[]; pseudo: string[]; hypothetical: string[]; historical: string[];
    terminators: string[]; newClause: string[]; listJoiners: string[];
    /** Optional. An instruction ("watch for", "vigilara") reads as a hypothetical only when a later denial ("I haven't had any") answers it. */
    instructions: string[]; denials: string[];
    /** Optional. Someone else's story or a screen ("a film where"): reaches a few words, never a new clause. */
    elsewhere: string[];
  };
  trends: {
    directions: Record<(typeof DIRECTIONS)[number], string[]>;
    modifiers: Record<(typeof MODIFIER_DIRECTIONS)[number], string[]>;
    features: Record<(typeof FEATURES)[number], string[]>;
  };
  /** `whole` (optional): yes-phrases that answer only as the whole message ("I am", "I do"), never inside a sentence ("I am done"). */
  answers: { yes: string[]; no: string[]; unsure: string[]; whole: string[] };
  /**
   * `about` (optional): words after a symptom that make it the subject of a question ("¿el corazón acelerado puede ser señal…?").
   * `implied` (optional): words that point at the asker's own state without naming them ("this", "normal to be", "tan").
   */
  questions: { asking: string[]; self: string[]; about: string[]; implied: string[] };
  /** Hedges, explainers, vague change words and pulse words: see possible.ts. */
  possible: Record<(typeof POSSIBLE_LISTS)[number], string[]>;
  /** Optional. A hyperbole ("almost fainted", "casi me desmayo") is no report when the message jokes (a laughter marker or mock context). */
  humour: { hyperbole: string[]; markers: string[] };
  spelling: { keep: string[]; sounds: string[]; stems: string[]; proclitics: string[] };
  ignore: string[];
  concepts: { stops: string[]; rules: Record<string, RawConcept[]> };
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw new Error(`Lexicon: "${path}" must be an object`);
  return v;
}

function strings(v: unknown, path: string): string[] {
  if (!Array.isArray(v) || !v.every((s): s is string => typeof s === 'string' && s.trim().length > 0)) {
    throw new Error(`Lexicon: "${path}" must be an array of non-empty strings`);
  }
  return v;
}

function lists<K extends string>(v: unknown, path: string, keys: readonly K[]): Record<K, string[]> {
  const o = obj(v, path);
  const out = {} as Record<K, string[]>;
  for (const k of keys) out[k] = strings(o[k], `${path}.${k}`);
  return out;
}

/** Concept rules per flag code; every code must be a flag of the same lexicon. */
function concepts(v: unknown, flags: Record<string, RawFlag>): RawLexicon['concepts'] {
  const o = obj(v, 'concepts');
  const rulesRaw = obj(o.rules, 'concepts.rules');
  const rules: Record<string, RawConcept[]> = {};
  for (const [code, list] of Object.entries(rulesRaw)) {
    const at = `concepts.rules.${code}`;
    if (flags[code] === undefined) throw new Error(`Lexicon: "${at}" names no flag in "flags"`);
    if (!Array.isArray(list)) throw new Error(`Lexicon: "${at}" must be an array of rules`);
    rules[code] = list.map((r: unknown, i) => {
      const rule = obj(r, `${at}[${i}]`);
      const window = rule.window ?? 3;
      if (typeof window !== 'number' || !Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
        throw new Error(`Lexicon: "${at}[${i}].window" must be a whole number 0..${MAX_WINDOW}`);
      }
      if (rule.loose !== undefined && typeof rule.loose !== 'boolean') throw new Error(`Lexicon: "${at}[${i}].loose" must be true or false`);
      if (rule.vague !== undefined && typeof rule.vague !== 'boolean') throw new Error(`Lexicon: "${at}[${i}].vague" must be true or false`);
      const negators = rule.negators === undefined ? [] : strings(rule.negators, `${at}[${i}].negators`);
      const loose = rule.loose === true;
      return { anchors: strings(rule.anchors, `${at}[${i}].anchors`), problems: strings(rule.problems, `${at}[${i}].problems`), negators, window, loose, vague: rule.vague === undefined ? !loose : rule.vague === true };
    });
  }
  return { stops: strings(o.stops, 'concepts.stops'), rules };
}

/** Optional lists of an optional object: absent means none. */
function optional<K extends string>(v: unknown, path: string, keys: readonly K[]): Record<K, string[]> {
  const o = v === undefined ? {} : obj(v, path);
  const out = {} as Record<K, string[]>;
  for (const k of keys) out[k] = o[k] === undefined ? [] : strings(o[k], `${path}.${k}`);
  return out;
}

/** spelling.keep is required; spelling.sounds (sounds.ts), spelling.stems (stem.ts) and spelling.proclitics default to none. */
function spelling(v: unknown): RawLexicon['spelling'] {
  const o = obj(v, 'spelling');
  const opt = (k: string): string[] => (o[k] === undefined ? [] : strings(o[k], `spelling.${k}`));
  return { keep: strings(o.keep, 'spelling.keep'), sounds: opt('sounds'), stems: opt('stems'), proclitics: opt('proclitics') };
}

/** Returns the lexicon typed, or throws an Error naming the first bad path. Extra keys are ignored. */
export function validateLexicon(raw: unknown): RawLexicon {
  const root = obj(raw, '(root)');
  const flagsRaw = obj(root.flags, 'flags');
  const flags: Record<string, RawFlag> = {};
  for (const [code, value] of Object.entries(flagsRaw)) {
    if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new Error(`Lexicon: flag code "${code}" must be snake_case`);
    const f = obj(value, `flags.${code}`);
    if (f.level !== 'emergency' && f.level !== 'urgent') {
      throw new Error(`Lexicon: "flags.${code}.level" must be "emergency" or "urgent"`);
    }
    const possible = f.possible === undefined ? [] : strings(f.possible, `flags.${code}.possible`);
    flags[code] = { level: f.level, phrases: strings(f.phrases, `flags.${code}.phrases`), possible };
  }
  if (Object.keys(flags).length === 0) throw new Error('Lexicon: "flags" is empty');
  const trends = obj(root.trends, 'trends');
  const questions = obj(root.questions, 'questions');
  return {
    flags,
    negation: {
      ...lists(root.negation, 'negation', ['pre', 'post', 'pseudo', 'hypothetical', 'historical', 'terminators', 'newClause', 'listJoiners'] as const),
      ...optional(root.negation, 'negation', ['instructions', 'denials', 'elsewhere'] as const),
    },
    trends: {
      directions: lists(trends.directions, 'trends.directions', DIRECTIONS),
      modifiers: lists(trends.modifiers, 'trends.modifiers', MODIFIER_DIRECTIONS),
      features: lists(trends.features, 'trends.features', FEATURES),
    },
    answers: { ...lists(root.answers, 'answers', ['yes', 'no', 'unsure'] as const), ...optional(root.answers, 'answers', ['whole'] as const) },
    questions: { ...lists(questions, 'questions', ['asking', 'self'] as const), ...optional(questions, 'questions', ['about', 'implied'] as const) },
    possible: lists(root.possible, 'possible', POSSIBLE_LISTS),
    humour: optional(root.humour, 'humour', ['hyperbole', 'markers'] as const),
    spelling: spelling(root.spelling),
    ignore: strings(root.ignore, 'ignore'),
    concepts: concepts(root.concepts, flags),
  };
}
