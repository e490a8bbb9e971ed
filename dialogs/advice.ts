import type { OutMessage } from '../src/rendering';
import type { Disposition, Level } from '../src/triage';
import type { Turn } from '../src/turn';

const KEY: Record<Level, string> = { emergency: 'emergency', urgent: 'urgent', soon: 'soon', 'self-care': 'selfCare' };

function adviceLines(turn: Turn, level: Level): string[] {
  const t = turn.t;
  switch (level) {
    case 'emergency':
      return [t('outcome:emergency.body'), t('outcome:emergency.after')];
    case 'urgent':
      return [t('outcome:urgent.body'), t('outcome:urgent.where', { context: turn.hasUrgentLine ? 'line' : 'noLine' })];
    case 'soon':
      return [t('outcome:soon.body'), t('outcome:soon.what'), ...(turn.hasRepeatWindow ? [t('outcome:soon.window', { context: turn.repeatWindowContext, count: turn.repeatWindowCount })] : []), t('outcome:soon.contact')];
    case 'self-care':
      return [t('outcome:selfCare.body'), t('outcome:selfCare.tips')];
  }
}

/**
 * The advice for a disposition, with its entity (S4), followed by the safety net: what
 * would mean "get seen today" and what would mean "call the emergency number now". The
 * emergency advice stands alone so nothing dilutes it.
 */
export function adviceMessages(turn: Turn, disposition: Disposition): OutMessage[] {
  const advice: OutMessage = {
    kind: 'advice',
    level: disposition.level,
    title: turn.t(`outcome:${KEY[disposition.level]}.title`),
    lines: adviceLines(turn, disposition.level),
    disposition,
  };
  if (disposition.level === 'emergency') return [advice];
  const net = disposition.level === 'urgent'
    ? [turn.t('outcome:safetyNetEmergency')]
    : [turn.t('outcome:safetyNetUrgent'), turn.t('outcome:safetyNetEmergency')];
  return [advice, { kind: 'text', text: net.join('\n') }];
}

/** The short summary the patient can keep. */
export function summaryMessage(turn: Turn, disposition: Disposition): OutMessage {
  return {
    kind: 'summary',
    title: turn.t('outcome:summary.title'),
    lines: [
      turn.t('outcome:summary.scan'),
      turn.t(`outcome:summary.advice_${KEY[disposition.level]}`),
      turn.t('outcome:summary.seenToday'),
      turn.t('outcome:summary.callNow'),
    ],
  };
}
