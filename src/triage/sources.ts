/**
 * Bibliographic sources behind the rules and the advice (clinical-reference.md). References
 * are cited as published and are not translated.
 */
export interface Source {
  id: string;
  citation: string;
  url?: string;
}

export const SOURCES: Readonly<Record<string, Source>> = {
  NHS_DVT: { id: 'NHS_DVT', citation: 'NHS website: Deep vein thrombosis (DVT).', url: 'https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/' },
  NHS_PE: { id: 'NHS_PE', citation: 'NHS website: Pulmonary embolism.', url: 'https://www.nhs.uk/conditions/pulmonary-embolism/' },
  GSTT_LEAFLET: { id: 'GSTT_LEAFLET', citation: "Guy's and St Thomas' NHS Foundation Trust: patient leaflet on DVT and when to seek help." },
  CDC_PE: { id: 'CDC_PE', citation: 'CDC: Signs and symptoms of venous thromboembolism.', url: 'https://www.cdc.gov/blood-clots/signs-symptoms/' },
  MEDLINEPLUS_DVT: { id: 'MEDLINEPLUS_DVT', citation: 'MedlinePlus: Deep venous thrombosis.', url: 'https://medlineplus.gov/ency/article/000156.htm' },
  SRU_2018: { id: 'SRU_2018', citation: 'Needleman L, et al. Ultrasound for lower extremity deep venous thrombosis: multidisciplinary recommendations from the Society of Radiologists in Ultrasound Consensus Conference. Circulation. 2018;137:1505-15.' },
  JOHNSON_2010: { id: 'JOHNSON_2010', citation: 'Johnson SA, et al. Risk of deep vein thrombosis following a single negative whole-leg compression ultrasound: a systematic review and meta-analysis. JAMA. 2010;303(5):438-45.' },
  ELIAS_2003: { id: 'ELIAS_2003', citation: 'Elias A, et al. A single complete ultrasound investigation of the venous network for the diagnostic management of patients with a clinically suspected first episode of deep venous thrombosis of the lower limbs. Thromb Haemost. 2003;89:221-7.' },
  STEVENS_2004: { id: 'STEVENS_2004', citation: 'Stevens SM, et al. Withholding anticoagulation after a negative result on duplex ultrasonography for suspected symptomatic deep venous thrombosis. Ann Intern Med. 2004;140:985-91.' },
  NICE_NG158: { id: 'NICE_NG158', citation: 'NICE guideline NG158: Venous thromboembolic diseases: diagnosis, management and thrombophilia testing (2020, updated 2023).', url: 'https://www.nice.org.uk/guidance/ng158' },
  ASH_2018: { id: 'ASH_2018', citation: 'Lim W, et al. American Society of Hematology 2018 guidelines for management of venous thromboembolism: diagnosis of venous thromboembolism. Blood Adv. 2018;2(22):3226-56.' },
  ALMOND_2009: { id: 'ALMOND_2009', citation: 'Almond S, Mant D, Thompson M. Diagnostic safety-netting. Br J Gen Pract. 2009;59:872-4.' },
  JONES_2019: { id: 'JONES_2019', citation: 'Jones D, et al. Safety netting for primary care: evidence from a literature review. Br J Gen Pract. 2019;69:70-1.' },
  FRIEDEMANN_2022: { id: 'FRIEDEMANN_2022', citation: 'Friedemann Smith C, et al. BMJ Quality & Safety, 2022 (safety-netting: chunking, checking understanding, written advice).' },
  BMJQS_2024: { id: 'BMJQS_2024', citation: 'BMJ Quality & Safety, 2024: repeat contact predicts missed serious illness in telephone triage (as cited in the Afterscan clinical reference).' },
  NICE_CKS_DVT: { id: 'NICE_CKS_DVT', citation: 'NICE Clinical Knowledge Summaries: Deep vein thrombosis, differential diagnosis (a newer source added for "other causes of leg pain"; to be confirmed by the clinical safety officer).', url: 'https://cks.nice.org.uk/topics/deep-vein-thrombosis/' },
  RCOG_GTG37: { id: 'RCOG_GTG37', citation: 'Royal College of Obstetricians and Gynaecologists. Green-top Guideline 37a and 37b: Reducing the risk of venous thromboembolism during pregnancy and the puerperium; Thromboembolic disease in pregnancy and the puerperium: acute management (2015). Negative scan with continued suspicion: repeat scan on days 3 and 7; consider iliac vein thrombosis.', url: 'https://www.rcog.org.uk/guidance/browse-all-guidance/green-top-guidelines/thrombosis-and-embolism-during-pregnancy-and-the-puerperium-acute-management-green-top-guideline-no-37b/' },
  NICE_NG141: { id: 'NICE_NG141', citation: 'NICE guideline NG141: Cellulitis and erysipelas: antimicrobial prescribing (2019).', url: 'https://www.nice.org.uk/guidance/ng141' },
  NHS_ANTICOAG: { id: 'NHS_ANTICOAG', citation: 'NHS website: Anticoagulant medicines (side effects: when to call 999 or go to A&E for bleeding).', url: 'https://www.nhs.uk/conditions/anticoagulants/' },
  CLINICAL_REVIEW_2026: { id: 'CLINICAL_REVIEW_2026', citation: 'Independent clinical safety review of Afterscan (DCB0129 method), 2026: "not sure" at an emergency sign should lead to the urgent line now, the emergency number if worse. Recorded in the hazard log as a clinical decision.' },
  REF_PRECEDENCE: { id: 'REF_PRECEDENCE', citation: 'Afterscan clinical reference, precedence rule 2: "not sure" or an unreadable answer counts as the next tier up, never down.' },
};
