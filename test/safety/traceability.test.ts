import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? testFiles(full) : e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Hazard ids named in test titles: the first string argument of it / test / describe (and .each). */
function idsInTestNames(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const title = /\b(?:it|test|describe)(?:\.each\([\s\S]*?\))?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g;
  for (const file of testFiles(path.join(ROOT, 'test'))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(title)) {
      for (const id of m[2]!.match(/\bH\d{2}\b/g) ?? []) {
        found.set(id, [...(found.get(id) ?? []), `${path.relative(ROOT, file)}: ${m[2]}`]);
      }
    }
  }
  return found;
}

describe('hazard log traceability', () => {
  const log = fs.readFileSync(path.join(ROOT, 'docs/clinical-safety/hazard-log.md'), 'utf8');
  const hazards = [...log.matchAll(/^\| (H\d{2}) \|/gm)].map((m) => m[1]!);
  const tested = idsInTestNames();

  it('the hazard log lists hazards with unique ids', () => {
    expect(hazards.length).toBeGreaterThanOrEqual(10);
    expect(new Set(hazards).size).toBe(hazards.length);
  });

  it('every hazard in the log is verified by at least one named test', () => {
    const untested = hazards.filter((id) => !tested.has(id));
    expect(untested).toEqual([]);
    const counts = hazards.map((id) => `${id}: ${tested.get(id)?.length ?? 0}`).join(', ');
    console.log(`tests per hazard: ${counts}`);
  });

  it('every hazard id a test names exists in the log', () => {
    expect([...tested.keys()].filter((id) => !hazards.includes(id))).toEqual([]);
  });
});
