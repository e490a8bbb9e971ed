import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds the project's locales/ folder whether the code runs from TypeScript sources (tests)
 * or from dist/ (npm start): walk up from this file until a folder holding locales/en exists.
 */
export function findLocalesDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'locales');
    if (fs.existsSync(path.join(candidate, 'en'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('locales/ folder not found');
}

/** The languages with a folder under locales/ that holds a meta.json (by id, e.g. "zh-Hans"), English included. */
export function localeLanguages(localesDir: string = findLocalesDir()): string[] {
  return fs.readdirSync(localesDir).filter((d) => fs.existsSync(path.join(localesDir, d, 'meta.json')));
}
