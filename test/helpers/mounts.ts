import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small tmpfs mounted on a new folder, for tests that need a real full or read-only file
 * system. Needs root (CI runs as root); returns undefined where mounting is not allowed.
 */
export function mountTmpfs(options: string): { dir: string; unmount: () => void } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-mnt-'));
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount: () => {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A folder this process cannot write: read-only by mode for an ordinary user, a read-only tmpfs
 * for root (whom modes do not stop). Undefined only when neither is possible.
 */
export function readOnlyFolder(): { dir: string; release: () => void } | undefined {
  if (process.getuid?.() !== 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-ro-'));
    fs.chmodSync(dir, 0o555);
    return { dir, release: () => { fs.chmodSync(dir, 0o755); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const mounted = mountTmpfs('ro,size=64k');
  return mounted ? { dir: mounted.dir, release: mounted.unmount } : undefined;
}
