import type { Response } from 'restify';

export interface PagePolicy {
  /** CSP frame-ancestors sources (FRAME_ANCESTORS). */
  frameAncestors: string;
  /** Origins the page may call besides itself (the Azure Direct Line service, when used). */
  connectTo: readonly string[];
}

/**
 * sha256 of the empty string. Web Chat's scroll container (react-scroll-to-bottom) creates one
 * empty <style> without the nonce and fills it through CSSOM (insertRule), which CSP does not
 * govern; allowing exactly "empty" keeps 'unsafe-inline' out.
 */
const EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The page's Content Security Policy. Scripts only from this server (no inline script, no
 * eval); inline styles only with the per-response nonce, which Web Chat puts on the style
 * elements it creates (its `nonce` prop). Images may be data: and blob: URLs Web Chat makes
 * itself. Everything not named is refused.
 */
export function contentSecurityPolicy(policy: PagePolicy, nonce?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    nonce ? `style-src 'self' 'nonce-${nonce}' ${EMPTY_STYLE}` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...policy.connectTo].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${policy.frameAncestors}`,
  ].join('; ');
}

/** The https and wss origins of an Azure Direct Line base URL (Web Chat uses both). */
export function directLineOrigins(endpoint: string): string[] {
  const url = new URL(endpoint);
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

const PERMISSIONS = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** Headers for the page and every static file it loads (set, not added: they replace the defaults every answer gets). */
export function setSecurityHeaders(res: Response, policy: PagePolicy, nonce?: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(policy, nonce));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', PERMISSIONS);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // Older browsers ignore frame-ancestors; give them the nearest equivalent where there is one.
  if (policy.frameAncestors === "'none'") res.setHeader('X-Frame-Options', 'DENY');
  else if (policy.frameAncestors === "'self'") res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  else res.removeHeader('X-Frame-Options');
}

/**
 * Headers for every other answer (JSON, 404, 405): nothing in them is meant to be rendered,
 * framed or sniffed as something else. The page and its files replace the policy with their own.
 */
export function setApiSecurityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', PERMISSIONS);
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('X-Frame-Options', 'DENY');
}
