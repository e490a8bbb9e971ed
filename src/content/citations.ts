import { RULES, SOURCES, type Disposition, type Source } from '../triage';
import { CONTENT } from './registry';

const ADVICE_KEYS: Record<Disposition['level'], readonly string[]> = {
  emergency: ['outcome:emergency.body'],
  urgent: ['outcome:urgent.body', 'outcome:urgent.where_line', 'outcome:safetyNetEmergency'],
  soon: ['outcome:soon.what_scanPlanned', 'outcome:soon.what_either', 'outcome:soon.what_askAboutScan', 'outcome:soon.contact', 'outcome:safetyNetUrgent', 'outcome:safetyNetEmergency'],
  'self-care': ['outcome:selfCare.body', 'outcome:selfCare.tips', 'outcome:safetyNetUrgent', 'outcome:safetyNetEmergency'],
};

/**
 * The references behind a piece of advice, in a stable order: those of the rules that decided
 * it, then those of the messages that carried it. Red flags from free text cite the advice of
 * their level.
 */
export function citationsFor(disposition: Disposition): Source[] {
  const ids: string[] = [];
  for (const reason of disposition.reasons) ids.push(...(RULES.find((r) => r.id === reason)?.sources ?? []));
  for (const key of ADVICE_KEYS[disposition.level]) ids.push(...(CONTENT[key]?.sources ?? []));
  return [...new Set(ids)].map((id) => SOURCES[id]).filter((s): s is Source => s !== undefined);
}

/** One numbered line per reference, as a patient or clinician would read it. */
export function citationLines(sources: readonly Source[]): string[] {
  return sources.map((s, i) => `[${i + 1}] ${s.citation}${s.url ? ` ${s.url}` : ''}`);
}
