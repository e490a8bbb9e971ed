import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { CheckIn, CheckInStore } from './checkInStore';

export interface SchedulerOptions {
  store: CheckInStore;
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
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.leaseMs = options.leaseMs ?? 2 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? ((n) => Math.min(60 * 60_000, 30_000 * 2 ** (n - 1)));
    this.worker = options.worker ?? randomUUID();
  }

  /** One pass: drop what is too late, then deliver what is due. Returns how many were sent. */
  async tick(): Promise<number> {
    const { store, now, logger } = this.options;
    const dropped = store.dropExpired(now());
    if (dropped > 0) logger.info({ event: 'checkins_dropped', count: dropped }, 'check-ins dropped after their window');
    const claimed = store.claimDue(now(), this.worker, now() + this.leaseMs, this.options.batch ?? 20);
    let sent = 0;
    for (const checkIn of claimed) {
      try {
        await this.options.deliver(checkIn);
        if (store.markSent(checkIn.id, this.worker, now())) sent += 1;
        else logger.warn({ event: 'checkin_lease_lost', id: checkIn.id }, 'sent after the lease was lost');
      } catch (error) {
        const retry = checkIn.attempts >= this.maxAttempts ? checkIn.expiresAt : now() + this.backoffMs(checkIn.attempts);
        store.retryAt(checkIn.id, this.worker, retry);
        logger.warn({ event: 'checkin_send_failed', id: checkIn.id, attempts: checkIn.attempts, err: (error as Error).name }, 'check-in delivery failed');
      }
    }
    return sent;
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

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
