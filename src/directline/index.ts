import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { CONNECTOR_BASE, registerConnectorRoutes } from './connector';
import { registerDirectLineRoutes, type DirectLineDeps } from './routes';
import { ConversationStore, DEFAULT_LIMITS, type StoreLimits } from './store';

export { LocalDeliveryAdapter } from './adapter';
export { ConversationStore, DEFAULT_LIMITS, type StoreLimits } from './store';
export type { WireActivity } from './conversation';

export type LocalDirectLineDeps = Omit<DirectLineDeps, 'store' | 'serviceUrl'> & { limits?: Partial<StoreLimits> };

export interface LocalDirectLine {
  store: ConversationStore;
  /** This server's own Bot Connector address for local conversations (after listen). */
  serviceUrl: () => string;
}

/**
 * The address the bot calls back on, from where the server actually listens (tests listen on
 * port 0, so it is only known after listen). A wildcard address is reached over loopback.
 */
export function serviceUrlOf(server: Server, key: string): () => string {
  return () => {
    const address = server.address() as AddressInfo | string | null;
    if (!address || typeof address === 'string') throw new Error('server is not listening on a TCP port');
    const ip = address.address;
    const host = ip === '0.0.0.0' || ip === '::' ? '127.0.0.1' : ip.includes(':') ? `[${ip}]` : ip;
    return `http://${host}:${address.port}${CONNECTOR_BASE}/${key}`;
  };
}

/**
 * A Direct Line 3.0 endpoint inside this server, so Web Chat can talk to the bot with no Azure
 * account: the client routes under /v3/directline and the connector routes the bot posts to.
 * Conversations live in memory only and end with the process.
 */
export function registerLocalDirectLine(server: Server, deps: LocalDirectLineDeps): LocalDirectLine {
  const store = new ConversationStore({ ...DEFAULT_LIMITS, ...deps.limits }, deps.now);
  const key = randomBytes(24).toString('base64url');
  const serviceUrl = serviceUrlOf(server, key);
  registerDirectLineRoutes(server, { ...deps, store, serviceUrl });
  registerConnectorRoutes(server, { store, key, bot: deps.bot, logger: deps.logger, maxBodyBytes: deps.maxBodyBytes, now: deps.now });
  return { store, serviceUrl };
}
