import { AsyncLocalStorage } from 'node:async_hooks';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { isUnanswered, type Outage } from '../storage/outage';
import type { CheckIn, CheckInSchedule, CheckInStore, NewCheckIn } from './checkInStore';

interface UserTurns {
  /** The user's pending check-ins, read when the turn began and kept up to date by this turn's changes. */
  pending: CheckIn[];
  /** Changes started during the turn; each settles to the error it failed with, or null. */
  writes: Promise<Error | null>[];
  turns: number;
}

/**
 * The bot books, cancels and erases check-ins with plain calls and asks "is one pending?" in
 * the middle of a dialog; a schedule in PostgreSQL answers later. This view keeps the bot's
 * calls as they are: before a turn, its middleware reads the user's pending check-ins; during
 * the turn, calls answer from that and start the change in the database. Before the turn's state
 * is written (`settleTurn`, called by the state storage) and again when the turn ends, the changes
 * it started are waited for. A booking or an erase that fails fails the turn before its state is
 * saved (the replies held until then are dropped, and the error boundary's apology, which names
 * the emergency signs, goes instead), as a failing SQLite write does. A failed cancel (STOP) is
 * logged, as the bot does for SQLite.
 */
async function settle(entry: UserTurns): Promise<void> {
  const failed = (await Promise.all(entry.writes.splice(0))).find((e) => e !== null);
  if (failed) throw failed;
}

export class TurnCheckIns implements CheckInStore {
  private readonly users = new Map<string, UserTurns>();
  /** The turn being run, whichever async path asks (the state storage's write is called deep inside it). */
  private readonly turn = new AsyncLocalStorage<UserTurns>();

  constructor(private readonly store: CheckInSchedule, private readonly logger: Logger, private readonly outage?: Outage) {}

  /** Registered on the adapter inside holdRepliesUntilSaved, so a failed change drops the held replies. */
  middleware(userKeyOf: (context: TurnContext) => string): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>) => {
        const key = userKeyOf(context);
        const entry = this.enter(key);
        try {
          try {
            // The red-flag screen runs before any state loads (S1): a schedule that cannot be read,
            // or a database that did not answer just now, must not hold it back.
            if (!this.outage?.suspected) entry.pending = await this.store.pendingFor(key);
          } catch (error) {
            if (isUnanswered(error)) this.outage?.failed();
            this.logger.warn({ event: 'checkins_unavailable', err: (error as Error).name }, 'pending check-ins could not be read for this turn');
          }
          await this.turn.run(entry, next);
          await settle(entry);
        } finally {
          this.leave(key, entry);
        }
      },
    };
  }

  add(items: readonly NewCheckIn[]): void {
    const entry = items[0] ? this.users.get(items[0].userKey) : undefined;
    entry?.pending.push(...items.map((c) => ({ ...c, attempts: 0 })));
    this.track(entry, Promise.resolve().then(() => this.store.add(items)), 'checkin_book_failed', true);
  }

  cancelForUser(userKey: string, now: number): number {
    const entry = this.users.get(userKey);
    const count = entry?.pending.length ?? 0;
    if (entry) entry.pending = [];
    this.track(entry, Promise.resolve().then(() => this.store.cancelForUser(userKey, now)), 'checkin_cancel_failed', false);
    return count;
  }

  deleteForUser(userKey: string): number {
    const entry = this.users.get(userKey);
    const count = entry?.pending.length ?? 0;
    if (entry) entry.pending = [];
    this.track(entry, Promise.resolve().then(() => this.store.deleteForUser(userKey)), 'checkin_erase_failed', true);
    return count;
  }

  /** Waits for the check-in changes the current turn started; throws the first that failed. */
  async settleTurn(): Promise<void> {
    const entry = this.turn.getStore();
    if (entry) await settle(entry);
  }

  pendingFor(userKey: string): CheckIn[] {
    return [...(this.users.get(userKey)?.pending ?? [])];
  }

  // The scheduler and retention use the schedule itself; these are never called through the bot.
  claimDue(): CheckIn[] { throw new Error('claimDue: use the schedule, not the turn view'); }
  markSent(): boolean { throw new Error('markSent: use the schedule, not the turn view'); }
  retryAt(): void { throw new Error('retryAt: use the schedule, not the turn view'); }
  dropExpired(): number { throw new Error('dropExpired: use the schedule, not the turn view'); }
  purgeFinishedBefore(): number { throw new Error('purgeFinishedBefore: use the schedule, not the turn view'); }

  private enter(key: string): UserTurns {
    const entry = this.users.get(key) ?? { pending: [], writes: [], turns: 0 };
    entry.turns += 1;
    this.users.set(key, entry);
    return entry;
  }

  private leave(key: string, entry: UserTurns): void {
    entry.turns -= 1;
    if (entry.turns === 0) this.users.delete(key);
  }

  private track(entry: UserTurns | undefined, work: Promise<unknown>, event: string, failsTurn: boolean): void {
    const settled = work.then(() => null, (error: unknown) => {
      this.logger.error({ event, err: (error as { code?: string }).code ?? (error as Error).name }, 'a check-in change could not be written');
      return failsTurn ? (error as Error) : null;
    });
    entry?.writes.push(settled);
  }
}
