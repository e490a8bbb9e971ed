/**
 * The durable schedule of follow-up check-ins, as an interface so a multi-instance
 * deployment can put it in PostgreSQL without touching dialogs or the scheduler.
 */
export interface CheckIn {
  id: string;
  /** Whose check-in it is: the user-state key (`<channel>/users/<id>`), for forget-me and STOP. */
  userKey: string;
  /** The stored conversation reference to message proactively (JSON-safe object). */
  reference: Record<string, unknown>;
  locale: string;
  /** When it becomes due, epoch ms. */
  dueAt: number;
  /** After this it is dropped rather than sent late, epoch ms. */
  expiresAt: number;
  /** Delivery attempts so far, including the current claim. */
  attempts: number;
}

export type NewCheckIn = Omit<CheckIn, 'attempts'>;

export interface CheckInStore {
  add(items: readonly NewCheckIn[]): void;
  /**
   * Atomically claims due check-ins for one worker until `leaseUntil`: pending ones whose retry
   * time has come, and claimed ones whose lease ran out (their worker died). No two workers can
   * hold the same check-in at once.
   */
  claimDue(now: number, worker: string, leaseUntil: number, limit: number): CheckIn[];
  /** Marks a claimed check-in delivered; false when this worker no longer held the claim. */
  markSent(id: string, worker: string, now: number): boolean;
  /** Releases a claim after a failed send, to be tried again at `retryAt`. */
  retryAt(id: string, worker: string, retryAt: number): void;
  /** Drops pending or stale-claimed check-ins whose window has passed; returns how many. */
  dropExpired(now: number): number;
  /** Cancels every pending check-in of a user (STOP, forget me); returns how many. */
  cancelForUser(userKey: string, now: number): number;
  /** Deletes every row of a user, whatever its state (forget me). */
  deleteForUser(userKey: string): number;
  /** Deletes finished rows (sent, dropped, cancelled) older than the cut-off. */
  purgeFinishedBefore(cutoff: number): number;
  /** Pending check-ins of a user, soonest first. */
  pendingFor(userKey: string): CheckIn[];
}

export type Awaitable<T> = T | Promise<T>;

/**
 * The same schedule where each answer may come later: what the scheduler, the app and the
 * retention purge use, so PostgreSQL (shared by every instance) and SQLite (answers at once)
 * both fit. A CheckInStore is one.
 */
export interface CheckInSchedule {
  add(items: readonly NewCheckIn[]): Awaitable<void>;
  claimDue(now: number, worker: string, leaseUntil: number, limit: number): Awaitable<CheckIn[]>;
  markSent(id: string, worker: string, now: number): Awaitable<boolean>;
  retryAt(id: string, worker: string, retryAt: number): Awaitable<void>;
  dropExpired(now: number): Awaitable<number>;
  cancelForUser(userKey: string, now: number): Awaitable<number>;
  deleteForUser(userKey: string): Awaitable<number>;
  purgeFinishedBefore(cutoff: number): Awaitable<number>;
  pendingFor(userKey: string): Awaitable<CheckIn[]>;
}
