/**
 * The content registry: for every message that explains or advises, the sources it rests on
 * (ids in src/triage/sources.ts) and when its wording was last changed. The clinical review
 * date stays empty until a clinical safety officer signs the content off; "about" says so.
 */
export interface ContentEntry {
  sources: readonly string[];
  /** ISO date the English wording last changed. */
  updated: string;
}

export const CLINICAL_REVIEW: { status: 'pending' | 'approved'; by?: string; on?: string } = { status: 'pending' };

const D = '2026-11-26';
/** Content 2026.12.1: one question per emergency sign, pregnancy, blood thinners, fever, eligibility, advice variants. */
const D2 = '2026-12-07';

export const CONTENT: Readonly<Record<string, ContentEntry>> = {
  'explain:found': { sources: ['SRU_2018', 'NICE_NG158'], updated: D },
  'explain:limits': { sources: ['SRU_2018', 'JOHNSON_2010'], updated: D },
  'explain:missed': { sources: ['SRU_2018', 'JOHNSON_2010'], updated: D },
  'explain:odds': { sources: ['ELIAS_2003', 'STEVENS_2004', 'JOHNSON_2010'], updated: D },
  'explain:odds_thigh': { sources: ['SRU_2018', 'JOHNSON_2010'], updated: D2 },
  'explain:tests': { sources: ['NICE_NG158', 'SRU_2018', 'ASH_2018'], updated: D },
  'explain:professional': { sources: ['ELIAS_2003', 'STEVENS_2004', 'JOHNSON_2010', 'SRU_2018', 'NICE_NG158', 'ASH_2018'], updated: D },
  'outcome:emergency.body': { sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET', 'CDC_PE'], updated: D },
  'outcome:urgent.body': { sources: ['NHS_DVT', 'GSTT_LEAFLET', 'SRU_2018'], updated: D },
  'outcome:urgent.where_line': { sources: ['NHS_DVT'], updated: D },
  'outcome:urgent.where_noLine': { sources: ['NHS_DVT'], updated: D },
  'outcome:soon.what_scanPlanned': { sources: ['NICE_NG158', 'SRU_2018'], updated: D2 },
  'outcome:soon.what_either': { sources: ['NICE_NG158', 'SRU_2018'], updated: D2 },
  'outcome:soon.what_askAboutScan': { sources: ['NICE_NG158', 'SRU_2018'], updated: D2 },
  'outcome:soon.contact': { sources: ['NICE_NG158'], updated: D },
  'outcome:selfCare.body': { sources: ['ELIAS_2003', 'JOHNSON_2010', 'ALMOND_2009'], updated: D },
  'outcome:selfCare.tips': { sources: ['ALMOND_2009', 'JONES_2019'], updated: D },
  'outcome:safetyNetUrgent': { sources: ['NHS_DVT', 'NICE_NG158', 'ALMOND_2009'], updated: D },
  'outcome:safetyNetEmergency': { sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET'], updated: D },
  'outcome:teachBack.question': { sources: ['FRIEDEMANN_2022'], updated: D },
  'outcome:emergency.body_bleeding': { sources: ['NHS_ANTICOAG'], updated: D2 },
  'outcome:emergency.body_leg': { sources: ['MEDLINEPLUS_DVT', 'NICE_CKS_DVT'], updated: D2 },
  'outcome:emergency.after': { sources: ['NHS_PE', 'CLINICAL_REVIEW_2026'], updated: D2 },
  'outcome:urgent.now_line': { sources: ['CLINICAL_REVIEW_2026', 'REF_PRECEDENCE'], updated: D2 },
  'outcome:urgent.now_noLine': { sources: ['CLINICAL_REVIEW_2026', 'REF_PRECEDENCE'], updated: D2 },
  'outcome:urgent.maternity': { sources: ['RCOG_GTG37'], updated: D2 },
  'outcome:urgent.online_uk': { sources: ['NHS_DVT'], updated: D2 },
  'outcome:selfCare.timeLimit': { sources: ['ALMOND_2009'], updated: D2 },
  'outcome:bloodThinners.stop': { sources: ['NICE_NG158'], updated: D2 },
  'outcome:bloodThinners.net': { sources: ['NHS_ANTICOAG'], updated: D2 },
  'symptoms:signBreathing': { sources: ['NHS_PE', 'CDC_PE'], updated: D2 },
  'symptoms:signChest': { sources: ['NHS_PE', 'GSTT_LEAFLET'], updated: D2 },
  'symptoms:signCoughBlood': { sources: ['NHS_PE', 'GSTT_LEAFLET'], updated: D2 },
  'symptoms:signFaint': { sources: ['NHS_PE', 'CDC_PE', 'NICE_CKS_DVT'], updated: D2 },
  'symptoms:signHeart': { sources: ['NHS_PE', 'CDC_PE'], updated: D2 },
  'symptoms:signLeg': { sources: ['MEDLINEPLUS_DVT', 'NICE_CKS_DVT'], updated: D2 },
  'symptoms:pregnant': { sources: ['RCOG_GTG37'], updated: D2 },
  'symptoms:bloodThinners': { sources: ['NICE_NG158', 'NHS_ANTICOAG'], updated: D2 },
  'symptoms:fever': { sources: ['NICE_NG141', 'NICE_CKS_DVT'], updated: D2 },
  'symptoms:riskFactors': { sources: ['NICE_NG158'], updated: D2 },
  'faq:answers.bloodThinners': { sources: ['STEVENS_2004', 'JOHNSON_2010'], updated: D },
  'faq:answers.travel': { sources: ['ALMOND_2009', 'NICE_NG158'], updated: D },
  'faq:answers.exercise': { sources: ['ALMOND_2009', 'NHS_DVT'], updated: D },
  'faq:answers.recovery': { sources: ['ALMOND_2009', 'JONES_2019', 'NICE_NG158'], updated: D },
  'faq:answers.dDimer': { sources: ['ASH_2018', 'NICE_NG158'], updated: D },
  'faq:answers.repeatScan': { sources: ['NICE_NG158', 'SRU_2018'], updated: D },
  'faq:answers.otherCauses': { sources: ['NICE_CKS_DVT'], updated: D },
};

/** The latest change to any registered message: the content's "last updated" date. */
export function lastUpdated(): string {
  return Object.values(CONTENT).map((e) => e.updated).sort().at(-1) ?? D;
}
