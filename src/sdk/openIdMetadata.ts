import { AuthenticationError } from 'botframework-connector';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import type { Outbound } from '../http/outbound';

interface MetadataFields { url: string; lastUpdated: number; keys?: unknown[]; proxySettings?: unknown }
type Refresh = ((this: MetadataFields) => Promise<void>) & { bounded?: boolean };
/** The prototype seen through its private method (the SDK declares it private). */
type Patched = { refreshCache: Refresh };

const inFlight = new WeakMap<object, Promise<void>>();
let current: Outbound | undefined;

const unavailable = (what: string): AuthenticationError => new AuthenticationError(`Failed to load ${what}`, 500);

async function refresh(meta: MetadataFields, outbound: Outbound): Promise<void> {
  const signal = outbound.signal();
  const config = await fetch(meta.url, { signal }).catch(() => { throw unavailable('openID config'); });
  if (!config.ok) throw unavailable(`openID config: ${config.status}`);
  const jwksUri = ((await config.json().catch(() => null)) as { jwks_uri?: unknown } | null)?.jwks_uri;
  if (typeof jwksUri !== 'string') throw unavailable('openID config: no jwks_uri');
  const keys = await fetch(jwksUri, { signal }).catch(() => { throw unavailable('keys'); });
  if (!keys.ok) throw unavailable(`keys: ${keys.status}`);
  const body = (await keys.json().catch(() => null)) as { keys?: unknown } | null;
  if (!Array.isArray(body?.keys)) throw unavailable('keys: no key list');
  meta.keys = body.keys;
  meta.lastUpdated = Date.now();
}

/**
 * The SDK fetches Microsoft's sign-in metadata and signing keys (when its cache is empty or a key
 * id is unknown) with no timeout and once per waiting request: with the endpoint hanging, every
 * token-shaped request held a request and an outbound connection open indefinitely. This makes
 * the refresh bounded by the outbound deadline and shared: concurrent requests wait on one fetch.
 * A proxy-configured metadata (not used here) keeps the SDK's own fetch. Idempotent.
 */
export function boundOpenIdMetadata(outbound: Outbound): void {
  const proto = OpenIdMetadata.prototype as unknown as Patched;
  const original = proto.refreshCache;
  current = outbound;
  if (original.bounded) return;
  const bounded: Refresh = function (this: MetadataFields): Promise<void> {
    if (this.proxySettings) return original.call(this);
    const pending = inFlight.get(this);
    if (pending) return pending;
    const started = refresh(this, current!).finally(() => inFlight.delete(this));
    inFlight.set(this, started);
    return started;
  };
  bounded.bounded = true;
  proto.refreshCache = bounded;
}
