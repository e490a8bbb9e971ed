import type { Request, Response } from 'restify';

/** Headers a cross-origin caller of /api/* may send (JSON bodies and Direct Line tokens). */
const ALLOW_HEADERS = 'Content-Type, Authorization';
const ALLOW_METHODS = 'GET, POST, OPTIONS';

const sameOrigin = (origin: string, host: string | undefined): boolean => {
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
};

/**
 * The routes a browser on another site must not call unless listed: the API, and the local
 * Direct Line (a cross-site page could otherwise open conversations, tokens/generate included).
 */
const guarded = (path: string): boolean => path.startsWith('/api/') || path.startsWith('/v3/directline/');

/**
 * CORS for /api/* and /v3/directline/*: a browser on another site may call them only when its origin is
 * listed in CORS_ORIGINS (default: none). The chat page at / is same-origin, so it needs no
 * entry; Bot Framework and curl send no Origin and are not affected. A request from an origin
 * that is neither same-origin nor listed gets 403 before any work (a "simple" POST would
 * otherwise still run even though the browser hides the answer). Returns false once answered.
 */
export function applyCors(req: Request, res: Response, allowed: ReadonlySet<string>): boolean {
  if (!guarded(req.getPath())) return true;
  if (allowed.size > 0) res.header('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined || sameOrigin(origin, req.headers.host)) return true;
  if (!allowed.has(origin.toLowerCase())) {
    res.header('Cache-Control', 'no-store');
    res.send(403, { error: 'origin not allowed' });
    return false;
  }
  res.header('Access-Control-Allow-Origin', origin);
  if (req.method !== 'OPTIONS') return true;
  res.header('Access-Control-Allow-Methods', ALLOW_METHODS);
  res.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
  res.header('Access-Control-Max-Age', '600');
  res.send(204);
  return false;
}

/** The one place that reads an Origin list (CORS_ORIGINS): https origins, or http on this machine. */
export function isOriginList(text: string): boolean {
  const origin = /^(https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?)$/i;
  return text.split(/[\s,]+/).filter(Boolean).every((s) => origin.test(s));
}
