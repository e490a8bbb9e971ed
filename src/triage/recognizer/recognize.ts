/**
 * recognize(): red flags and trends in one free-text message.
 *
 * The most urgent affirmed finding sets the level, and an affirmed flag anywhere wins over
 * negated ones elsewhere ("no chest pain but I can't breathe" is an emergency, S2).
 */
import type { FlagLevel } from '../types';
import * as C from './compiled';
import { findMatches, ignoredBy, prepare, within, type Match } from './match';
import { LEG_WORSE, type Finding, type Recognition, type Trend } from './model';
import { guardsTriggers, Scopes } from './scope';
import { tokenize } from './tokenize';
import { readTrends } from './trends';


export function recognize(text: string, lex: C.CompiledLexicon): Recognition {
  const scan = prepare(tokenize(typeof text === 'string' ? text : ''), lex);
  if (scan.n === 0) return { findings: [], trends: [], level: null };
  const matches = findMatches(scan, lex.main);
  const scopes = new Scopes(scan, matches, guardsTriggers);
  const ignores = matches.filter((m) => m.kind === C.K_IGNORE);
  const flags = matches.filter((m) => m.kind === C.K_FLAG && !ignoredBy(m, ignores));
  const { starts, ends } = scan.tokens;
  const at = (code: string, level: FlagLevel, negated: boolean, s: number, e: number): Finding => ({
    code, level, polarity: negated ? 'negated' : 'affirmed', start: starts[s] as number, end: ends[e - 1] as number,
  });

  const findings: Finding[] = [];
  for (let i = 0; i < flags.length; i++) {
    const m = flags[i] as Match;
    if (flags.some((o, j) => o.arg === m.arg && within(m, o) && (o.end - o.start > m.end - m.start || j < i))) continue;
    findings.push(at(lex.flagCodes[m.arg] as string, lex.flagLevels[m.arg] as FlagLevel, scopes.negated(m.start, m.end), m.start, m.end));
  }

  const trends: Trend[] = [];
  for (const t of readTrends(scan, matches, scopes)) {
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
