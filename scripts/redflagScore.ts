/**
 * Scores the red-flag screen on labelled patient messages (test/fixtures/redflags.<set>.<lng>.json),
 * reading each message exactly the way the bot does (src/safety/screen.ts: the conversation's lexicon,
 * English, and the language the message is written in). Shared by the dev-set test and
 * `npm run redflags:score`. Emergency and urgent sensitivity and false alarms count affirmed
 * verdicts only (advice at once); a 'possible' label is caught by a question or by advice, and
 * "asked" is how often a benign message got a question (the cost of the possible outcome).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadLexicon } from '../src/language/lexicons';
import { createLocalizer } from '../src/language/localizer';
import { buildLanguageDirectory, type LanguageDirectory } from '../src/language/directory';
import { createRedFlagScreen } from '../src/safety/screen';

/** 'possible': the screen should ask one direct question (or give advice), never stay silent (S2, S9). */
export type Label = 'emergency' | 'urgent' | 'possible' | 'none';
export interface Example { text: string; label: Label; note?: string }
export type Tally = [hit: number, of: number];

export interface Score {
  set: string; lng: string; n: number;
  emergency: Tally; urgent: Tally; falseAlarm: Tally;
  /** Possible-labelled messages the screen asked about or advised on (never nothing). */
  possible: Tally;
  /** Benign messages the screen asked about (a question, not a false alarm). */
  asked: Tally;
  /** As the bot runs it: affirmed at that level, or a direct question at that level (answered yes). */
  emergencyAsRun: Tally;
  urgentAsRun: Tally;
  misses: string[];
}

/** test/fixtures, found from scripts/ (vitest) and from dist/scripts/ (node). */
export function fixturesDir(): string {
  const candidates = [path.resolve(__dirname, '..', 'test', 'fixtures'), path.resolve(__dirname, '..', '..', 'test', 'fixtures')];
  return candidates.find((d) => fs.existsSync(d)) ?? (candidates[0] as string);
}

/** Every fixture file as {set, lng}, sorted by language then set. */
export function fixtureSets(dir: string = fixturesDir()): { set: string; lng: string }[] {
  return fs.readdirSync(dir)
    .map((f) => /^redflags\.([a-z0-9]+)\.([A-Za-z-]+)\.json$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ set: m[1] as string, lng: m[2] as string }))
    .sort((a, b) => a.lng.localeCompare(b.lng) || a.set.localeCompare(b.set));
}

export function loadExamples(set: string, lng: string, dir: string = fixturesDir()): Example[] {
  return JSON.parse(fs.readFileSync(path.join(dir, `redflags.${set}.${lng}.json`), 'utf8')) as Example[];
}

let directory: LanguageDirectory | undefined;
/** The first-message detector over every language, built once (the screen uses it on every message). */
function detector(): LanguageDirectory {
  return (directory ??= buildLanguageDirectory(createLocalizer('en'), 'en'));
}

export function score(set: string, lng: string, examples: readonly Example[]): Score {
  const screen = createRedFlagScreen((l) => loadLexicon(l), detector());
  const s: Score = { set, lng, n: examples.length, emergency: [0, 0], urgent: [0, 0], falseAlarm: [0, 0], possible: [0, 0], asked: [0, 0], emergencyAsRun: [0, 0], urgentAsRun: [0, 0], misses: [] };
  for (const ex of examples) {
    const v = screen(ex.text, lng);
    const got = v.kind === 'affirmed' ? v.flag.level : v.kind === 'possible' ? 'possible' : 'none';
    // As the bot runs it: a possible flag gets a direct question, and "yes" gives that flag's advice.
    const askedAt = v.kind === 'possible' ? v.flags.map((f) => f.level) : [];
    if (ex.label === 'emergency') { s.emergencyAsRun[1]++; if (got === 'emergency' || askedAt.includes('emergency')) s.emergencyAsRun[0]++; }
    if (ex.label === 'urgent') { s.urgentAsRun[1]++; if (got === 'emergency' || got === 'urgent' || askedAt.length > 0) s.urgentAsRun[0]++; }
    if (ex.label === 'emergency') {
      s.emergency[1]++;
      if (got === 'emergency') s.emergency[0]++; else s.misses.push(`${set}/${lng} emergency->${got}: ${ex.text}`);
    } else if (ex.label === 'urgent') {
      s.urgent[1]++;
      if (got === 'emergency' || got === 'urgent') s.urgent[0]++; else s.misses.push(`${set}/${lng} urgent->${got}: ${ex.text}`);
    } else if (ex.label === 'possible') {
      s.possible[1]++;
      if (got !== 'none') s.possible[0]++; else s.misses.push(`${set}/${lng} possible->none: ${ex.text}`);
    } else {
      s.falseAlarm[1]++;
      s.asked[1]++;
      if (got === 'possible') s.asked[0]++;
      else if (got !== 'none') { s.falseAlarm[0]++; s.misses.push(`${set}/${lng} none->${got}: ${ex.text}`); }
    }
  }
  return s;
}

export const rate = ([hit, of]: Tally): number => (of === 0 ? 1 : hit / of);
const pct = (r: Tally): string => `${(100 * rate(r)).toFixed(1)}% (${r[0]}/${r[1]})`;

export function formatScores(scores: readonly Score[]): string {
  const rows = scores.map((s) =>
    `${s.set.padEnd(8)} ${s.lng.padEnd(7)} n=${String(s.n).padEnd(4)} emergency sens ${pct(s.emergency).padEnd(17)} urgent sens ${pct(s.urgent).padEnd(17)} false alarms ${pct(s.falseAlarm).padEnd(14)}`
    + ` asked ${pct(s.asked).padEnd(14)}${s.possible[1] > 0 ? ` possible caught ${pct(s.possible)}` : ''}`
    + ` | as run (a direct question answered yes counts): emergency ${pct(s.emergencyAsRun)} urgent-or-higher ${pct(s.urgentAsRun)}`);
  return ['red-flag recognizer', ...rows, ...scores.flatMap((s) => s.misses.map((m) => `  miss ${m}`))].join('\n');
}

/** `npm run redflags:score -- [lng ...]`: the table for the given languages (all when none). */
function main(argv: readonly string[]): number {
  const wanted = new Set(argv);
  const scores: Score[] = [];
  let broken = 0;
  for (const { set, lng } of fixtureSets().filter((f) => wanted.size === 0 || wanted.has(f.lng))) {
    try {
      scores.push(score(set, lng, loadExamples(set, lng)));
    } catch (err) {
      console.error(`${set} ${lng}: ${(err as Error).message}`);
      broken++;
    }
  }
  console.log(formatScores(scores));
  const failed = scores.filter((s) => rate(s.emergency) < 1 || rate(s.urgent) < 0.95 || rate(s.falseAlarm) > 0.1 || rate(s.possible) < 1);
  return failed.length === 0 && broken === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
