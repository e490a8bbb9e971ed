import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import { readJson } from '../http/readJson';
import { fromBot, type BotAccount } from './activities';
import { bodyError, reply } from './http';
import type { ConversationStore } from './store';

export interface ConnectorDeps {
  store: ConversationStore;
  /** The random path segment in this process's service URL. */
  key: string;
  bot: BotAccount;
  logger: Logger;
  maxBodyBytes: number;
  now: () => number;
}

/** Path under which the bot's connector client posts (the service URL it sees ends with the key). */
export const CONNECTOR_BASE = '/v3/directline/connector';

const sameKey = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The Bot Connector calls the SDK makes to a channel's service URL: send to a conversation,
 * and reply to an activity. They carry the bot's later (proactive) messages, such as a check-in
 * sent through `adapter.continueConversationAsync` with a stored conversation reference; turns
 * started by the client use expectReplies and never come here. In anonymous mode the SDK sends
 * no Authorization header, so the service URL itself is the credential: it holds a random key
 * made at start-up (a wrong key is a plain 404) and is never shown to the client.
 */
export function registerConnectorRoutes(server: Server, deps: ConnectorDeps): void {
  const handler = async (req: Request, res: Response): Promise<void> => {
    if (!sameKey(String(req.params.key ?? ''), deps.key)) return reply(res, 404, { error: 'not found' });
    const conversation = deps.store.lookup(String(req.params.conversationId ?? ''));
    if (!conversation) return reply(res, 404, { error: 'conversation not found' });
    const body = await readJson(req, deps.maxBodyBytes);
    if (!body.ok) return bodyError(res, body);
    const activity = body.value as Record<string, unknown> | null;
    if (typeof activity !== 'object' || activity === null || Array.isArray(activity) || typeof activity.type !== 'string') {
      return reply(res, 400, { error: 'body must be an activity with a type' });
    }
    const stored = conversation.append(fromBot(activity, conversation, deps.bot), deps.now());
    deps.logger.debug({ event: 'directline_bot_post', type: stored.type }, 'bot posted to a local conversation');
    reply(res, 200, { id: stored.id });
  };
  server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities`, handler);
  server.post(`${CONNECTOR_BASE}/:key/v3/conversations/:conversationId/activities/:activityId`, handler);
}
