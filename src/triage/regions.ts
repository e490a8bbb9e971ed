/**
 * Default emergency and urgent-advice numbers per region (clinical-reference.md, "Emergency
 * and urgent numbers"). A deployment overrides them with EMERGENCY_NUMBER / URGENT_NUMBER.
 * `urgentNumber` is null where there is no single national urgent line; the bot then
 * points to the patient's own doctor or urgent care.
 */
export interface RegionNumbers {
  emergencyNumber: string;
  urgentNumber: string | null;
}

export const REGIONS = {
  uk: { emergencyNumber: '999', urgentNumber: '111' },
  // Northern Ireland has no NHS 111 service: urgent care goes through the GP or GP out of hours.
  'uk-ni': { emergencyNumber: '999', urgentNumber: null },
  ie: { emergencyNumber: '112', urgentNumber: null },
  eu: { emergencyNumber: '112', urgentNumber: null },
  es: { emergencyNumber: '112', urgentNumber: null },
  fr: { emergencyNumber: '15', urgentNumber: '116 117' },
  de: { emergencyNumber: '112', urgentNumber: '116 117' },
  pl: { emergencyNumber: '112', urgentNumber: null },
  // Portugal and Romania: the reference's "European Union (any)" row (112, urgent line country-specific).
  pt: { emergencyNumber: '112', urgentNumber: null },
  ro: { emergencyNumber: '112', urgentNumber: null },
  us: { emergencyNumber: '911', urgentNumber: null },
  ca: { emergencyNumber: '911', urgentNumber: '811' },
  mx: { emergencyNumber: '911', urgentNumber: null },
  au: { emergencyNumber: '000', urgentNumber: '1800 022 222' },
  nz: { emergencyNumber: '111', urgentNumber: '0800 611 116' },
  in: { emergencyNumber: '112', urgentNumber: '108' },
  // Not in clinical-reference.md; added for the Portuguese and Chinese texts, with their own sources
  // (docs/evidence-summary.md, REGION_BR / REGION_CN), to be confirmed like any other project source.
  // Brazil: SAMU 192, the national mobile emergency care service (Decree 5,055 of 27 April 2004).
  br: { emergencyNumber: '192', urgentNumber: null },
  // Mainland China: 120, the national medical emergency and ambulance number.
  cn: { emergencyNumber: '120', urgentNumber: null },
} as const satisfies Record<string, RegionNumbers>;

export type Region = keyof typeof REGIONS;
export const REGION_IDS = Object.keys(REGIONS) as Region[];
