import { setMaxListeners } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { settlesWithin, withDeadline } from '../http/outbound';
import type { CheckIn, CheckInSchedule } from './checkInStore';

export interface SchedulerOptions {
  store: CheckInSchedule;
  /** Delivers one check-in to its channel; throws when the channel fails. */
  deliver: (checkIn: CheckIn) => Promise<void>;
  now: () => number;
  logger: Logger;
  /** How long a claim is held before another worker may take it over (covers a crash mid-send). */
  leaseMs?: number;
  /** Attempts before a check-in is given up (it is also dropped when its window closes). */
  maxAttempts?: number;
  /** Retry delay after the n-th failed attempt (exponential back-off by default). */
  backoffMs?: (attempt: number) => number;
  batch?: number;
  worker?: string;
  /** Longest one delivery may take before it counts as failed (default 60 s). */
  deliveryTimeoutMs?: number;
  /** Cuts every outbound call short; stop() pulls it when deliveries outlast their grace. */
  abortOutbound?: () => void;
}

/**
 * Delivers due check-ins: claim with a lease, send, mark sent; on a channel failure, retry
 * with back-off; past its window, drop it instead of sending late. Several workers (even in
 * several processes) can share one store: the claim makes each check-in theirs alone.
 */
export class CheckInScheduler {
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly worker: string;
  private readonly deliveryTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  /** Passes under way, whether started by the timer or by hand. */
  private readonly active = new Set<Promise<void>>();

  constructor(private readonly options: SchedulerOptions) {
    // One listener per check-in of the batch sent side by side (bounded by the batch size), not a leak.
    setMaxListeners(0, this.stopping.signal);
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? ((n) => Math.min(60 * 60_000, 30_000 * 2 ** (n - 1)));
    this.worker = options.worker ?? randomUUID();
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 60_000;
  }

  /** One pass: drop what is too late, then deliver what is due. Returns how many were sent. */
  async tick(): Promise<number> {
    const pass = this.pass();
    const settled = pass.then(() => undefined, () => undefined);
    this.active.add(settled);
    try {
      return await pass;
    } finally {
      this.active.delete(settled);
    }
  }

  private async pass(): Promise<number> {
    const { store, now, logger } = this.options;
    const dropped = await store.dropExpired(now());
    if (dropped > 0) logger.info({ event: 'checkins_dropped', count: dropped }, 'check-ins dropped after their window');
    const claimed = await store.claimDue(now(), this.worker, now() + this.leaseMs, this.options.batch ?? 20);
    // Each check-in on its own: one channel that does not answer delays no other.
    const outcomes = await Promise.all(claimed.map(async (checkIn) => {
      try {
        await withDeadline(this.options.deliver(checkIn), this.deliveryTimeoutMs, this.stopping.signal);
      } catch (error) {
        const retry = checkIn.attempts >= this.maxAttempts ? checkIn.expiresAt : now() + this.backoffMs(checkIn.attempts);
        await Promise.resolve(store.retryAt(checkIn.id, this.worker, retry)).catch((failure: unknown) => {
          // The claim then runs out by itself and the check-in is tried again after its lease.
          logger.error({ event: 'checkin_release_failed', id: checkIn.id, err: (failure as Error).name }, 'could not release a failed check-in');
        });
        logger.warn({ event: 'checkin_send_failed', id: checkIn.id, attempts: checkIn.attempts, err: (error as Error).name }, 'check-in delivery failed');
        return 0;
      }
      // Sent: never retried as a failed send. Recording it is tried twice; if the database is
      // gone both times, the claim runs out and the check-in may be sent again after the lease.
      for (let attempt = 1; attempt <= 2; attempt += 1) {
        try {
          if (await store.markSent(checkIn.id, this.worker, now())) return 1;
          logger.warn({ event: 'checkin_lease_lost', id: checkIn.id }, 'sent after the lease was lost');
          return 0;
        } catch (error) {
          logger.error({ event: 'checkin_mark_failed', id: checkIn.id, attempt, err: (error as Error).name }, 'a sent check-in could not be recorded as sent');
        }
      }
      return 0;
    }));
    return outcomes.reduce((a: number, b: number) => a + b, 0);
  }

  /** Ticks every `intervalMs` until stop(); one tick at a time. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().then(() => undefined, (error: unknown) => {
        this.options.logger.error({ event: 'scheduler_tick_failed', err: (error as Error).name }, 'scheduler tick failed');
      }).finally(() => { this.running = undefined; });
    }, intervalMs);
    this.timer.unref();
  }

  /**
   * Stops ticking. A delivery under way gets `graceMs` to finish; then its outbound calls are cut
   * and it counts as failed (retried later, within its window), so a channel that never answers
   * cannot hold the shutdown.
   */
  async stop(graceMs = 2_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.active.size === 0) return;
    const all = Promise.all([...this.active]);
    if (!(await settlesWithin(all, graceMs))) {
      this.options.logger.warn({ event: 'checkin_send_cut', graceMs }, 'check-in delivery still running at shutdown; cutting it short');
      this.options.abortOutbound?.();
      this.stopping.abort();
      await all;
    }
  }
}
