/**
 * recognize(): red flags and trends in one free-text message.
 *
 * The most urgent affirmed finding sets the level, and an affirmed flag anywhere wins over
 * negated ones elsewhere ("no chest pain but I can't breathe" is an emergency, S2).
 *
 * Two readings feed the findings: the lexicon's phrases (strict, reviewed wording) and the
 * concept layer (concepts.ts: an anchor and a problem close together). Where both read the same
 * words as the same flag, the phrase wins, so the concept layer only ever adds findings.
 */
import type { FlagLevel } from '../types';
import * as C from './compiled';
import { findConcepts, type ConceptHit } from './concepts';
import { findMatches, prepare, type Match } from './match';
import { ignoredBy, outermost } from './spans';
import { LEG_WORSE, type Finding, type Recognition, type Trend } from './model';
import { guardsTriggers, Scopes } from './scope';
import { tokenize } from './tokenize';
import { readTrends } from './trends';

/** Laughing emoji (😂 🤣 😆 😅 😹): laughter no lexicon can spell, since the tokenizer drops emoji. */
const LAUGHING = /\uD83D[\uDE02\uDE06\uDE05\uDE39]|\uD83E\uDD23/;

export function recognize(text: string, lex: C.CompiledLexicon): Recognition {
  const raw = typeof text === 'string' ? text : '';
  const scan = prepare(tokenize(raw), lex);
  if (scan.n === 0) return { findings: [], trends: [], level: null };
  const matches = findMatches(scan, lex.main);
  const scopes = new Scopes(scan, matches, guardsTriggers, LAUGHING.test(raw));
  const ignores = matches.filter((m) => m.kind === C.K_IGNORE);
  const flags = matches.filter((m) => m.kind === C.K_FLAG && !ignoredBy(m, ignores));
  const { starts, ends } = scan.tokens;
  const at = (code: string, level: FlagLevel, negated: boolean, s: number, e: number): Finding => ({
    code, level, polarity: negated ? 'negated' : 'affirmed', start: starts[s] as number, end: ends[e - 1] as number,
  });

  const findings: Finding[] = [];
  // Per token: bit f set when a phrase of flag f covers it (compile.ts caps flags at 30); bit 30 when a negated reading does.
  const cover = new Int32Array(scan.n);
  const NEGATED = 1 << 30;
  // The same, for affirmed phrases only: an affirmed concept reading may stand beside a negated phrase (S2).
  const affirmed = new Int32Array(scan.n);
  for (const m of outermost(flags, (a, b) => a.arg === b.arg)) {
    const negated = scopes.negated(m.start, m.end, { parts: [m] });
    for (let p = m.start; p < m.end; p++) cover[p] = (cover[p] as number) | (1 << m.arg) | (negated ? NEGATED : 0);
    if (!negated) for (let p = m.start; p < m.end; p++) affirmed[p] = (affirmed[p] as number) | (1 << m.arg);
    findings.push(at(lex.flagCodes[m.arg] as string, lex.flagLevels[m.arg] as FlagLevel, negated, m.start, m.end));
  }
  const affirmedConcepts: Match[] = [];
  for (const h of conceptReadings(findConcepts(scan, matches, lex), scopes, cover, affirmed, NEGATED)) {
    findings.push(at(lex.flagCodes[h.flag] as string, lex.flagLevels[h.flag] as FlagLevel, h.negated, h.start, h.end));
    if (!h.negated) affirmedConcepts.push({ kind: C.K_FLAG, arg: h.flag, start: h.start, end: h.end, phrase: h.anchor.phrase });
  }

  // Affirmed concept readings keep their words out of leg trends, as phrases do ("ribs sore, worse today").
  const forTrends = affirmedConcepts.length === 0 ? matches : [...matches, ...affirmedConcepts].sort((a, b) => a.start - b.start);
  const trends: Trend[] = [];
  for (const t of readTrends(scan, forTrends, scopes)) {
    if (!trends.some((o) => o.feature === t.feature && o.direction === t.direction && o.polarity === t.polarity)) {
      trends.push({ feature: t.feature, direction: t.direction, polarity: t.polarity });
    }
    const f = at(LEG_WORSE, 'urgent', t.polarity === 'negated', t.start, t.end);
    if (t.direction === 'worse' && !findings.some((o) => o.code === f.code && o.start === f.start && o.end === f.end && o.polarity === f.polarity)) findings.push(f);
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);

  let level: FlagLevel | null = null;
  for (const f of findings) {
    if (f.polarity !== 'affirmed') continue;
    if (f.level === 'emergency') { level = 'emergency'; break; }
    level = 'urgent';
  }
  return { findings, trends, level };
}

/**
 * Concept pairs that add something, with their polarity. A pair is dropped where a phrase of
 * the same flag already read those words (unless the phrase was negated and the pair is not), where a negator's anchor sits inside a negated
 * reading ("no shortness of breath" is not "no … breath"), and where an earlier pair of the same
 * flag and polarity overlaps it (one finding per description).
 */
function conceptReadings(hits: readonly ConceptHit[], scopes: Scopes, cover: Int32Array, affirmed: Int32Array, negatedBit: number): (ConceptHit & { negated: boolean })[] {
  const any = (from: number, to: number, bits: number, over = cover): boolean => {
    for (let p = from; p < to; p++) if (((over[p] as number) & bits) !== 0) return true;
    return false;
  };
  const plain: (ConceptHit & { negated: boolean })[] = [];
  for (const h of hits) {
    if (h.negator || any(h.start, h.end, 1 << h.flag, affirmed)) continue;
    const negated = scopes.negated(h.start, h.end, { parts: [h.anchor, h.problem] });
    if (negated && any(h.start, h.end, 1 << h.flag)) continue;
    plain.push({ ...h, negated });
    if (negated) for (let p = h.start; p < h.end; p++) cover[p] = (cover[p] as number) | negatedBit;
  }
  const all = [...plain];
  for (const h of hits) {
    if (!h.negator || any(h.start, h.end, 1 << h.flag) || any(h.anchor.start, h.anchor.end, negatedBit)) continue;
    all.push({ ...h, negated: scopes.negated(h.start, h.end, { parts: [h.anchor, h.problem] }) });
  }
  all.sort((x, y) => x.start - y.start || x.end - y.end);
  const lastEnd = new Map<string, number>();
  return all.filter((h) => {
    const key = `${h.flag}/${h.negated ? 1 : 0}`;
    if ((lastEnd.get(key) ?? -1) > h.start) return false;
    lastEnd.set(key, h.end);
    return true;
  });
}
