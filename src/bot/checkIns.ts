import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import type { CheckInStore } from '../schedule/checkInStore';
import type { Turn } from './turn';

/** Follow-up check-ins as the bot sees them: where to book, which days, and each one's window. */
export interface CheckInSettings {
  store: CheckInStore;
  days: readonly number[];
  windowHours: number;
}

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/** What a turn may do about check-ins: the days offered, whether none is pending yet, and how to book them. */
export function checkInBooking(settings: CheckInSettings, context: TurnContext, turn: Turn, userKey: string, now: () => number): NonNullable<Turn['checkIns']> {
  return {
    days: settings.days,
    available: () => settings.store.pendingFor(userKey).length === 0,
    schedule: () => {
      // The reference carries the language, so the check-in speaks it even before state loads.
      const reference = { ...TurnContext.getConversationReference(context.activity), locale: turn.lng } as unknown as Record<string, unknown>;
      const start = now();
      settings.store.add(settings.days.map((day) => ({
        id: randomUUID(), userKey, reference, locale: turn.lng,
        dueAt: start + day * DAY_MS, expiresAt: start + day * DAY_MS + settings.windowHours * HOUR_MS,
      })));
    },
  };
}
