/**
 * The compiled lexicon: every phrase expanded and interned to integer ids once, so that matching
 * a message compares small integers instead of strings. Internal to the recognizer.
 */
import type { FlagLevel } from '../types';
import type { Vocabulary } from './vocabulary';

/** What a phrase means when it matches. */
export const K_FLAG = 0;
export const K_NEG = 1;
export const K_POST = 2;
export const K_PSEUDO = 3;
export const K_HYPO = 4;
export const K_FEATURE = 5;
export const K_DIR = 6;
export const K_MOD = 7;
export const K_IGNORE = 8;
export const K_JOIN = 9;
export const K_TERM = 10;
export const K_YES = 11;
export const K_NO = 12;
export const K_UNSURE = 13;
/** `arg` of an answer phrase that counts only when it is the whole message. */
export const WHOLE_ONLY = 1;
export const K_HIST = 14;
export const K_NEWCL = 15;
export const K_QWORD = 16;
export const K_SELF = 17;
/** Concept layer (concepts.ts): anchor ("chest"), problem ("tight"), negator ("can't", "sin"), stop ("and", "y"). */
export const K_ANCHOR = 18;
export const K_PROBLEM = 19;
export const K_STOP = 20;
export const K_NEGATOR = 21;
/** After a symptom, it is the subject of a question ("… puede ser señal de algo?"); see questions.ts. */
export const K_ABOUT = 22;
/** Humour: "almost"/"casi" before a symptom, and laughter or mock context ("haha", "when I saw the bill"). */
export const K_HYPER = 23;
export const K_JOKE = 24;
/** "watch for" / "vigilara", and the later denial that makes it one: "I haven't had any". */
export const K_INSTR = 25;
export const K_DENIAL = 26;
/** Someone else's story or a screen: "a film where", "una película donde". */
export const K_ELSE = 27;
/** The "possible" outcome (possible.ts): hedges ("maybe", "a bit"), explainers ("probably just nerves"), vague change words ("weird"). */
export const K_HEDGE = 28;
export const K_EXPLAIN = 29;
export const K_VAGUE = 30;
/** A pulse word with a number ("pulse is 112"); `arg` is the fast_heartbeat flag's index. */
export const K_PULSE = 31;
/** A weak sign of a flag (flags.<code>.possible: "dizzy"); `arg` is the flag's index. */
export const K_WEAK = 32;
/** In a question, words that point at the asker's own state without naming them ("this", "normal to be"). */
export const K_IMPLIED = 33;

/**
 * One concept rule: an anchor and a problem within `window` words of each other in one clause
 * stand for the flag `flag`. `loose` rules may reach across commas and stop words ("I felt
 * dizzy and then I fell"); others may not ("my calf is sore and my chest is fine").
 */
export interface ConceptRule {
  readonly flag: number;
  readonly window: number;
  readonly loose: boolean;
  /** Whether its anchors next to a vague change word ("chest … weird") make a possible finding. */
  readonly vague: boolean;
}

/**
 * One element of a phrase: a word/prefix/number-range id (≥ 0), a gap as a negative number
 * (-3 = up to 3 words), or a set of ids any of which matches.
 */
export type Elem = number | readonly number[];

/** One expanded phrase. `arg` indexes the flag, feature or direction it stands for. */
export interface Phrase {
  readonly elems: readonly Elem[];
  readonly kind: number;
  readonly arg: number;
  /** The source phrase as written in the lexicon, for reviewers. */
  readonly source: string;
  /** Order in which the matcher reports phrases starting at one token: longer first, then lexicon order. */
  rank: number;
}

/**
 * The phrases a token can start. Those whose second element is a word (or a set of words) that
 * must follow right away are filed under that word's id (`next`), so a common first word ("my",
 * "can") only tries the phrases its neighbour can continue; those with a gap next are filed under
 * the word after the gap (`gapped`), looked up in the few words the gap can reach (`reach`);
 * one-word phrases (`rest`) are always tried.
 */
export interface Bucket {
  readonly rest: readonly Phrase[];
  readonly next: ReadonlyMap<number, readonly Phrase[]>;
  readonly gapped: ReadonlyMap<number, readonly Phrase[]>;
  /** How many tokens after the first the word after a gap may sit: the longest gap + 1. */
  readonly reach: number;
}

/** Phrases grouped by the id of their first element, so a token only tries phrases it can start. */
export type PhraseIndex = readonly (Bucket | undefined)[];

export interface CompiledLexicon {
  readonly vocab: Vocabulary;
  /** Clause terminators, matched first so gaps and negation scopes can respect clauses. */
  readonly terms: PhraseIndex;
  /** Flags, negation, hypotheticals, trend words, list joiners and ignore phrases. */
  readonly main: PhraseIndex;
  /** Yes / no / unsure answers (readYesNo) and unsure for readTrend. */
  readonly answers: PhraseIndex;
  readonly flagCodes: readonly string[];
  readonly flagLevels: readonly FlagLevel[];
  /** Index of the leg_worse flag code in flagCodes, or -1 when the lexicon lacks it. */
  readonly legWorse: number;
  /** Concept rules; K_ANCHOR, K_PROBLEM and K_NEGATOR phrases in `main` carry their rule's index as `arg`. */
  readonly concepts: readonly ConceptRule[];
}
