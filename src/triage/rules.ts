import { SIGNS, type Answers, type LegTrend, type Level, type Sign, type YesNo } from './types';

/**
 * The disposition rules as data. Each row names the answers that trigger it, the tier it
 * gives, and where that comes from (source ids resolve in `sources.ts`). Rows are checked
 * most urgent first and the first tier that matches wins (clinical-reference.md, precedence
 * rule 1). "Not sure" appears explicitly in the rows so a reviewer can see that it always
 * lands at least one tier above the reassuring answer (precedence rule 2).
 *
 * Bump RULES_VERSION whenever a row changes: it travels in every disposition entity.
 */
export const RULES_VERSION = '2026.12.1';

/** A condition on one answer: the answer must be one of the listed values. */
export type Condition =
  | { field: Sign | 'pregnant' | 'bloodThinners' | 'otherLimb' | 'hardVeins' | 'fever' | 'followUpPlanned' | 'thighOnlyScan' | 'riskFactors'; anyOf: readonly YesNo[] }
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
  /** Which variant of the tier's advice this row needs (adviceVariant in advice.ts). */
  advice?: AdviceVariant;
}

/** Advice variants within the urgent tier: 'urgentNow' (call the urgent line now, not a same-day visit), 'maternity' (the maternity unit today). */
export type AdviceVariant = 'urgentNow' | 'maternity';

/**
 * Short codes of the sign questions, used in the ids of their "not sure" rows. The leg sign's is
 * LEG_SIGN: U_LEG_UNSURE is the leg-trend row's id (since 2026.11.1), and a reason code must name one row.
 */
const SIGN_CODES: Record<Sign, string> = {
  signBreathing: 'BREATHING', signChest: 'CHEST', signCoughBlood: 'COUGH_BLOOD', signFaint: 'FAINT', signHeart: 'HEART', signLeg: 'LEG_SIGN',
};

export const RULES: readonly Rule[] = [
  { id: 'E_BREATHING', level: 'emergency', when: [{ field: 'signBreathing', anyOf: ['yes'] }],
    sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET', 'CDC_PE'],
    note: 'New or worse breathlessness, or sudden difficulty breathing: possible pulmonary embolism.' },
  { id: 'E_CHEST', level: 'emergency', when: [{ field: 'signChest', anyOf: ['yes'] }],
    sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET', 'CDC_PE'],
    note: 'Chest or upper-back pain, especially when breathing in: possible pulmonary embolism.' },
  { id: 'E_COUGH_BLOOD', level: 'emergency', when: [{ field: 'signCoughBlood', anyOf: ['yes'] }],
    sources: ['NHS_PE', 'GSTT_LEAFLET', 'CDC_PE'],
    note: 'Coughing up blood: possible pulmonary embolism.' },
  { id: 'E_FAINT', level: 'emergency', when: [{ field: 'signFaint', anyOf: ['yes'] }],
    sources: ['NHS_PE', 'CDC_PE'],
    note: 'Fainting, feeling very faint, dizzy or light-headed: possible pulmonary embolism (NICE CKS lists dizziness with the fainting row).' },
  { id: 'E_HEART', level: 'emergency', when: [{ field: 'signHeart', anyOf: ['yes'] }],
    sources: ['NHS_PE', 'CDC_PE'],
    note: 'A very fast heartbeat: possible pulmonary embolism.' },
  { id: 'E_LEG', level: 'emergency', when: [{ field: 'signLeg', anyOf: ['yes'] }],
    sources: ['MEDLINEPLUS_DVT', 'NICE_CKS_DVT'],
    note: 'A leg suddenly very swollen and blue, purple, pale or cold (severe DVT), or a cold, pale, numb foot (acute limb ischaemia). Placing it here is a clinical judgement (hazard log).' },
  ...SIGNS.map((field): Rule => ({
    id: `U_${SIGN_CODES[field]}_UNSURE`, level: 'urgent', when: [{ field, anyOf: ['unsure'] }], advice: 'urgentNow',
    sources: ['REF_PRECEDENCE', 'CLINICAL_REVIEW_2026'],
    note: 'Not sure about an emergency sign: call the urgent line now (111 in England), the emergency number if it gets worse; not a same-day appointment (hazard H22).',
  })),
  { id: 'U_PREGNANT', level: 'urgent', when: [{ field: 'pregnant', anyOf: ['yes', 'unsure'] }, { field: 'legTrend', anyOf: ['worse', 'same', 'better', 'unsure'] }], advice: 'maternity',
    sources: ['RCOG_GTG37', 'REF_PRECEDENCE'],
    note: 'Pregnant or a baby in the last 6 weeks, with leg symptoms still there: outside NICE NG158; RCOG advises repeat scans on days 3 and 7 and thinking of pelvic veins. Contact the maternity unit today.' },
  { id: 'U_FEVER', level: 'urgent', when: [{ field: 'fever', anyOf: ['yes', 'unsure'] }],
    sources: ['NICE_NG141', 'NICE_CKS_DVT', 'REF_PRECEDENCE'],
    note: 'Fever with a hot, red leg: possible cellulitis, which a negative scan does not rule out. Get seen today.' },
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
