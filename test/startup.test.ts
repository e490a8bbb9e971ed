import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOnlyFolder } from './helpers/mounts';

const entry = path.resolve(__dirname, '../dist/src/index.js');

/** Starts the built server (as npm start does) and returns how it ended, if it ended within 30 s. */
function start(env: Record<string, string>): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [entry], { env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 30000 });
  if (run.error) throw run.error;
  return { status: run.status, stderr: run.stderr };
}

describe('issue 16 item 14: a DATA_DIR that cannot be written', () => {
  it('a read-only DATA_DIR stops the start with exit 1 and one line naming the folder, no stack', (ctx) => {
    const folder = readOnlyFolder();
    if (!folder) {
      ctx.skip('no read-only folder can be made here (not root and modes not enforced)');
      return;
    }
    try {
      const { status, stderr } = start({ DATA_DIR: folder.dir });
      expect(status).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^afterscan: cannot start: cannot open the database in DATA_DIR /);
      expect(lines[0]).toContain(folder.dir);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      folder.release();
    }
  });

  it('a DATA_DIR that cannot be created (under a file) stops the start the same way', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-notdir-'));
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, 'x');
    const { status, stderr } = start({ DATA_DIR: path.join(file, 'data') });
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^afterscan: cannot start: .*a-file\/data.*ENOTDIR/)]);
    fs.rmSync(parent, { recursive: true, force: true });
  });
});
