import type { Server } from 'node:http';

/**
 * Node's defaults let a slow client hold a socket for minutes (requestTimeout 300 s) and close
 * idle keep-alive sockets after 5 s, which races proxies that reuse them. These values:
 * - keepAliveTimeout 65 s: longer than the idle timeout of common load balancers (60 s), so the
 *   proxy, not Node, closes an idle connection and never sends onto a socket Node just closed;
 * - headersTimeout 20 s: the whole header block must arrive in time (slow-header attacks);
 * - requestTimeout 30 s: a whole request, body included; a turn takes milliseconds, and a
 *   channel gives up long before this;
 * - the check runs every 2 s (default 30 s), so the limits hold to within a couple of seconds.
 */
export const TIMEOUTS = { keepAliveMs: 65_000, headersMs: 20_000, requestMs: 30_000, checkEveryMs: 2_000 } as const;

/** Applies TIMEOUTS; must run before listen() (the checking interval starts on 'listening'). */
export function applyTimeouts(server: Server, timeouts: { keepAliveMs: number; headersMs: number; requestMs: number; checkEveryMs: number } = TIMEOUTS): void {
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = timeouts.checkEveryMs;
}
