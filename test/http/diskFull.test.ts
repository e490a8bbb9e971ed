import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { mountTmpfs } from '../helpers/mounts';
import { answerById, CALM, questionId } from '../helpers/questions';

/** Fills the file system under `dir` to the last byte with one file; returns a function that frees it. */
function fillDisk(dir: string): () => void {
  const file = path.join(dir, 'filler');
  const fd = fs.openSync(file, 'w');
  for (const size of [1 << 16, 4096, 1]) {
    const chunk = Buffer.alloc(size, 0x61);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOSPC') throw error;
    }
  }
  fs.closeSync(fd);
  return () => fs.rmSync(file);
}

const readyz = async (url: string): Promise<number> => (await fetch(`${url}/readyz`)).status;

// A real full disk: a small tmpfs for DATA_DIR. Mounting needs root, as CI runs; elsewhere it is skipped.
const disk = mountTmpfs('size=8m');

describe.skipIf(!disk)('issue 16 item 7: a full disk', () => {
  let running: RunningApp;
  let clock = Date.UTC(2026, 11, 7, 9);

  beforeAll(async () => {
    running = await startApp({ AUDIT_KEY: 'a-test-key-of-enough-length', DATA_DIR: path.join(disk!.dir, 'data') }, () => clock);
  });
  afterAll(async () => {
    await running?.stop();
    disk?.unmount();
  });

  it('H30: readyz says not ready, no question goes out that the state does not hold, emergency advice still goes out and its audit record waits and is written later', async () => {
    const p = new Patient(running.url, 'full-disk-1');
    const { at } = await answerById(p, await p.say('hi'), CALM, 'signChest');
    expect(at).toBe('signChest');
    expect(await readyz(running.url)).toBe(200);

    const free = fillDisk(disk!.dir);
    expect(await readyz(running.url)).toBe(503);
    // The answer to signChest cannot be saved: the next question must not be sent.
    const lost = await p.say('No');
    expect(questionId(lost)).toBeUndefined();
    expect(texts(lost)).toMatch(/Sorry, something went wrong on my side\. If you have chest pain, trouble breathing, cough up blood or feel faint, call 999 now/);

    // An emergency is answered in full although nothing can be written; its audit record waits.
    const emergency = await p.say('I cant breathe');
    expect(dispositions(emergency).map((d) => d.level)).toContain('emergency');
    expect([...running.app.audit.records()].some((r) => r.level === 'emergency')).toBe(false);
    expect(running.logLines.some((l) => /"level":60/.test(l) && /"event":"audit_write_failed"/.test(l))).toBe(true);

    free();
    clock += 31_000;
    expect(await readyz(running.url)).toBe(200);
    // The record that waited is written, and the conversation is where the saved state says: at signChest.
    expect([...running.app.audit.records()].filter((r) => r.level === 'emergency')).toHaveLength(1);
    expect(running.logLines.some((l) => /"event":"audit_backlog_written"/.test(l))).toBe(true);
  });

  it('H30: after space returns, the patient\'s repeated answer goes to the question they were shown', async () => {
    const p = new Patient(running.url, 'full-disk-2');
    const control = new Patient(running.url, 'full-disk-control');
    await answerById(control, await control.say('hi'), CALM, 'signChest');
    const next = questionId(await control.say('No'));
    expect(next).toBeDefined();

    await answerById(p, await p.say('hi'), CALM, 'signChest');
    const free = fillDisk(disk!.dir);
    expect(questionId(await p.say('No'))).toBeUndefined();
    free();
    clock += 31_000;
    expect(questionId(await p.say('No'))).toBe(next);
  });
});
