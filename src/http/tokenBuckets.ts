/** The outcome of asking for one request's worth of budget. */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number; firstRefusal: boolean };

export interface TokenBucketOptions {
  /** Sustained requests per minute; also the burst (a full bucket). */
  perMinute: number;
  /** Most keys remembered; the least recently used goes first. Bounds memory under key churn. */
  maxKeys: number;
  now: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Already refused since it last had a token: lets callers log once per burst, not per request. */
  refused: boolean;
}

/**
 * Token buckets keyed by conversation or client address, in a size-capped Map kept in
 * least-recently-used order. A bucket that has refilled is indistinguishable from a new one,
 * so it is dropped (expiry); the cap bounds memory when an attacker rotates keys. Evicting a
 * half-empty bucket only makes the limit a little more lenient for that key, never stricter.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (options.perMinute <= 0 || options.maxKeys <= 0) throw new Error('perMinute and maxKeys must be positive');
    this.perMs = options.perMinute / 60_000;
  }

  /** How many keys are remembered (for tests and diagnostics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `key`, or says how long until one is available. */
  take(key: string): Admission {
    const now = this.options.now();
    this.sweep(now);
    const capacity = this.options.perMinute;
    const previous = this.buckets.get(key);
    const bucket: Bucket = previous
      ? { ...previous, tokens: Math.min(capacity, previous.tokens + (now - previous.at) * this.perMs), at: now }
      : { tokens: capacity, at: now, refused: false };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refused = false;
      this.evictOverflow();
      return { ok: true };
    }
    const firstRefusal = !bucket.refused;
    bucket.refused = true;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)), firstRefusal };
  }

  /** Drops a few refilled buckets from the least recently used end: amortised O(1) per call. */
  private sweep(now: number): void {
    let checked = 0;
    for (const [key, bucket] of this.buckets) {
      if (checked++ >= 4) break;
      const full = bucket.tokens + (now - bucket.at) * this.perMs >= this.options.perMinute;
      if (!full) break;
      this.buckets.delete(key);
    }
  }

  private evictOverflow(): void {
    while (this.buckets.size > this.options.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) return;
      this.buckets.delete(oldest.value);
    }
  }
}
