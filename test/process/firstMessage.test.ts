import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports';
import { loadLexicon } from '../../src/language/lexicons';
import { localeLanguages } from '../../src/language/localesDir';
import { createRedFlagScreen } from '../../src/safety/screen';

/**
 * Lexicons are compiled on first use (src/language/lazyLexicons.ts), not before the server listens. The
 * very first message a fresh server gets, in any of the ten languages, must still be read for red
 * flags in that language: an emergency is answered with emergency advice at once (S1, H17).
 */
const ENTRY = path.resolve(__dirname, '../../dist/src/index.js');
const FIXTURES = path.resolve(__dirname, '../fixtures');
const LANGUAGES = localeLanguages().sort();

/** The first emergency of the language's dev set that the fully compiled screen reads as an emergency in that language. */
function emergencyIn(lng: string): string {
  const examples = JSON.parse(fs.readFileSync(path.join(FIXTURES, `redflags.dev.${lng}.json`), 'utf8')) as { text: string; label: string }[];
  for (const { text, label } of examples) {
    if (label !== 'emergency') continue;
    const v = createRedFlagScreen((l) => loadLexicon(l), { detect: () => null, named: () => null })(text, lng);
    if (v.kind === 'affirmed' && v.flag.level === 'emergency') return text;
  }
  throw new Error(`no emergency example in redflags.dev.${lng}.json`);
}

let running: { child: ChildProcess; dataDir: string } | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  if (running) fs.rmSync(running.dataDir, { recursive: true, force: true });
  running = undefined;
});

/** Starts the compiled server and resolves as soon as it logs that it listens. */
async function freshServer(): Promise<number> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-first-'));
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ENTRY], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'test', LOCAL_DIRECTLINE: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running = { child, dataDir };
  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      if (buffered.includes('"event":"listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  return port;
}

describe('the red-flag screen reads every language from the very first message after start', () => {
  it('covers all ten languages', () => {
    expect(LANGUAGES).toEqual(['ar', 'de', 'en', 'es', 'fr', 'pl', 'pt', 'ro', 'ur', 'zh-Hans']);
  });

  for (const lng of LANGUAGES) {
    it(`${lng}: an emergency as the first message to a fresh server gets emergency advice`, async () => {
      const text = emergencyIn(lng);
      const port = await freshServer();
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, channelId: 'test', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1/unused',
          conversation: { id: `first-${lng}` }, from: { id: `first-${lng}-u` }, recipient: { id: 'bot' }, locale: lng === 'zh-Hans' ? 'zh-CN' : lng }),
      });
      expect(res.status).toBe(200);
      const { activities } = await res.json() as { activities: { entities?: { type: string; level?: string }[] }[] };
      const levels = activities.flatMap((a) => (a.entities ?? []).filter((e) => e.type === 'disposition').map((e) => e.level));
      expect(levels, `"${text}"`).toContain('emergency');
    }, 90_000);
  }
});
