import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalizer, MESSAGE_NAMESPACES } from '../../src/language/localizer';
import { findLocalesDir } from '../../src/language/localesDir';
import { deploymentT } from '../../src/bot/turn';

/**
 * Issue 19: {{careTeam}} is whatever the deployment wrote: a bare phone number, or a long phrase
 * that itself ends in a number ("the vascular clinic at St Mary's Hospital, 020 7946 0000"). So
 * every message puts it in one slot per language, the slot the README tells deployments to write
 * for, and ends the clause right after it: a deadline, an "if …" or an "and ask …" after the value
 * would attach to the value ("… 0000 within 2 working days") or run into its number. No colon or
 * bare preposition stands in for the verb ("skontaktuj się z: …").
 *
 * `before`: what the text right before the placeholder must end with (the language's contact verb
 * or preposition, in the case the language's default and README values are written in).
 * `after`: what may follow it. In English, German, Polish, Arabic and Chinese (rewritten under
 * issue 19) the clause ends right after the value. In French, Portuguese, Romanian and Spanish,
 * whose nouns keep their form after these verbs, "… and ask …" may follow, but never a deadline;
 * Urdu puts its postposition and verb after the value and the deadline before it.
 */
const CLAUSE_END = /^([.,!?]|$)/;
const SLOTS: Readonly<Record<string, { before: RegExp; after: RegExp }>> = {
  en: { before: /(^|\s)contact $/i, after: /^([.!?]|$)/ },
  de: { before: /(^|\s)an $/, after: CLAUSE_END },
  pl: { before: /(^|\s)z $/, after: CLAUSE_END },
  ar: { before: /(^|\s)مع $/, after: /^([.،؟!]|$)/ },
  'zh-Hans': { before: /联系$/, after: /^([。，！？]|$)/ },
  fr: { before: /(^|\s)(contactez( aujourd'hui)?|vérifiez avec) $/i, after: /^(?!\s*(dans|d'ici|sous|aujourd'hui)(\s|$))/ },
  pt: { before: /(^|\s)(fale( hoje)? com|procure|contacte|contate|confirme com) $/i, after: /^(?!\s*(dentro|em até|no prazo|hoje)(\s|$))/ },
  ro: { before: /(^|\s)(cu|întrebați( azi)?) $/i, after: /^(?!\s*(în|azi|astăzi)(\s|$))/ },
  es: { before: /(^|\s)con $/, after: /^(?!\s*(en un plazo|dentro|hoy)(\s|$))/ },
  ur: { before: /(^|[\s،۔])$/, after: /^ سے / },
};

const LOCALES = findLocalesDir();
const localizer = createLocalizer('en', LOCALES);
const PHONE = '020 7946 0000';
const VALUES = { short: PHONE, long: `the vascular clinic at St Mary's Hospital, ${PHONE}` };
const MARKS = /[\u2066-\u2069\u200e\u200f]/g;

type Json = { [key: string]: Json } | string | string[];
function leaves(value: Json, prefix: string): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${prefix}${prefix.endsWith(':') ? '' : '.'}${k}`));
}

/** Every message of a language that names the care team, with its text as the file has it. */
function careTeamMessages(lng: string): [string, string][] {
  return MESSAGE_NAMESPACES.flatMap((ns) => leaves(JSON.parse(fs.readFileSync(path.join(LOCALES, lng, `${ns}.json`), 'utf8')) as Json, `${ns}:`))
    .filter(([, text]) => text.includes('{{careTeam}}'));
}

describe('issue 19: {{careTeam}} sits where any value reads, in every language', () => {
  it('every language has a slot, and the slot catches the shapes the review found', () => {
    expect(Object.keys(SLOTS).sort()).toEqual(fs.readdirSync(LOCALES).filter((d) => fs.existsSync(path.join(LOCALES, d, 'meta.json'))).sort());
    const misplaced = (lng: string, text: string): boolean => {
      const [before = '', after = ''] = text.split('{{careTeam}}');
      return !SLOTS[lng]!.before.test(before) || !SLOTS[lng]!.after.test(after);
    };
    // The shapes the medical-translator review reported, before they were rewritten.
    expect(misplaced('en', 'If you have not heard about it, contact {{careTeam}} within 2 working days.')).toBe(true);
    expect(misplaced('de', 'melden Sie sich innerhalb von 2 Werktagen bei {{careTeam}}.')).toBe(true);
    expect(misplaced('pl', 'skontaktuj się z: {{careTeam}} w ciągu 2 dni roboczych.')).toBe(true);
    expect(misplaced('ar', 'تواصل مع {{careTeam}} خلال يومي عمل.')).toBe(true);
    expect(misplaced('zh-Hans', '请问问{{careTeam}}要注意什么。')).toBe(true);
    expect(misplaced('en', 'Within 2 working days, contact {{careTeam}}.')).toBe(false);
  });

  for (const lng of Object.keys(SLOTS)) {
    it(`${lng}: each message names the care team in the one slot, ends the clause after it, and shows a short and a long value whole`, () => {
      expect(localizer.languages, `${lng} is complete`).toContain(lng);
      const messages = careTeamMessages(lng);
      expect(messages.length).toBeGreaterThanOrEqual(10);
      const wrong: string[] = [];
      for (const [key, text] of messages) {
        const parts = text.split('{{careTeam}}');
        for (let i = 0; i < parts.length - 1; i++) {
          if (/[:：]\s*$/.test(parts[i]!) || !SLOTS[lng]!.before.test(parts[i]!)) wrong.push(`${key}: before "…${parts[i]!.slice(-20)}"`);
          if (!SLOTS[lng]!.after.test(parts[i + 1]!)) wrong.push(`${key}: after "${parts[i + 1]!.slice(0, 20)}…"`);
        }
      }
      expect(wrong, `${lng}: {{careTeam}} out of its slot`).toEqual([]);
      for (const value of Object.values(VALUES)) {
        for (const audience of [undefined, 'carer'] as const) {
          const t = deploymentT(localizer.fixedT(lng), { emergencyNumber: '112', urgentNumber: null, careTeamContact: value, repeatScanDays: undefined }, () => audience);
          for (const [key] of messages) {
            const shown = t(key.replace(/_carer$/, '')).replace(MARKS, '');
            expect(shown, `${lng} ${key}`).toContain(value);
            expect(shown, `${lng} ${key}`).not.toContain('{{');
          }
        }
      }
    });
  }
});
