/**
 * Version of the patient-facing content (locales/ and the advice it carries). Recorded with
 * every audited disposition next to the rules version, so a clinic can tell exactly which
 * words a patient was shown. Bump it whenever a message in locales/ changes meaning.
 */
export const CONTENT_VERSION = '2026.12.2';
