import type { OutMessage } from '../src/rendering';
import { adviceShape, type AdviceShape, type Disposition, type Level } from '../src/triage';
import type { Turn } from '../src/bot/turn';

const KEY: Record<Level, string> = { emergency: 'emergency', urgent: 'urgent', soon: 'soon', 'self-care': 'selfCare' };

function lineContext(turn: Turn): 'line' | 'noLine' {
  return turn.deployment.hasUrgentLine ? 'line' : 'noLine';
}

function title(turn: Turn, level: Level, shape: AdviceShape): string {
  if (shape.urgent === 'now') return turn.t(`outcome:urgent.title_now_${lineContext(turn)}`);
  if (shape.urgent === 'maternity') return turn.t('outcome:urgent.title_maternity');
  return turn.t(`outcome:${KEY[level]}.title`);
}

function adviceLines(turn: Turn, level: Level, shape: AdviceShape): string[] {
  const t = turn.t;
  switch (level) {
    case 'emergency':
      return [t(shape.emergency === 'bleeding' || shape.emergency === 'leg' ? `outcome:emergency.body_${shape.emergency}` : 'outcome:emergency.body'), t('outcome:emergency.after')];
    case 'urgent':
      if (shape.urgent === 'now') return [t(`outcome:urgent.now_${lineContext(turn)}`)];
      if (shape.urgent === 'maternity') return [t('outcome:urgent.maternity')];
      return [t('outcome:urgent.body'), t('outcome:urgent.where', { context: lineContext(turn) }), ...(turn.deployment.region === 'uk' ? [t('outcome:urgent.online_uk')] : [])];
    case 'soon': {
      const what = shape.soon ?? 'either';
      const window = turn.deployment.hasRepeatWindow && what !== 'askAboutScan' ? [t('outcome:soon.window', { context: turn.deployment.repeatWindowContext, count: turn.deployment.repeatWindowCount })] : [];
      return [t('outcome:soon.body'), t(`outcome:soon.what_${what}`), ...window, ...(what === 'askAboutScan' ? [] : [t('outcome:soon.contact')])];
    }
    case 'self-care':
      return [t('outcome:selfCare.body'), t('outcome:selfCare.tips'), t('outcome:selfCare.timeLimit')];
  }
}

/**
 * The advice for a disposition, with its entity (S4), followed by the safety net: what
 * would mean "get seen today" and what would mean "call the emergency number now", and for a
 * patient given a blood thinner, whether to stop it and the bleeding signs. The emergency
 * advice stands alone so nothing dilutes it.
 */
export function adviceMessages(turn: Turn, disposition: Disposition): OutMessage[] {
  const shape = adviceShape(disposition, turn.session.answers);
  const advice: OutMessage = {
    kind: 'advice',
    level: disposition.level,
    title: title(turn, disposition.level, shape),
    lines: adviceLines(turn, disposition.level, shape),
    disposition,
  };
  if (disposition.level === 'emergency') return [advice];
  const net = disposition.level === 'urgent'
    ? [turn.t('outcome:safetyNetEmergency')]
    : [turn.t('outcome:safetyNetUrgent'), turn.t('outcome:safetyNetEmergency')];
  const thinners = shape.bloodThinners ? [{ kind: 'text' as const, text: `${turn.t('outcome:bloodThinners.stop')}\n${turn.t('outcome:bloodThinners.net')}` }] : [];
  return [advice, ...thinners, { kind: 'text', text: net.join('\n') }];
}

/** The short summary the patient can keep. */
export function summaryMessage(turn: Turn, disposition: Disposition): OutMessage {
  const shape = adviceShape(disposition, turn.session.answers);
  const variant = shape.urgent ? `_${shape.urgent}` : '';
  return {
    kind: 'summary',
    title: turn.t('outcome:summary.title'),
    lines: [
      turn.t('outcome:summary.scan'),
      turn.t(`outcome:summary.advice_${KEY[disposition.level]}${variant}`),
      turn.t('outcome:summary.seenToday'),
      turn.t('outcome:summary.callNow'),
    ],
  };
}
