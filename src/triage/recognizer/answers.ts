/**
 * Reading short answers to the bot's questions: yes/no/unsure, and how the leg compares with
 * scan day. Both return null when the text cannot be read or contradicts itself, so the dialog
 * asks again or, per S2, treats the answer as "not sure" (a tier up), never as the milder one.
 */
import type { LegTrend, YesNo } from '../types';
import * as C from './compiled';
import { findMatches, prepare, type Match } from './match';
import { FEATURES } from './model';
import { AFFIRMED } from './reading';
import { outermost } from './spans';
import { guardsTriggers, Scopes } from './scope';
import { tokenize } from './tokenize';
import { readTrends } from './trends';

/** A negation must sit right before an answer word to flip it ("not yes", "no creo que sí"). */
const ANSWER_NEG_WINDOW = 2;

function isAnswer(m: Match): boolean {
  return m.kind === C.K_YES || m.kind === C.K_NO || m.kind === C.K_UNSURE;
}

/** "yes", "nope", "not sure", "para nada"... Numbers and ordinals are never read ("1" is null). */
export function readYesNo(text: string, lex: C.CompiledLexicon): YesNo | null {
  const scan = prepare(tokenize(typeof text === 'string' ? text : ''), lex);
  const matches = findMatches(scan, lex.answers);
  const scopes = new Scopes(scan, matches, isAnswer);
  // "I am" answers "Are you…?", but "I am done" or "I am fine" is no yes: such phrases count only alone.
  const answers = outermost(matches.filter(isAnswer)).filter((m) => m.arg !== C.WHOLE_ONLY || (m.start === 0 && m.end === scan.n));
  let yes = false;
  let no = false;
  let unsure = false;
  for (const m of answers) {
    if (scopes.negated(m.start, m.end, { window: ANSWER_NEG_WINDOW, parts: [m] })) return null; // "not yes": unreadable, ask again
    if (m.kind === C.K_YES) yes = true;
    else if (m.kind === C.K_NO) no = true;
    else unsure = true;
  }
  if (yes && no) return null;
  if (unsure) return 'unsure';
  return yes ? 'yes' : no ? 'no' : null;
}

/** Most urgent reading first: a mixed answer takes the more urgent one (S2). */
const URGENCY: readonly LegTrend[] = ['worse', 'unsure', 'same', 'better', 'gone'];

/**
 * "worse", "más hinchada", "same as before", "ha bajado", "all gone", "dunno"... A negated
 * direction reads as the safer neighbour: "not worse", "no better" and "not gone" are 'same';
 * "not the same" is 'unsure'.
 */
export function readTrend(text: string, lex: C.CompiledLexicon): LegTrend | null {
  const scan = prepare(tokenize(typeof text === 'string' ? text : ''), lex);
  if (scan.n === 0) return null;
  const matches = findMatches(scan, lex.main);
  const scopes = new Scopes(scan, matches, guardsTriggers);
  const readings = new Set<LegTrend>();
  const spans = readTrends(scan, matches, scopes, true);
  for (const t of spans) {
    if (t.polarity === 'affirmed') readings.add(t.direction);
    else readings.add(t.direction === 'same' ? 'unsure' : 'same');
  }
  for (const m of findMatches(scan, lex.answers)) {
    if (m.kind === C.K_UNSURE && !spans.some((s) => s.start <= m.start && s.end >= m.end)) readings.add('unsure');
  }
  for (const level of URGENCY) if (readings.has(level)) return level;
  return null;
}

const SYMPTOMS = FEATURES.indexOf('symptoms');

/**
 * Whether the text says a leg sign is there now without a change word: "e umflat", "la tengo
 * roja", "no more pain and it's swollen". A sign inside a trend ("the swelling has gone", "less
 * red"), named before a change word of its clause ("the pain and swelling are all gone") or denied
 * ("no swelling", "ni está hinchada") is not; the leg itself ("leg", "pierna") is no sign.
 * A reply of "gone" that also says this is no "gone" (S2).
 */
export function saysSignPresent(text: string, lex: C.CompiledLexicon): boolean {
  const scan = prepare(tokenize(typeof text === 'string' ? text : ''), lex);
  if (scan.n === 0) return false;
  const matches = findMatches(scan, lex.main);
  const scopes = new Scopes(scan, matches, guardsTriggers);
  const spans = readTrends(scan, matches, scopes, true);
  const changes = matches.filter((m) => m.kind === C.K_DIR || m.kind === C.K_MOD);
  return matches.some((m) => m.kind === C.K_FEATURE && m.arg !== SYMPTOMS
    && !spans.some((s) => s.start <= m.start && s.end >= m.end)
    && !changes.some((d) => d.start >= m.end && scan.clause[d.start] === scan.clause[m.start])
    && scopes.read(m.start, m.end, { parts: [m] }) === AFFIRMED);
}
