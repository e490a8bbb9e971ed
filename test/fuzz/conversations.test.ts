import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createLocalizer } from '../../src/language/localizer';
import { loadExamples } from '../../scripts/redflagScore';
import { dispositions, Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { TYPICAL_LOCALE } from '../helpers/locales';

/**
 * Whole conversations of random patient messages, on every channel, in every offered language.
 * Whatever the order, every turn answers (no 5xx), none ends in the error boundary's fallback,
 * and every message with an affirmed emergency phrase gets the emergency disposition in that
 * same turn (S1: never gated by where the dialog is, by STOP, by "forget me").
 */
let running: RunningApp;
beforeAll(async () => { running = await startApp({ RATE_LIMIT_PER_CONVERSATION: '0', RATE_LIMIT_PER_CLIENT: '0', LOG_LEVEL: 'warn' }); });
afterAll(async () => { await running.stop(); });

type Lang = string;
interface Pool { answers: string[]; commands: string[]; urgent: string[]; negated: string[]; emergency: string[]; but: string }

const LOCALES = path.resolve(__dirname, '../../locales');
const read = (lng: string, file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${file}.json`), 'utf8')) as Record<string, unknown>;
const localizer = createLocalizer('en');
const LANGS = localizer.languages;

/**
 * Every other language's pool comes from its own files: its button labels and the first word of
 * each command, and messages from its dev set that the screen reads as emergency or urgent
 * (the dev-set test holds those at 100%).
 */
function poolFromFiles(lng: string): Pool {
  const choices = Object.values((read(lng, 'common').choices ?? {}) as Record<string, string>);
  const commands = Object.values((read(lng, 'commands').commands ?? {}) as Record<string, string[]>).map((list) => list[0] as string);
  const dev = loadExamples('dev', lng);
  const negation = (read(lng, 'redflags').negation ?? {}) as { terminators?: string[] };
  return {
    answers: [...choices, '1', '2', '3'],
    commands,
    urgent: dev.filter((e) => e.label === 'urgent').slice(0, 4).map((e) => e.text),
    negated: [],
    emergency: dev.filter((e) => e.label === 'emergency').slice(0, 6).map((e) => e.text),
    but: negation.terminators?.[0] ?? 'but',
  };
}

const HANDWRITTEN: Record<'en' | 'es', Pool> = {
  en: {
    answers: ['hi', 'yes', 'no', 'not sure', 'carry on', 'tell me more', 'its gone', 'about the same', 'worse', 'better', '1', '2', '3', 'i am done', 'call 999', 'wait and see', 'yes, go on', 'no thanks',
      'I am writing for someone', 'The scan found a clot', 'I have not had a scan yet', "I don't understand", 'not anymore', 'I would call 999'],
    commands: ['help', 'menu', 'restart', 'stop', 'start', 'talk to someone', 'why?', 'about', 'forget me'],
    urgent: ['my calf is much more swollen than yesterday', 'the other leg is swollen now'],
    negated: ['no chest pain', 'I am not coughing up blood', 'no breathing problems'],
    emergency: ["I can't breathe", 'coughing up blood', 'i cant breathe properly'],
    but: 'but',
  },
  es: {
    answers: ['hola', 'sí', 'si', 'no', 'no estoy seguro', 'continuar', 'ya no tengo nada', 'sigue igual', 'está peor', 'mejor', '1', '2', '3'],
    commands: ['ayuda', 'menú', 'reiniciar', 'parar', 'empezar', 'hablar con alguien', '¿por qué?', 'acerca de', 'olvídeme'],
    urgent: ['la pantorrilla está mucho más hinchada que ayer'],
    negated: ['no me duele el pecho', 'no estoy tosiendo sangre'],
    emergency: ['me falta el aire', 'estoy tosiendo sangre', 'no puedo respirar'],
    but: 'pero',
  },
};
const POOLS: Record<Lang, Pool> = Object.fromEntries(LANGS.map((lng) => [lng, lng === 'en' || lng === 'es' ? HANDWRITTEN[lng] : poolFromFiles(lng)]));
const EMOJI = ['👍', '😢🦵', '🆘', '❤️‍🩹', '🤷‍♀️'];
/** The start of the error boundary's message in every language. */
const FALLBACKS = LANGS.map((lng) => localizer.fixedT(lng)('common:fallback', { emergencyNumber: '999' }).slice(0, 24));

interface Step { text: string; emergency: boolean }

function stepFor(lang: Lang): fc.Arbitrary<Step> {
  const p = POOLS[lang] as Pool;
  const plain = (texts: string[]) => fc.constantFrom(...texts).map((text) => ({ text, emergency: false }));
  const randomText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map((text) => ({ text, emergency: false }));
  const emergency = fc.constantFrom(...p.emergency);
  return fc.oneof(
    { weight: 6, arbitrary: plain(p.answers) },
    { weight: 3, arbitrary: plain(p.commands) },
    { weight: 2, arbitrary: randomText },
    { weight: 1, arbitrary: plain(EMOJI) },
    { weight: 1, arbitrary: plain(p.urgent) },
    ...(p.negated.length > 0 ? [{ weight: 2, arbitrary: plain(p.negated) }] : []),
    { weight: 2, arbitrary: emergency.map((text) => ({ text, emergency: true })) },
    ...(p.negated.length > 0 ? [{ weight: 1, arbitrary: fc.tuple(fc.constantFrom(...p.negated), emergency).map(([n, e]) => ({ text: `${n} ${p.but} ${e}`, emergency: true })) }] : []),
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...p.answers, ...p.commands, ...EMOJI), emergency).map(([a, e]) => ({ text: `${a}. ${e}`, emergency: true })) },
  );
}

const conversation = fc.record({
  channel: fc.constantFrom('test', 'webchat', 'msteams', 'sms'),
  lang: fc.constantFrom<Lang>(...LANGS),
}).chain(({ channel, lang }) => fc.record({ channel: fc.constant(channel), lang: fc.constant(lang), steps: fc.array(stepFor(lang), { minLength: 1, maxLength: 10 }) }));

const counts = { conversations: 0, turns: 0, emergencies: 0, byPair: new Map<string, number>() };
let n = 0;

describe('H01: random whole conversations on every channel, in every offered language', () => {
  it('H01 H13: no 5xx, no error fallback, and an affirmed emergency phrase always gets the emergency disposition in that turn', async () => {
    await fc.assert(fc.asyncProperty(conversation, async ({ channel, lang, steps }) => {
      n += 1;
      const user = channel === 'sms' ? `+44770090${String(n).padStart(4, '0')}` : undefined;
      const patient = new Patient(running.url, `fuzz-${channel}-${lang}-${n}`, channel, TYPICAL_LOCALE[lang] ?? lang, user);
      counts.conversations += 1;
      counts.byPair.set(`${channel}/${lang}`, (counts.byPair.get(`${channel}/${lang}`) ?? 0) + 1);
      for (const step of steps) {
        const replies = await patient.say(step.text); // throws on any status but 200
        counts.turns += 1;
        const said = texts(replies);
        for (const fallback of FALLBACKS) expect(said, `fallback after "${step.text}"`).not.toContain(fallback);
        if (step.emergency) {
          counts.emergencies += 1;
          expect(dispositions(replies).map((d) => d.level), `"${step.text}" on ${channel}/${lang}`).toContain('emergency');
        }
      }
    }), { numRuns: 240 });
    expect(running.logLines.filter((l) => l.includes('"event":"turn_error"'))).toEqual([]);
    const pairs = [...counts.byPair.entries()].sort().map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`conversation fuzz: ${counts.conversations} conversations, ${counts.turns} turns, ${counts.emergencies} with an emergency phrase (${pairs})`);
  }, 120_000); // some 1,300 turns over HTTP
});
