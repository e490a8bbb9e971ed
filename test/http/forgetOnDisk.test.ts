import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Patient, startApp, texts } from '../helpers/app';
import { answerById, CALM } from '../helpers/questions';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The files under DATA_DIR whose bytes contain the text anywhere (what `grep -r` or `strings` would find). */
function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return filesUnder(dir).filter((f) => fs.readFileSync(f).includes(needle)).map((f) => path.relative(dir, f));
}

describe('issue 16 item 1: forget me leaves nothing on disk', () => {
  it('H08 H31: after a whole conversation, a booked check-in and a confirmed "forget me", no file under DATA_DIR holds the user or conversation id, running or stopped', async () => {
    const running = await startApp({ CHECKIN_DAYS: '2,7', AUDIT_KEY: 'a-test-key-of-enough-length' });
    const gone = new Patient(running.url, 'conv-forget-5e1d9', 'test', 'en-GB', 'user-forget-b27c4');
    const kept = new Patient(running.url, 'conv-keep-88a01', 'test', 'en-GB', 'user-keep-3f6e2');
    for (const p of [gone, kept]) {
      const { at } = await answerById(p, await p.say('hi'), { ...CALM, legTrend: 'gone', teachBack: 'call 999' }, 'followUpOffer');
      expect(at).toBe('followUpOffer');
      await p.say('yes');
    }
    // Many later writes of the same rows, as a long conversation makes: each leaves older page copies behind.
    for (let i = 0; i < 5; i += 1) await gone.say('what does my scan mean');
    expect(filesHolding(running.dataDir, 'user-forget-b27c4').length).toBeGreaterThan(0);

    await gone.say('forget me');
    expect(texts(await gone.say('yes'))).toMatch(/I have deleted what I kept about you/);

    for (const id of ['user-forget-b27c4', 'conv-forget-5e1d9']) expect(filesHolding(running.dataDir, id)).toEqual([]);
    // The other patient's data is still there: the search finds what is on disk.
    expect(filesHolding(running.dataDir, 'user-keep-3f6e2').length).toBeGreaterThan(0);
    // The audit key is not in DATA_DIR when one is configured.
    expect(fs.existsSync(path.join(running.dataDir, 'audit.key'))).toBe(false);

    await running.stop(true);
    for (const id of ['user-forget-b27c4', 'conv-forget-5e1d9']) expect(filesHolding(running.dataDir, id)).toEqual([]);
    expect(filesHolding(running.dataDir, 'user-keep-3f6e2')).toEqual(['afterscan.db']);
    fs.rmSync(running.dataDir, { recursive: true, force: true });
  });
});
