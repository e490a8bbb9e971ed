/**
 * recognize(): red flags and trends in one free-text message.
 *
 * The most urgent affirmed finding sets the level, and an affirmed flag anywhere wins over
 * negated ones elsewhere ("no chest pain but I can't breathe" is an emergency, S2).
 *
 * Two readings feed the findings: the lexicon's phrases (strict, reviewed wording) and the
 * concept layer (concepts.ts: an anchor and a problem close together). Where both read the same
 * words as the same flag, the phrase wins, so the concept layer only ever adds findings.
 * Weak signs, pulse numbers and vague wording then add 'possible' findings where nothing
 * clearer was read, and doubt stacked on doubt turns an affirmed report into a possible one
 * (possible.ts).
 */
import type { FlagLevel } from '../types';
import * as C from './compiled';
import { findConcepts, type ConceptHit } from './concepts';
import { findMatches, prepare, type Match } from './match';
import { ignoredBy, outermost } from './spans';
import type { Finding, Polarity, Recognition, Trend } from './model';
import { Doubts, DOUBTS_NEEDED, possibleReadings, type Hit } from './possible';
import { AFFIRMED, POLARITY, POSSIBLE, type Reading } from './reading';
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

  const hits: Hit[] = [];
  // Per token: bit f set when a phrase of flag f covers it (compile.ts caps flags at 30); bit 30 when a reading that is not affirmed does.
  const cover = new Int32Array(scan.n);
  const NEGATED_BIT = 1 << 30;
  // The same, for affirmed phrases only: an affirmed concept reading may stand beside a negated phrase (S2).
  const affirmed = new Int32Array(scan.n);
  for (const m of outermost(flags, (a, b) => a.arg === b.arg)) {
    const reading = scopes.read(m.start, m.end, { parts: [m] });
    const negated = reading !== AFFIRMED;
    for (let p = m.start; p < m.end; p++) cover[p] = (cover[p] as number) | (1 << m.arg) | (negated ? NEGATED_BIT : 0);
    if (!negated) for (let p = m.start; p < m.end; p++) affirmed[p] = (affirmed[p] as number) | (1 << m.arg);
    hits.push({ flag: m.arg, reading, start: m.start, end: m.end });
  }
  const affirmedConcepts: Match[] = [];
  for (const h of conceptReadings(findConcepts(scan, matches, lex), scopes, cover, affirmed, NEGATED_BIT)) {
    hits.push({ flag: h.flag, reading: h.reading, start: h.start, end: h.end });
    if (h.reading === AFFIRMED) affirmedConcepts.push({ kind: C.K_FLAG, arg: h.flag, start: h.start, end: h.end, phrase: h.anchor.phrase });
  }

  // Affirmed concept readings keep their words out of leg trends, as phrases do ("ribs sore, worse today").
  const forTrends = affirmedConcepts.length === 0 ? matches : [...matches, ...affirmedConcepts].sort((a, b) => a.start - b.start);
  const trends: Trend[] = [];
  for (const t of readTrends(scan, forTrends, scopes)) {
    if (!trends.some((o) => o.feature === t.feature && o.direction === t.direction && o.polarity === t.polarity)) {
      trends.push({ feature: t.feature, direction: t.direction, polarity: t.polarity });
    }
    const reading = POLARITY.indexOf(t.polarity) as Reading;
    if (t.direction === 'worse' && lex.legWorse >= 0 && !hits.some((o) => o.flag === lex.legWorse && o.start === t.start && o.end === t.end && o.reading === reading)) {
      hits.push({ flag: lex.legWorse, reading, start: t.start, end: t.end });
    }
  }

  hits.push(...possibleReadings(scan, matches, lex, scopes, hits));
  const doubts = new Doubts(scan, matches);
  if (doubts.any) for (const h of hits) if (h.reading === AFFIRMED && doubts.count(h.start, h.end) >= DOUBTS_NEEDED) h.reading = POSSIBLE;

  const { starts, ends } = scan.tokens;
  const findings: Finding[] = hits.map((h) => ({
    code: lex.flagCodes[h.flag] as string,
    level: lex.flagLevels[h.flag] as FlagLevel,
    polarity: POLARITY[h.reading] as Polarity,
    start: starts[h.start] as number,
    end: ends[h.end - 1] as number,
  }));
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
 * Concept pairs that add something, with their reading. A pair is dropped where a phrase of
 * the same flag already read those words (unless the phrase was not affirmed and the pair is), where a negator's anchor sits inside a
 * reading that is not affirmed ("no shortness of breath" is not "no … breath"), and where an earlier pair of the same
 * flag and reading overlaps it (one finding per description).
 */
function conceptReadings(hits: readonly ConceptHit[], scopes: Scopes, cover: Int32Array, affirmed: Int32Array, negatedBit: number): (ConceptHit & { reading: Reading })[] {
  const any = (from: number, to: number, bits: number, over = cover): boolean => {
    for (let p = from; p < to; p++) if (((over[p] as number) & bits) !== 0) return true;
    return false;
  };
  const plain: (ConceptHit & { reading: Reading })[] = [];
  for (const h of hits) {
    if (h.negator || any(h.start, h.end, 1 << h.flag, affirmed)) continue;
    const reading = scopes.read(h.start, h.end, { parts: [h.anchor, h.problem] });
    const negated = reading !== AFFIRMED;
    if (negated && any(h.start, h.end, 1 << h.flag)) continue;
    plain.push({ ...h, reading });
    if (negated) for (let p = h.start; p < h.end; p++) cover[p] = (cover[p] as number) | negatedBit;
  }
  const all = [...plain];
  for (const h of hits) {
    if (!h.negator || any(h.start, h.end, 1 << h.flag) || any(h.anchor.start, h.anchor.end, negatedBit)) continue;
    all.push({ ...h, reading: scopes.read(h.start, h.end, { parts: [h.anchor, h.problem] }) });
  }
  all.sort((x, y) => x.start - y.start || x.end - y.end);
  const lastEnd = new Map<string, number>();
  return all.filter((h) => {
    const key = `${h.flag}/${h.reading}`;
    if ((lastEnd.get(key) ?? -1) > h.start) return false;
    lastEnd.set(key, h.end);
    return true;
  });
}
