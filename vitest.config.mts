import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ first (test/setup/buildDist.ts): suites that start the compiled server need it.
    globalSetup: ['test/setup/buildDist.ts'],
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
    // restify 11 (the newest) loads spdy → http-deceiver, which calls process.binding('http_parser')
    // at require time: Node's DEP0111, printed twice per process. Not ours to fix; silence exactly that one.
    execArgv: ['--disable-warning=DEP0111'],
  },
});
