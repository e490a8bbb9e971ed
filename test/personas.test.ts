import { describe, expect, it } from 'vitest';
import { appropriate, loadPersonas, playPersona, summarise, underTriaged, withApp, type PersonaResult } from '../scripts/personas';

/**
 * The persona suite as a regression test: every held-out persona conversation of test/fixtures/personas/
 * played over the real HTTP server (scripts/personas.ts). First scores, taken before any tuning, are in
 * docs/clinical-safety/persona-evaluation.md; this test keeps what has been reached since.
 */
describe('persona suite (held-out conversations, now regression cases)', () => {
  it('S8 S9 H18 H19 H20 H23: no emergency persona is under-triaged, no advice is lowered, nobody is lost at consent', async () => {
    const personas = loadPersonas();
    expect(personas.length).toBeGreaterThanOrEqual(150);
    const results = await withApp(async (url) => {
      const out: PersonaResult[] = [];
      for (const p of personas) out.push(await playPersona(url, p));
      return out;
    });
    console.log(summarise(results));
    const emergencies = results.filter((r) => r.expected === 'emergency');
    expect(emergencies.length).toBeGreaterThan(0);
    expect(emergencies.filter(underTriaged).map((r) => r.id)).toEqual([]);
    expect(results.filter((r) => r.lowered).map((r) => r.id)).toEqual([]);
    expect(results.filter((r) => r.lostAtConsent).map((r) => r.id)).toEqual([]);
    expect(results.filter(appropriate).length / results.length).toBeGreaterThanOrEqual(PERSONA_FLOOR);
  }, 180_000);
});

/** The appropriate-triage rate reached on the regression personas; raise it as it improves, never lower it. */
const PERSONA_FLOOR = 0.9;
