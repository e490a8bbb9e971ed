import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLocalesDir } from '../../src/language/localesDir';

/**
 * The urgent tier ("Get seen today") means a clinician must examine the patient today. "Seek
 * medical care today" ("Busque atención médica hoy", "Procure atendimento médico hoje") is met by a
 * phone call or online advice, so it weakens the tier. Every message that gives the urgent advice
 * says that a doctor sees the patient today, in the title and wherever the advice is repeated.
 */
const LOCALES = findLocalesDir();
const URGENT_KEYS = [
  'outcome:urgent.title', 'outcome:urgent.where_line', 'outcome:urgent.where_noLine',
  'outcome:summary.advice_urgent', 'outcome:summary.seenToday', 'outcome:safetyNetUrgent', 'outcome:goodbye',
  'faq:safetyNet', 'faq:answers.exercise', 'faq:answers.recovery',
];
const CARER_KEYS: Record<string, string> = {
  'outcome:urgent.where_line': 'outcome:urgent.where_carer_line',
  'outcome:urgent.where_noLine': 'outcome:urgent.where_carer_noLine',
};
const SEEN_TODAY: Readonly<Record<string, { says: RegExp; weak: RegExp }>> = {
  es: { says: /^(?=.*(debe verle un médico|un médico debe ver))(?=.*hoy mismo)/is, weak: /(busque|buscar) atención( médica)? hoy/i },
  pt: { says: /(vá|ir|leve a pessoa( de quem cuida)?) a um médico hoje mesmo/i, weak: /procur\w* (atendimento|ajuda)( médic[oa])?( para ela)? hoje/i },
};

function lookup(lng: string, key: string): string {
  const [ns, dotted] = key.split(':') as [string, string];
  let node: unknown = JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${ns}.json`), 'utf8'));
  for (const part of dotted.split('.')) node = (node as Record<string, unknown>)[part];
  expect(typeof node, `${lng} ${key}`).toBe('string');
  return node as string;
}

describe('urgent tier: a doctor sees the patient today, not "seek care today"', () => {
  it('the check catches the weak wording', () => {
    expect(SEEN_TODAY.pt!.weak.test('Procure atendimento médico hoje')).toBe(true);
    expect(SEEN_TODAY.pt!.says.test('Procure atendimento médico hoje')).toBe(false);
    expect(SEEN_TODAY.es!.weak.test('Busque atención médica hoy')).toBe(true);
  });

  for (const [lng, { says, weak }] of Object.entries(SEEN_TODAY)) {
    it(`${lng}: every urgent message, patient and carer, says a doctor sees them today`, () => {
      const keys = URGENT_KEYS.flatMap((k) => [k, CARER_KEYS[k] ?? `${k}_carer`]);
      for (const key of keys) {
        const text = lookup(lng, key);
        expect(text, `${lng} ${key}`).toMatch(says);
        expect(text, `${lng} ${key}`).not.toMatch(weak);
      }
    });
  }
});
