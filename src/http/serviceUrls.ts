/**
 * Anonymous mode's rule for the `serviceUrl` a request names: the bot posts its replies (and later
 * check-ins) there, so without a signed channel token vouching for it, a forged request could
 * make this server call any address it can reach. Accepted: none at all (expectReplies), this
 * machine (the Emulator, the local Direct Line, tests), or one under an ALLOWED_SERVICE_URLS entry.
 */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function serviceUrlAllowed(serviceUrl: unknown, allowed: readonly string[]): boolean {
  if (serviceUrl === undefined || serviceUrl === null || serviceUrl === '') return true;
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (LOOPBACK.test(url.hostname)) return true;
  return allowed.some((entry) => {
    const base = new URL(entry);
    if (base.origin !== url.origin) return false;
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    return base.pathname === '/' || url.pathname === base.pathname || url.pathname.startsWith(prefix);
  });
}
