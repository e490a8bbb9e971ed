/**
 * Micro-benchmark for recognize(): messages per second on one core over a realistic mix of
 * English and Spanish patient messages (about 60 characters: greetings, questions, negations,
 * red flags buried in chatter). Prints figures only; nothing here asserts a time.
 *
 *   npm run bench:recognizer
 */
import { loadLexicon } from '../src/language/lexicons';
import { recognize, type Lexicon } from '../src/triage/recognizer';
import { createLocalizer } from '../src/language/localizer';
import { buildLanguageDirectory } from '../src/language/directory';
import { affirmedFlag, createRedFlagScreen } from '../src/safety/screen';
import { fixtureSets, loadExamples } from '../scripts/redflagScore';

const EN = [
  'hi, leg is a bit better today, swelling going down slowly',
  'no chest pain but I cant breathe properly since this morning',
  'what should I do if I get breathless later on tonight?',
  'my calf is much more swollen than yesterday and feels hot',
  'thanks for the info, can I fly to Spain next week for work',
  'been coughign up blood this evening, is that normal?',
  'about the same as at the scan, still a little achy walking',
  'havent fainted or anything, just checking in with you today',
];
const ES = [
  'hola, la pierna va un poco mejor y la hinchazón ha bajado',
  'sin dolor en el pecho pero me falta el aire desde esta mañana',
  '¿qué hago si me duele el pecho por la noche? por si acaso',
  'la pantorrilla está más hinchada que ayer y más caliente',
  'muchas gracias, ¿puedo coger un avión la semana que viene?',
  'sigue igual que el día de la eco, un poco de molestia al andar',
];

/** Varies the words a little so the per-lexicon token memo sees new words too, as in real traffic. */
function corpus(): [string, 'en' | 'es'][] {
  const out: [string, 'en' | 'es'][] = [];
  const fillers = ['today', 'ok', 'Tuesday', 'again', 'honestly', 'x', 'hoy', 'vale', 'otra vez'];
  for (let i = 0; i < 2000; i++) {
    const en = i % 3 !== 2;
    const base = (en ? EN : ES)[i % (en ? EN.length : ES.length)] as string;
    out.push([`${base} ${fillers[i % fillers.length] as string}${i % 17 === 0 ? ` w${i}` : ''}`, en ? 'en' : 'es']);
  }
  return out;
}

function run(msgs: [string, 'en' | 'es'][], lex: Record<'en' | 'es', Lexicon>, ms: number): { perSec: number; n: number } {
  let n = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() - start < limit) {
    for (const [text, lng] of msgs) { sink += recognize(text, lex[lng]).findings.length; n++; }
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink < 0) console.log(sink); // keeps the work observable
  return { perSec: n / secs, n };
}

const t0 = process.hrtime.bigint();
const lex = { en: loadLexicon('en'), es: loadLexicon('es') };
console.log(`compile both lexicons: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);
const msgs = corpus();
const avg = msgs.reduce((a, [m]) => a + m.length, 0) / msgs.length;
run(msgs, lex, 500); // warm-up
const { perSec, n } = run(msgs, lex, 3000);
console.log(`recognize(): ${Math.round(perSec).toLocaleString('en')} messages/s (${n} messages, mean ${avg.toFixed(0)} chars, en+es mix)`);

// The screen as the bot runs it on every message: language detection, then the conversation's
// lexicon, English, and the message's own language when it is a third one. Messages are every
// language's dev set, each read as if the conversation were in its own language.
const t1 = process.hrtime.bigint();
const localizer = createLocalizer('en');
const directory = buildLanguageDirectory(localizer, 'en');
const all = new Map(localizer.languages.map((l) => [l, loadLexicon(l)]));
console.log(`compile all ${all.size} lexicons and the detector: ${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(1)} ms`);
const mixed = fixtureSets().filter((f) => f.set === 'dev' && all.has(f.lng)).flatMap((f) => loadExamples(f.set, f.lng).map((e) => [e.text, f.lng] as const));
const screenText = createRedFlagScreen((l) => all.get(l) as Lexicon, directory);
const screenOnce = (text: string, lng: string): number => affirmedFlag(screenText(text, lng))?.reasons.length ?? 0;
let screened = 0;
let sink2 = 0;
const s0 = process.hrtime.bigint();
while (process.hrtime.bigint() - s0 < 3_000_000_000n) for (const [text, lng] of mixed) { sink2 += screenOnce(text, lng); screened++; }
const secs2 = Number(process.hrtime.bigint() - s0) / 1e9;
if (sink2 < 0) console.log(sink2);
console.log(`bot screen (detect + own + English + written language): ${Math.round(screened / secs2).toLocaleString('en')} messages/s, ${(1e6 * secs2 / screened).toFixed(1)} µs each (${mixed.length} dev messages in ${all.size} languages, mean ${(mixed.reduce((a, [m]) => a + m.length, 0) / mixed.length).toFixed(0)} chars)`);
