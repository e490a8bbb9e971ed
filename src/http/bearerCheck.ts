/**
 * What a Bot Framework channel token can look like, checked before the SDK sees it: three
 * base64url parts, a header saying RS256 (Microsoft signs channel tokens with RSA keys), and an
 * issuer the SDK could accept (the Bot Framework token services, or an Azure AD / Entra
 * tenant). Anything else is refused without a key lookup, a stack trace or any work: `alg: none`,
 * HS256 and tokens naming some other issuer never reach the SDK. Signature, audience and expiry
 * stay the SDK's to check.
 */
const TENANT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISSUERS: readonly RegExp[] = [
  /^https:\/\/api\.botframework\.(com|us)$/,
  new RegExp(`^https://sts\\.windows\\.net/${TENANT}/$`),
  new RegExp(`^https://login\\.microsoftonline\\.(com|us)/${TENANT}/(v2\\.0)?$`),
];

export type BearerShape = { ok: true } | { ok: false; reason: 'not_jwt' | 'alg' | 'issuer' };

const part = (text: string): Record<string, unknown> | null => {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

export function checkBearerShape(authorization: string): BearerShape {
  const match = /^Bearer ([\w-]{1,4096})\.([\w-]{1,16384})\.([\w-]{1,4096})$/.exec(authorization);
  if (!match) return { ok: false, reason: 'not_jwt' };
  const header = part(match[1]!);
  const payload = part(match[2]!);
  if (!header || !payload) return { ok: false, reason: 'not_jwt' };
  if (header.alg !== 'RS256' || typeof header.kid !== 'string' || header.kid.length > 200) return { ok: false, reason: 'alg' };
  const iss = payload.iss;
  if (typeof iss !== 'string' || !ISSUERS.some((re) => re.test(iss))) return { ok: false, reason: 'issuer' };
  return { ok: true };
}
