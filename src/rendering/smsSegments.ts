/**
 * SMS segment arithmetic (3GPP TS 23.038 / 23.040). A message goes as GSM-7 when every character
 * is in the GSM default alphabet or its extension table, else as UCS-2 — one "á" turns the whole
 * message into UCS-2 and more than halves what fits. Implemented here (about forty lines) rather
 * than importing `split-sms` at run time, which is a development dependency; the tests check this
 * against split-sms on every text the bot can send.
 */
export type SmsCharset = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  charset: SmsCharset;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs an escape septet plus its own. */
const EXTENDED = '\f^{}\\[~]|€';
const GSM_BASIC = new Set(BASIC);
const GSM_EXTENDED = new Set(EXTENDED);

const LIMITS: Record<SmsCharset, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** The cost of each character in its charset's units (an astral character is two UCS-2 units). */
function costs(text: string): { charset: SmsCharset; units: number[] } {
  const chars = [...text];
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c))) {
    return { charset: 'GSM-7', units: chars.map((c) => (GSM_EXTENDED.has(c) ? 2 : 1)) };
  }
  return { charset: 'UCS-2', units: chars.map((c) => c.length) };
}

/** Counts segments the way handsets concatenate them: a character is never split across two. */
export function countSms(text: string): SmsCount {
  const { charset, units } = costs(text);
  const total = units.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[charset];
  if (total <= single) return { charset, units: total, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const unit of units) {
    if (used + unit > part) {
      segments += 1;
      used = 0;
    }
    used += unit;
  }
  return { charset, units: total, segments };
}
