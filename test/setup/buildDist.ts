import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders tsconfig.json compiles into dist/ (its "include"). */
const SOURCES = ['src', 'dialogs', 'scripts', 'bench'];

/** Every compiled file that should be in dist/ and is not (a .ts under SOURCES without its .js). */
export function missingOutputs(root: string): string[] {
  const missing: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const file = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const out = path.join(root, 'dist', file.replace(/\.ts$/, '.js'));
        if (!fs.existsSync(out)) missing.push(path.relative(root, out));
      }
    }
  };
  for (const dir of SOURCES) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return missing;
}

/**
 * Several suites start the compiled server (`dist/src/index.js`, as `npm start` does) or the
 * compiled scripts. `npm test` builds first; this makes a bare `npx vitest run` build too, so those
 * suites never run against a missing or stale dist/. Incremental: quick when nothing changed.
 * `tsc -b` trusts dist/.tsbuildinfo, so a dist/ that lost files (dist/src removed by hand, a
 * half-copied tree) counts as up to date: then it builds again with --force.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const tsc = (...args: string[]): void => {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', ...args], { cwd: root, stdio: 'inherit' });
  };
  tsc();
  const missing = missingOutputs(root);
  if (missing.length === 0) return;
  console.warn(`dist/ is missing ${missing.length} compiled file(s) that tsc -b thinks are built (e.g. ${missing[0]}): building again with --force`);
  tsc('--force');
  const still = missingOutputs(root);
  if (still.length > 0) throw new Error(`dist/ is still missing ${still.join(', ')} after tsc -b --force`);
}
