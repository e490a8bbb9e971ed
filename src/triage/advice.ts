import { RULES } from './rules';
import type { Answers, Disposition } from './types';

/** What kind of emergency the advice names: a clot in the lungs, bleeding on a blood thinner, or the blood flow in a leg. */
export type EmergencyKind = 'lungs' | 'bleeding' | 'leg';

/** Which wording of the tier's advice a disposition needs. Data only: the dialogs pick the messages. */
export interface AdviceShape {
  /** Urgent: call the urgent line now (a "not sure" emergency sign), or the maternity unit today. */
  urgent?: 'now' | 'maternity';
  /** Soon: a second scan or blood test is planned ("go to it"), is not ("ask whether you need one"), or was not asked (both). */
  soon?: 'scanPlanned' | 'askAboutScan' | 'either';
  emergency?: EmergencyKind;
  /** A blood thinner was started: ask the team today whether to stop it, and the bleeding safety net. */
  bloodThinners: boolean;
}

const BLEEDING = new Set(['RF_VOMITING_BLOOD', 'RF_BLOOD_IN_POO', 'RF_BLEEDING_WONT_STOP', 'RF_HEAD_INJURY']);
const LEG = new Set(['E_LEG', 'RF_COLD_BLUE_LEG']);

/** Reason code carried when a blood thinner was given around the scan (NG158; NHS anticoagulant pages). */
export const BLOOD_THINNERS_REASON = 'M_BLOOD_THINNERS';

/** Reason code when the patient is not sure about a possible emergency flag asked directly: the urgent line now. */
export function unsureFlagReason(code: string): string {
  return `U_RF_${code.toUpperCase()}_UNSURE`;
}
const UNSURE_FLAG = /^U_RF_.+_UNSURE$/;

/** A blood thinner was given around the scan, or the patient is not sure (S2: not sure counts as yes). */
export function gaveBloodThinners(answers: Answers): boolean {
  return answers.bloodThinners === 'yes' || answers.bloodThinners === 'unsure';
}

/**
 * The shape of the advice for a disposition and the answers behind it. A clot in the lungs is
 * named whenever any lung sign is among the reasons; bleeding or the leg only when they are the
 * only kind of emergency found.
 */
export function adviceShape(d: Disposition, answers: Answers): AdviceShape {
  const rows = RULES.filter((r) => d.reasons.includes(r.id));
  const shape: AdviceShape = { bloodThinners: gaveBloodThinners(answers) || d.reasons.includes(BLOOD_THINNERS_REASON) };
  if (d.level === 'emergency') {
    const kinds = new Set<EmergencyKind>(d.reasons.map((r) => (BLEEDING.has(r) ? 'bleeding' : LEG.has(r) ? 'leg' : 'lungs')));
    shape.emergency = kinds.has('lungs') || kinds.size === 0 ? 'lungs' : kinds.has('bleeding') ? 'bleeding' : 'leg';
    if (kinds.has('bleeding')) shape.bloodThinners = true;
  }
  if (d.level === 'urgent') {
    if (rows.some((r) => r.advice === 'urgentNow') || d.reasons.some((r) => UNSURE_FLAG.test(r))) shape.urgent = 'now';
    else if (rows.some((r) => r.advice === 'maternity')) shape.urgent = 'maternity';
  }
  if (d.level === 'soon') shape.soon = answers.followUpPlanned === 'no' ? 'askAboutScan' : answers.followUpPlanned === undefined ? 'either' : 'scanPlanned';
  return shape;
}

/** Finding keys (locales common.findings) for the rules' reason codes; red-flag codes name their own. */
const FINDINGS: Record<string, string> = {
  E_BREATHING: 'breathless', E_CHEST: 'chest_pain', E_COUGH_BLOOD: 'coughing_blood', E_FAINT: 'fainting', E_HEART: 'fast_heartbeat', E_LEG: 'cold_blue_leg',
  U_LEG_WORSE: 'leg_worse', U_LEG_UNSURE: 'legUnsure', U_OTHER_LIMB: 'other_limb', U_HARD_VEINS: 'hard_veins', U_FEVER: 'fever_hot_leg',
  U_PREGNANT: 'pregnant', U_NO_SCAN: 'noScan', M_REPEAT_CONTACT: 'repeat_contact',
};

/** Red-flag codes with a finding of their own (common.findings.<code>). */
export const FLAG_FINDINGS = ['breathless', 'chest_pain', 'coughing_blood', 'fainting', 'fast_heartbeat', 'cold_blue_leg', 'leg_worse', 'other_limb', 'hard_veins',
  'vomiting_blood', 'blood_in_poo', 'bleeding_wont_stop', 'head_injury', 'fever_hot_leg', 'repeat_contact', 'blood_in_urine'] as const;

/** The finding a held floor names when it is repeated ("Earlier you told me about …"): the first reason that names one. */
export function findingOf(reasons: readonly string[]): string {
  for (const reason of reasons) {
    if (FINDINGS[reason]) return FINDINGS[reason];
    if (/^U_.*_UNSURE$/.test(reason)) return 'unsureSign';
    const code = /^RF_(.+)$/.exec(reason)?.[1]?.toLowerCase();
    if (code && (FLAG_FINDINGS as readonly string[]).includes(code)) return code;
  }
  return 'other';
}
