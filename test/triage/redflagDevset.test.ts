/**
 * Measures the recognizer on labelled patient messages written by someone other than the
 * lexicon's author. Dev files are for tuning; holdout files measure how well that tuning
 * generalises and must not be used to tune. Extra files are fresh wording (idioms, carers,
 * typos, voice-to-text, long messages, benign traps) written before the concept layer existed,
 * to keep it honest about descriptions rather than symptom names. Blind2 files are an independent
 * writer's set, scored once blind (emergency en 85/92, es 57/61) and used for tuning since.
 * Blind3 is a second independent set, scored once blind (emergency en 75/79, es 51/53; urgent+ en
 * 30/34, es 24/24) and used for tuning since. Blind4 is a third independent set, scored once blind
 * (emergency en 73/80, es 60/61; urgent+ en 34/35, es 25/25; false alarms en 10.8%, es 14.9%) and
 * used for tuning since.
 * Thresholds follow the safety case: missing an emergency is the error that hurts patients
 * (S1/S2), false alarms cost trust.
 */
import { describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../../src/lexicons';
import { recognize } from '../../src/triage/recognizer';

type Label = 'emergency' | 'urgent' | 'none';
interface Example { text: string; label: Label; note?: string }

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const SETS = ['dev', 'holdout', 'extra', 'blind2', 'blind3', 'blind4', 'blind5'] as const;
const LNGS = ['en', 'es'] as const;

interface Score {
  set: string; lng: string; n: number;
  emergency: [hit: number, of: number]; urgent: [hit: number, of: number]; falseAlarm: [hit: number, of: number];
  misses: string[];
}

function score(set: string, lng: string, examples: Example[]): Score {
  const lex = loadLexicon(lng);
  const s: Score = { set, lng, n: examples.length, emergency: [0, 0], urgent: [0, 0], falseAlarm: [0, 0], misses: [] };
  for (const ex of examples) {
    const got = recognize(ex.text, lex).level ?? 'none';
    if (ex.label === 'emergency') {
      s.emergency[1]++;
      if (got === 'emergency') s.emergency[0]++; else s.misses.push(`${set}/${lng} emergency->${got}: ${ex.text}`);
    } else if (ex.label === 'urgent') {
      s.urgent[1]++;
      if (got !== 'none') s.urgent[0]++; else s.misses.push(`${set}/${lng} urgent->none: ${ex.text}`);
    } else {
      s.falseAlarm[1]++;
      if (got !== 'none') { s.falseAlarm[0]++; s.misses.push(`${set}/${lng} none->${got}: ${ex.text}`); }
    }
  }
  return s;
}

const rate = ([hit, of]: [number, number]): number => (of === 0 ? 1 : hit / of);
const pct = (r: [number, number]): string => `${(100 * rate(r)).toFixed(1)}% (${r[0]}/${r[1]})`;

function load(set: string, lng: string): Example[] | null {
  const file = path.join(FIXTURES, `redflags.${set}.${lng}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Example[]) : null;
}

describe('red-flag dev and holdout sets', () => {
  const scores: Score[] = [];
  for (const set of SETS) for (const lng of LNGS) {
    const examples = load(set, lng);
    if (examples) scores.push(score(set, lng, examples));
  }

  it('prints the table', () => {
    const rows = scores.map((s) =>
      `${s.set.padEnd(8)} ${s.lng}  n=${String(s.n).padEnd(4)} emergency sens ${pct(s.emergency).padEnd(17)} urgent sens ${pct(s.urgent).padEnd(17)} false alarms ${pct(s.falseAlarm)}`);
    console.log(['red-flag recognizer', ...rows, ...scores.flatMap((s) => s.misses.map((m) => `  miss ${m}`))].join('\n'));
    expect(scores.filter((s) => s.set === 'dev').length).toBe(2);
    expect(scores.filter((s) => s.set === 'extra').length).toBe(2);
  });

  for (const s of scores) {
    it(`S1: ${s.set} ${s.lng}: every emergency is recognised as an emergency`, () => {
      expect(rate(s.emergency), s.misses.join('\n')).toBe(1);
    });
    it(`${s.set} ${s.lng}: false alarms on benign messages stay at or below 10%`, () => {
      expect(rate(s.falseAlarm), s.misses.join('\n')).toBeLessThanOrEqual(0.1);
    });
    it(`S2: ${s.set} ${s.lng}: at least 95% of urgent messages get urgent or emergency`, () => {
      expect(rate(s.urgent), s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});
