import { findingOf, rank, RULES_VERSION, type Flag } from '../src/triage';
import type { OutMessage } from '../src/rendering';
import type { Turn } from '../src/bot/turn';
import { adviceMessages } from './advice';

/**
 * Emergency or urgent advice holds (S8, hazard H19): kept in the conversation, and for 24 hours
 * for the user on this channel, merged with what was held before (the more urgent level wins).
 */
export function holdFloor(turn: Turn, flag: Flag): void {
  const now = turn.now();
  const held = turn.session.floor;
  const merged: Flag = !held || rank(flag.level) < rank(held.level)
    ? { level: flag.level, reasons: [...flag.reasons] }
    : rank(flag.level) === rank(held.level) ? { level: held.level, reasons: [...new Set([...held.reasons, ...flag.reasons])] } : held;
  turn.session.floor = merged;
  turn.profile.floor = { level: merged.level, reasons: [...merged.reasons], at: now };
}

/** "Earlier you told me about …", then the advice again: what a fresh check says first when a floor holds. */
export function repeatFloor(turn: Turn): OutMessage[] {
  const floor = turn.session.floor;
  if (!floor) return [];
  const finding = turn.t(`common:findings.${findingOf(floor.reasons)}`);
  return [{ kind: 'text', text: turn.t('common:earlier', { finding }) }, ...adviceMessages(turn, { level: floor.level, reasons: [...floor.reasons], rulesVersion: RULES_VERSION })];
}
