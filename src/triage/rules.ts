import type { Answers, LegTrend, Level, YesNo } from './types';

/**
 * The disposition rules as data. Each row names the answers that trigger it, the tier it
 * gives, and where that comes from (source ids resolve in `sources.ts`). Rows are checked
 * most urgent first and the first tier that matches wins (clinical-reference.md, precedence
 * rule 1). "Not sure" appears explicitly in the rows so a reviewer can see that it always
 * lands at least one tier above the reassuring answer (precedence rule 2).
 *
 * Bump RULES_VERSION whenever a row changes: it travels in every disposition entity.
 */
export const RULES_VERSION = '2026.11.1';

/** A condition on one answer: the answer must be one of the listed values. */
export type Condition =
  | { field: 'emergencySigns' | 'otherLimb' | 'hardVeins' | 'followUpPlanned' | 'thighOnlyScan' | 'riskFactors'; anyOf: readonly YesNo[] }
  | { field: 'legTrend'; anyOf: readonly LegTrend[] };

export interface Rule {
  /** Stable id; also the reason code in the disposition entity. */
  id: string;
  level: Level;
  /** All conditions must hold. */
  when: readonly Condition[];
  /** Source ids (see sources.ts). */
  sources: readonly string[];
  /** Why the row exists, for the clinical reviewer. */
  note: string;
}

export const RULES: readonly Rule[] = [
  { id: 'E_SIGNS', level: 'emergency', when: [{ field: 'emergencySigns', anyOf: ['yes'] }],
    sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET', 'CDC_PE', 'MEDLINEPLUS_DVT'],
    note: 'Breathlessness, chest or upper-back pain, coughing blood, fainting, racing heart, or a cold blue swollen leg: possible pulmonary embolism or severe DVT.' },
  { id: 'U_SIGNS_UNSURE', level: 'urgent', when: [{ field: 'emergencySigns', anyOf: ['unsure'] }],
    sources: ['NHS_DVT', 'REF_PRECEDENCE'],
    note: 'Not sure about emergency signs: get seen today by a clinician, with the emergency advice repeated. Clinical judgement (hazard log).' },
  { id: 'U_LEG_WORSE', level: 'urgent', when: [{ field: 'legTrend', anyOf: ['worse'] }],
    sources: ['NHS_DVT', 'GSTT_LEAFLET', 'SRU_2018'],
    note: 'Leg pain, swelling, redness or warmth worse since the scan: scans can miss some clots.' },
  { id: 'U_LEG_UNSURE', level: 'urgent', when: [{ field: 'legTrend', anyOf: ['unsure'] }],
    sources: ['REF_PRECEDENCE'],
    note: '"Not sure" about the trend counts one tier above "about the same" (soon).' },
  { id: 'U_OTHER_LIMB', level: 'urgent', when: [{ field: 'otherLimb', anyOf: ['yes', 'unsure'] }],
    sources: ['NHS_DVT', 'GSTT_LEAFLET', 'REF_PRECEDENCE'],
    note: 'New swelling or pain in the other leg or an arm.' },
  { id: 'U_HARD_VEINS', level: 'urgent', when: [{ field: 'hardVeins', anyOf: ['yes', 'unsure'] }],
    sources: ['NHS_DVT', 'REF_PRECEDENCE'],
    note: 'Swollen veins that are hard or sore.' },
  { id: 'S_LEG_SAME', level: 'soon', when: [{ field: 'legTrend', anyOf: ['same'] }],
    sources: ['NICE_NG158', 'SRU_2018'],
    note: 'Symptoms about the same, neither better nor worse: keep the repeat scan, contact the team within about 2 working days.' },
  { id: 'S_FOLLOW_UP', level: 'soon', when: [{ field: 'followUpPlanned', anyOf: ['yes', 'unsure'] }],
    sources: ['NICE_NG158', 'ASH_2018'],
    note: 'A repeat scan or D-dimer is planned: go to it.' },
  { id: 'S_THIGH_ONLY', level: 'soon', when: [{ field: 'thighOnlyScan', anyOf: ['yes', 'unsure'] }, { field: 'legTrend', anyOf: ['better'] }],
    sources: ['SRU_2018', 'JOHNSON_2010'],
    note: 'Only the thigh veins were scanned and symptoms go on (improving but not gone).' },
  { id: 'S_RISK_FACTORS', level: 'soon', when: [{ field: 'riskFactors', anyOf: ['yes', 'unsure'] }, { field: 'legTrend', anyOf: ['better'] }],
    sources: ['NICE_NG158'],
    note: 'Symptoms not fully settled in someone with risk factors (cancer, recent surgery or long immobility, pregnancy or recent birth, previous clot).' },
  { id: 'SC_SETTLING', level: 'self-care', when: [{ field: 'legTrend', anyOf: ['better', 'gone'] }],
    sources: ['ALMOND_2009', 'JONES_2019', 'ELIAS_2003'],
    note: 'Improving or gone, no red flags, no test outstanding: watch and wait with a safety net.' },
];

/** Reason code added when a repeat contact moves the tier up (precedence rule 4). */
export const REPEAT_CONTACT_REASON = 'M_REPEAT_CONTACT';

/**
 * The most urgent tier a repeat contact can reach by itself. The reference lists "coming back
 * again about the same problem" under urgent, so the step-up stops there.
 */
export const REPEAT_CONTACT_CAP: Level = 'urgent';

/** Tier given when no row matches (e.g. the questions were not finished): never self-care. */
export const DEFAULT_LEVEL: Level = 'soon';
export const DEFAULT_REASON = 'S_INCOMPLETE';

/** Keeps the type of `Answers` and `Condition` fields in step. */
export type ConditionField = Condition['field'] & keyof Answers;
