/**
 * Reviewers' window into the red-flag recognizer: type a message, see exactly which words were
 * read as which red flag, whether they were negated, the trends, and the overall level.
 *
 *   npm run redflags -- "no chest pain but I can't breathe" [--lang es]
 *
 * It prints what it read, not advice; the advice comes from the triage rules and locale files.
 */
import { loadLexicon } from '../src/language/lexicons';
import { createLocalizer } from '../src/language/localizer';
import { buildLanguageDirectory } from '../src/language/directory';
import { createRedFlagScreen } from '../src/safety/screen';
import { recognize } from '../src/triage/recognizer';

function parseArgs(argv: readonly string[]): { lang: string; text: string } {
  let lang = 'en';
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--lang' || arg === '-l') lang = argv[++i] ?? lang;
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
    else words.push(arg);
  }
  return { lang, text: words.join(' ') };
}

function main(): number {
  const { lang, text } = parseArgs(process.argv.slice(2));
  if (text.trim() === '') {
    console.error('usage: npm run redflags -- "message text" [--lang es]');
    return 2;
  }
  const result = recognize(text, loadLexicon(lang));
  console.log(`text:  ${JSON.stringify(text)}  (lang ${lang})`);
  if (result.findings.length === 0) console.log('findings: none');
  for (const f of result.findings) {
    console.log(`  ${f.polarity === 'affirmed' ? '!' : f.polarity === 'possible' ? '?' : ' '} ${f.code.padEnd(18)} ${f.level.padEnd(9)} ${f.polarity.padEnd(8)} "${text.slice(f.start, f.end)}" [${f.start}-${f.end}]`);
  }
  if (result.trends.length === 0) console.log('trends: none');
  for (const t of result.trends) console.log(`    trend ${t.feature}: ${t.direction} (${t.polarity})`);
  console.log(`level: ${result.level ?? 'none (no affirmed red flag)'}`);
  // What the bot does with it: this language's lexicon, English, and the language the text is written in.
  const languages = buildLanguageDirectory(createLocalizer('en'), 'en');
  const written = languages.detect(text);
  const v = createRedFlagScreen((l) => loadLexicon(l), languages)(text, lang);
  const said = v.kind === 'affirmed' ? `affirmed ${v.flag.level} ${v.flag.reasons.join(' ')}` : v.kind === 'possible' ? `possible (ask about) ${v.flags.map((f) => `${f.code} ${f.level}`).join(', ')}` : 'nothing';
  console.log(`bot screen (${[...new Set([lang, 'en', ...(written ? [written] : [])])].join(' + ')}): ${said}`);
  return 0;
}

process.exitCode = main();
