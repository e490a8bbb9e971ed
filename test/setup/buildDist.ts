import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Several suites start the compiled server (`dist/src/index.js`, as `npm start` does) or the
 * compiled scripts. `npm test` builds first; this makes a bare `npx vitest run` build too, so those
 * suites never run against a missing or stale dist/. Incremental: quick when nothing changed.
 */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { cwd: root, stdio: 'inherit' });
}
