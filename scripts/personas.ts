/**
 * The persona suite: held-out patient conversations (test/fixtures/personas/*.json), each a short
 * story, the expected advice tier from the clinical reference, and what the person would type at
 * every question id. Each is played over the real HTTP server the way a channel does: the runner
 * reads the question entity of each reply and types the persona's words; when the bot says it did
 * not understand and asks the same question again, the persona taps the button it meant.
 * `npm run personas` prints appropriate triage per tier and language, every under-triage, and turns to advice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { findLocalesDir } from '../src/language/localesDir';
import { fixturesDir } from './redflagScore';

export type Tier = 'emergency' | 'urgent' | 'soon' | 'self-care' | 'not-eligible';
export interface Persona {
  id: string; lang: string; story: string; audience: 'patient' | 'carer'; expected: Tier; why?: string;
  opening: string; answers: Record<string, { typed: string; means: string }>;
}
export interface PersonaResult {
  id: string; lang: string; expected: Tier; got: Tier | 'none'; turnsToAdvice: number | null;
  reasked: number; lostAtConsent: boolean;
  /** Later advice in the conversation was less urgent than earlier advice (S8 broken). */
  lowered: boolean;
  transcript: string[];
}

const TIERS: readonly Tier[] = ['emergency', 'urgent', 'soon', 'self-care'];
const rankOf = (t: Tier | 'none'): number => (t === 'none' || t === 'not-eligible' ? 9 : TIERS.indexOf(t));

/** The button label key of each choice value, for a persona who taps after being misunderstood. */
const LABELS: Record<string, string> = {
  yes: 'common:choices.yes', no: 'common:choices.no', unsure: 'common:choices.unsure', worse: 'common:choices.worse', same: 'common:choices.same',
  better: 'common:choices.better', gone: 'common:choices.gone', more: 'common:choices.tellMore', carryOn: 'common:choices.carryOn',
  questions: 'common:choices.questions', checkAgain: 'common:choices.checkAgain', done: 'common:choices.done',
  clotFound: 'common:choices.eligibilityClot', noScan: 'common:choices.eligibilityNoScan', armScan: 'common:choices.eligibilityArm',
  under18: 'common:choices.eligibilityUnder18', other: 'common:choices.eligibilityOther',
  callNow: 'outcome:teachBack.callNow', wait: 'outcome:teachBack.wait', doctorLater: 'outcome:teachBack.doctorLater',
};
const CONSENT_LABELS: Record<string, string> = { yes: 'common:choices.consentYes', no: 'common:choices.consentNo', carer: 'common:choices.consentCarer', professional: 'common:choices.consentProfessional' };
const FOLLOW_LABELS: Record<string, string> = { yes: 'common:choices.followUpYes', no: 'common:choices.followUpNo' };

/** Which of the persona's answers speaks to a direct question about a possible red flag. */
const FLAG_QUESTION: Record<string, string> = {
  breathless: 'signBreathing', chest_pain: 'signChest', coughing_blood: 'signCoughBlood', fainting: 'signFaint', fast_heartbeat: 'signHeart',
  cold_blue_leg: 'signLeg', other_limb: 'otherLimb', hard_veins: 'hardVeins', fever_hot_leg: 'fever',
};

interface Entity { type: string; id?: string; flag?: string; level?: string }
interface Activity { text?: string; entities?: Entity[]; suggestedActions?: { actions: { title: string }[] } }

function label(lang: string, key: string, emergencyNumber: string): string {
  const [ns, dotted] = key.split(':') as [string, string];
  let node: unknown = JSON.parse(fs.readFileSync(path.join(findLocalesDir(), lang, `${ns}.json`), 'utf8'));
  for (const part of dotted.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node).replace('{{emergencyNumber}}', emergencyNumber);
}

/** What the persona taps when asked again: the label of the choice it meant. */
function tap(p: Persona, id: string, means: string): string {
  const table = id === 'consent' ? CONSENT_LABELS : id === 'followUpOffer' ? FOLLOW_LABELS : LABELS;
  const key = table[means] ?? LABELS[means];
  return key ? label(p.lang, key, '999') : means;
}

/** The persona's answer to the question asked: its own words first, the button it meant when asked again. */
function answerFor(p: Persona, q: Entity, again: boolean): { text: string; means: string } {
  let id = q.id ?? '';
  if (id === 'redFlagCheck') {
    const mapped = FLAG_QUESTION[q.flag ?? ''];
    if (mapped && p.answers[mapped]) id = mapped;
    else if (q.flag === 'leg_worse') return { text: tap(p, 'x', p.answers.legTrend?.means === 'worse' ? 'yes' : 'no'), means: '' };
    else {
      // Bleeding, repeat contact: only the story knows; a persona expected at that level says yes.
      const yes = (q.level === 'emergency' && p.expected === 'emergency') || (q.level === 'urgent' && (p.expected === 'urgent' || p.expected === 'emergency'));
      return { text: tap(p, 'x', yes ? 'yes' : 'no'), means: yes ? 'yes' : 'no' };
    }
    const a = p.answers[id]!;
    return { text: again ? tap(p, id, a.means) : a.typed, means: a.means };
  }
  if (id === 'afterFlag') return { text: tap(p, id, 'carryOn'), means: 'carryOn' };
  if (id === 'whatNext' || id === 'questionsMenu') return { text: tap(p, id, 'done'), means: 'done' };
  const a = p.answers[id];
  if (!a) return { text: tap(p, id, 'unsure'), means: 'unsure' };
  return { text: again ? tap(p, id, a.means) : a.typed, means: a.means };
}

/** Plays one persona over HTTP; returns the most urgent advice it was given (S8: that is the advice that stands). */
export async function playPersona(url: string, p: Persona, max = 40): Promise<PersonaResult> {
  const conversation = `persona-${p.id}-${Math.random().toString(36).slice(2, 8)}`;
  let seq = 0;
  const transcript: string[] = [];
  const post = async (text: string): Promise<Activity[]> => {
    seq += 1;
    transcript.push(`> ${text}`);
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, id: `${conversation}-${seq}`, channelId: 'test', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1/unused',
        conversation: { id: conversation }, from: { id: `${conversation}-user` }, recipient: { id: 'afterscan' }, locale: p.lang }),
    });
    // A harness that is refused (rate limit, validation) measures nothing: fail loudly.
    if (res.status !== 200) throw new Error(`persona ${p.id}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { activities?: Activity[] };
    const acts = body.activities ?? [];
    for (const a of acts) transcript.push(`< ${(a.text ?? '').slice(0, 160).replace(/\n/g, ' / ')}${(a.entities ?? []).map((e) => ` [${e.type}${e.id ? ':' + e.id : ''}${e.level ? ':' + e.level : ''}${e.flag ? ':' + e.flag : ''}]`).join('')}`);
    return acts;
  };
  let got: Tier | 'none' = 'none';
  let turnsToAdvice: number | null = null;
  let reasked = 0;
  let lostAtConsent = false;
  let last: string | null = null;
  let saidOk = false;
  let lowered = false;
  let toldNotEligible = false;
  let replies = await post(p.opening || 'hi');
  for (let turn = 1; turn <= max; turn++) {
    for (const a of replies) {
      for (const e of a.entities ?? []) {
        if (e.type === 'disposition' && e.level && rankOf(e.level as Tier) > rankOf(got) && got !== 'none' && got !== 'not-eligible') lowered = true;
        if (e.type === 'disposition' && e.level && rankOf(e.level as Tier) < rankOf(got)) { got = e.level as Tier; turnsToAdvice ??= turn; }
        if (e.type === 'notEligible') toldNotEligible = true;
      }
      if (/Nothing has been kept|no se ha guardado/i.test(a.text ?? '') && p.answers.consent?.means !== 'no') lostAtConsent = true;
    }
    const q = [...replies].reverse().flatMap((a) => a.entities ?? []).find((e) => e.type === 'question');
    if (!q) {
      // After advice with no question (an emergency), people often type "ok": the advice must hold (S8).
      if (saidOk) break;
      saidOk = true;
      replies = await post('ok');
      continue;
    }
    const again = last === `${q.id}/${q.flag ?? ''}`;
    if (again) reasked += 1;
    if (q.id === 'whatNext') break;
    last = `${q.id}/${q.flag ?? ''}`;
    replies = await post(answerFor(p, q, again).text);
  }
  // Told the chat is not for them: that is the answer, unless emergency advice was needed and given.
  if (toldNotEligible && got !== 'emergency') got = 'not-eligible';
  return { id: p.id, lang: p.lang, expected: p.expected, got, turnsToAdvice, reasked, lostAtConsent, lowered, transcript };
}

export function loadPersonas(dir = path.join(fixturesDir(), 'personas')): Persona[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Persona[]);
}

/** True when the advice given is the tier the persona needed (not-eligible: told so, or an emergency that overrides). */
export const appropriate = (r: PersonaResult): boolean => r.got === r.expected && !r.lowered;
export const underTriaged = (r: PersonaResult): boolean => r.lowered || (r.expected !== 'not-eligible' && rankOf(r.got) > rankOf(r.expected));

export function summarise(results: readonly PersonaResult[]): string {
  const lines: string[] = [];
  const pct = (a: number, b: number): string => `${b === 0 ? '-' : ((100 * a) / b).toFixed(1)}% (${a}/${b})`;
  lines.push(`personas: ${results.length}; appropriate ${pct(results.filter(appropriate).length, results.length)}; under-triaged ${results.filter(underTriaged).length}; lost at consent ${results.filter((r) => r.lostAtConsent).length}`);
  for (const t of [...TIERS, 'not-eligible'] as const) {
    const of = results.filter((r) => r.expected === t);
    lines.push(`  expected ${t.padEnd(12)} ${pct(of.filter(appropriate).length, of.length)}`);
  }
  for (const lng of [...new Set(results.map((r) => r.lang))]) {
    const of = results.filter((r) => r.lang === lng);
    lines.push(`  ${lng.padEnd(8)} ${pct(of.filter(appropriate).length, of.length)}`);
  }
  const turns = results.map((r) => r.turnsToAdvice).filter((n): n is number => n !== null).sort((a, b) => a - b);
  lines.push(`  turns to first advice: median ${turns[Math.floor(turns.length / 2)] ?? '-'}, max ${turns.at(-1) ?? '-'}; re-asked questions: ${results.reduce((s, r) => s + r.reasked, 0)}`);
  for (const r of results.filter((x) => !appropriate(x))) lines.push(`  ${underTriaged(r) ? 'UNDER' : 'other'} ${r.id}: expected ${r.expected}, got ${r.got}`);
  return lines.join('\n');
}

/** The real app on a loopback port and a throwaway DATA_DIR, for the persona suite. */
export async function withApp<T>(fn: (url: string) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-personas-'));
  // One client plays every persona: the per-client rate limit (600 a minute) is off for the suite.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', CHECKIN_DAYS: 'off', RATE_LIMIT_PER_CLIENT: '0', ...env });
  const app = buildApp(config, createLogger(config.logLevel, new Writable({ write(_c, _e, done) { done(); } })));
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  try {
    return await fn(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = argv.find((a) => !a.startsWith('--')) ?? path.join(fixturesDir(), 'personas');
  const personas = loadPersonas(dir);
  const results = await withApp(async (url) => {
    const out: PersonaResult[] = [];
    for (const p of personas) out.push(await playPersona(url, p));
    return out;
  });
  console.log(summarise(results));
  if (argv.includes('--transcripts')) for (const r of results.filter((x) => !appropriate(x))) console.log(`\n${r.id} (${r.expected} -> ${r.got})\n${r.transcript.join('\n')}`);
}

if (require.main === module) void main(process.argv.slice(2));
