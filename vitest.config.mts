import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first (test/setup/buildDist.ts): suites that start the compiled server need it.
    globalSetup: ['test/setup/buildDist.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
    // Files share their worker's module cache instead of each starting afresh: most suites build the
    // real app, and every fresh start re-loaded botbuilder and re-compiled all ten red-flag lexicons
    // (some 3 s of CPU a file). Tests share no mutable module state (each builds its own app on its
    // own port and DATA_DIR; lexicons are read-only once compiled). Measured on 50 of the files
    // (the app suites, the spawning, timing and storage ones, the slow four): all pass, and CPU time
    // falls by a third to a half. If a suite ever needs a clean process, give it a project of its own.
    isolate: false,
    // restify 11 (the newest) loads spdy → http-deceiver, which calls process.binding('http_parser')
    // at require time: Node's DEP0111, printed twice per process. Not ours to fix; silence exactly that one.
    execArgv: ['--disable-warning=DEP0111'],
  },
});
