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

export const CONTENT: Readonly<Record<string, ContentEntry>> = {
  'explain:found': { sources: ['SRU_2018', 'NICE_NG158'], updated: D },
  'explain:limits': { sources: ['SRU_2018', 'JOHNSON_2010'], updated: D },
  'explain:missed': { sources: ['SRU_2018', 'JOHNSON_2010'], updated: D },
  'explain:odds': { sources: ['ELIAS_2003', 'STEVENS_2004', 'JOHNSON_2010'], updated: D },
  'explain:tests': { sources: ['NICE_NG158', 'SRU_2018', 'ASH_2018'], updated: D },
  'explain:professional': { sources: ['ELIAS_2003', 'STEVENS_2004', 'JOHNSON_2010', 'SRU_2018', 'NICE_NG158', 'ASH_2018'], updated: D },
  'outcome:emergency.body': { sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET', 'CDC_PE'], updated: D },
  'outcome:urgent.body': { sources: ['NHS_DVT', 'GSTT_LEAFLET', 'SRU_2018'], updated: D },
  'outcome:urgent.where_line': { sources: ['NHS_DVT'], updated: D },
  'outcome:urgent.where_noLine': { sources: ['NHS_DVT'], updated: D },
  'outcome:soon.what': { sources: ['NICE_NG158', 'SRU_2018'], updated: D },
  'outcome:soon.contact': { sources: ['NICE_NG158'], updated: D },
  'outcome:selfCare.body': { sources: ['ELIAS_2003', 'JOHNSON_2010', 'ALMOND_2009'], updated: D },
  'outcome:selfCare.tips': { sources: ['ALMOND_2009', 'JONES_2019'], updated: D },
  'outcome:safetyNetUrgent': { sources: ['NHS_DVT', 'NICE_NG158', 'ALMOND_2009'], updated: D },
  'outcome:safetyNetEmergency': { sources: ['NHS_DVT', 'NHS_PE', 'GSTT_LEAFLET'], updated: D },
  'outcome:teachBack.question': { sources: ['FRIEDEMANN_2022'], updated: D },
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
