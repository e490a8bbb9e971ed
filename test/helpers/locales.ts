/** A locale tag each language's patients' devices typically send (the negotiation maps it back). */
export const TYPICAL_LOCALE: Readonly<Record<string, string>> = {
  en: 'en-GB', es: 'es-MX', fr: 'fr-FR', de: 'de-DE', pl: 'pl-PL', pt: 'pt-BR', ro: 'ro-RO', ar: 'ar-EG', ur: 'ur-PK', 'zh-Hans': 'zh-CN',
};
