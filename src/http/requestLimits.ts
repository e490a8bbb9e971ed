import type { Request, Response } from 'restify';
import type { Logger } from '../logger';
import { TokenBuckets } from './tokenBuckets';

export interface LimitSettings {
  /** Requests per minute per conversation; 0 turns the limit off. */
  perConversation: number;
  /** Requests per minute per remote address; 0 turns the limit off. */
  perClient: number;
}

/** What the routes ask before doing work. Each refusal has already answered 429. */
export interface RequestLimits {
  admitClient: (req: Request, res: Response) => boolean;
  admitConversation: (res: Response, key: string) => boolean;
}

/** Keys remembered per limiter: a few MB at most, whatever the traffic. */
const MAX_KEYS = 20_000;

/**
 * Per-conversation and per-client rate limits (token buckets). A patient types a few messages
 * a minute, so the conversation limit catches a stuck client or a script without touching real
 * use. The client key is the TCP peer address, which behind Azure Bot Service (or a proxy) is
 * shared by many patients: that limit is a coarse flood guard and must stay generous.
 * X-Forwarded-For is not trusted, because anyone can write it.
 */
export function createRequestLimits(settings: LimitSettings, logger: Logger, now: () => number = Date.now): RequestLimits {
  const make = (perMinute: number): TokenBuckets | undefined => (perMinute > 0 ? new TokenBuckets({ perMinute, maxKeys: MAX_KEYS, now }) : undefined);
  const conversations = make(settings.perConversation);
  const clients = make(settings.perClient);

  const admit = (buckets: TokenBuckets | undefined, scope: string, key: string, res: Response): boolean => {
    if (!buckets) return true;
    const result = buckets.take(key);
    if (result.ok) return true;
    // Logged once per burst with the scope only: the key could identify a patient (S5).
    if (result.firstRefusal) logger.warn({ event: 'rate_limited', scope }, 'rate limit reached');
    res.header('Retry-After', String(result.retryAfterSeconds));
    res.header('Cache-Control', 'no-store');
    res.send(429, { error: 'too many requests' });
    return false;
  };

  return {
    admitClient: (req, res) => admit(clients, 'client', req.socket?.remoteAddress ?? 'unknown', res),
    admitConversation: (res, key) => admit(conversations, 'conversation', key, res),
  };
}

/** No limits: for callers that build routes without a server-wide policy (and tests of routes alone). */
export const UNLIMITED: RequestLimits = { admitClient: () => true, admitConversation: () => true };
