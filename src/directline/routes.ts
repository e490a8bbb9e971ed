import type { TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { readJson } from '../http/readJson';
import type { Logger } from '../logger';
import type { LocalDeliveryAdapter } from './adapter';
import { forPage, fromBot, fromUser, joinActivity, readClientActivity, toBot, type BotAccount } from './activities';
import type { Conversation } from './conversation';
import { bearer, bodyError, readOptionalJson, reply } from './http';
import type { Access, ConversationStore } from './store';
import type { RequestLimits } from '../http/requestLimits';
import { TokenBuckets } from '../http/tokenBuckets';

export interface DirectLineDeps {
  store: ConversationStore;
  adapter: LocalDeliveryAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Where the bot calls back (known only once the server listens). */
  serviceUrl: () => string;
  bot: BotAccount;
  logger: Logger;
  maxBodyBytes: number;
  now: () => number;
  /** Per-conversation rate limit on posted activities (the per-client one applies server-wide). */
  requestLimits?: RequestLimits;
  /** Polls (GET activities) per minute per conversation; 0 or absent: no limit. */
  readsPerMinute?: number;
}

const BASE = '/v3/directline';
const LOCALE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/;

/**
 * The client half of Direct Line 3.0 (polling only, no streamUrl), as botframework-directlinejs
 * and Web Chat use it: tokens, start, post, poll, refresh. Each user activity is echoed into the
 * conversation with its id and channelData.clientActivityID (Web Chat marks a send as failed
 * without the echo), then handed to the bot in-process; its replies are appended after it.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineDeps): void {
  const { store, bot, logger } = deps;
  // Web Chat polls once a second; a script polling big histories in a loop would take the CPU.
  const reads = deps.readsPerMinute ? new TokenBuckets({ perMinute: deps.readsPerMinute, maxKeys: 20_000, now: deps.now }) : undefined;

  /** A new conversation, or 503 with Retry-After when every slot is in recent use (none is evicted). */
  const create = (res: Response): Conversation | null => {
    const created = store.tryCreate();
    if (created.ok) return created.conversation;
    logger.warn({ event: 'directline_full' }, 'local Direct Line is full of active conversations; refusing a new one');
    res.header('Retry-After', String(created.retryAfterSeconds));
    reply(res, 503, { error: 'too many conversations, try again later' });
    return null;
  };

  /** Token check for calls on one conversation: 401 without a bearer token, 404/403 from the store. */
  const access = (req: Request, res: Response): { conversation: Conversation; token: string } | null => {
    const auth = bearer(req);
    if (!auth.ok) { reply(res, 401, { error: auth.present ? 'authorization must be a bearer token' : 'authorization required' }); return null; }
    const found: Access = store.authorize(String(req.params.conversationId ?? ''), auth.token);
    if (!found.ok) { reply(res, found.status, { error: found.error }); return null; }
    return { conversation: found.conversation, token: auth.token };
  };

  /** Runs one bot turn and appends its replies; a failure is logged by name only (S5, S7). */
  const runTurn = async (conversation: Conversation, activity: Parameters<LocalDeliveryAdapter['deliver']>[0]): Promise<boolean> => {
    try {
      const replies = await deps.adapter.deliver(activity, deps.logic);
      for (const r of replies) conversation.append(fromBot(r, conversation, bot), deps.now());
      return true;
    } catch (error) {
      logger.error({ event: 'directline_turn_failed', err: (error as Error)?.name }, 'local Direct Line turn failed');
      return false;
    }
  };

  /** Sends the welcome once, when the client first starts the conversation. */
  const start = async (conversation: Conversation): Promise<void> => {
    if (conversation.started) return;
    conversation.started = true;
    await conversation.serialize(() => runTurn(conversation, joinActivity(conversation, bot, deps.serviceUrl(), deps.now())));
  };

  server.post(`${BASE}/tokens/generate`, async (_req: Request, res: Response) => {
    const conversation = create(res);
    if (!conversation) return;
    reply(res, 200, { ...store.issueToken(conversation), userId: conversation.userId });
  });

  server.post(`${BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    const auth = bearer(req);
    if (!auth.ok) return reply(res, 401, { error: 'authorization required' });
    const found = store.byToken(auth.token);
    if (!found.ok) return reply(res, found.status, { error: found.error });
    reply(res, 200, store.issueToken(found.conversation));
  });

  server.post(`${BASE}/conversations`, async (req: Request, res: Response) => {
    const auth = bearer(req);
    if (!auth.ok && auth.present) return reply(res, 401, { error: 'authorization must be a bearer token' });
    const body = await readOptionalJson(req, deps.maxBodyBytes);
    if (!body.ok) return bodyError(res, body);
    const locale = (body.value as { locale?: unknown } | null)?.locale;
    if (locale !== undefined && !(typeof locale === 'string' && LOCALE.test(locale))) return reply(res, 400, { error: 'locale is invalid' });
    let conversation: Conversation;
    let token: { conversationId: string; token: string; expires_in: number };
    if (auth.ok) {
      const found = store.byToken(auth.token);
      if (!found.ok) return reply(res, found.status, { error: found.error });
      conversation = found.conversation;
      token = { conversationId: conversation.id, token: auth.token, expires_in: store.secondsLeft(auth.token) };
    } else {
      const created = create(res);
      if (!created) return;
      conversation = created;
      token = store.issueToken(conversation);
    }
    const fresh = !conversation.started;
    if (fresh && typeof locale === 'string') conversation.locale = locale;
    await start(conversation);
    reply(res, fresh ? 201 : 200, token);
  });

  server.get(`${BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const granted = access(req, res);
    if (granted) reply(res, 200, { conversationId: granted.conversation.id, token: granted.token, expires_in: store.secondsLeft(granted.token) });
  });

  server.post(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = access(req, res)?.conversation;
    if (!conversation) return;
    if (deps.requestLimits && !deps.requestLimits.admitConversation(res, `directline:${conversation.id}`)) return;
    const body = await readJson(req, deps.maxBodyBytes);
    if (!body.ok) return bodyError(res, body);
    const posted = readClientActivity(body.value);
    if (!posted.ok) return reply(res, 400, { error: posted.error });
    const result = await conversation.serialize(async () => {
      const echo = conversation.append({ ...forPage(posted.fields), ...fromUser(conversation, bot) }, deps.now());
      // The bot gets the whole (checked) activity for this turn; only the echo is kept.
      return { id: echo.id, answered: await runTurn(conversation, toBot({ ...posted.fields, ...echo }, conversation, deps.serviceUrl())) };
    });
    if (!result.answered) return reply(res, 502, { error: 'the bot did not answer' });
    reply(res, 200, { id: result.id });
  });

  server.get(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = access(req, res)?.conversation;
    if (!conversation) return;
    const raw = new URLSearchParams(req.getQuery()).get('watermark') ?? '';
    if (raw !== '' && !/^\d{1,15}$/.test(raw)) return reply(res, 400, { error: 'watermark is invalid' });
    const allowed = reads?.take(conversation.id);
    if (allowed && !allowed.ok) {
      if (allowed.firstRefusal) logger.warn({ event: 'rate_limited', scope: 'directline_reads' }, 'rate limit reached');
      res.header('Retry-After', String(allowed.retryAfterSeconds));
      return reply(res, 429, { error: 'too many requests' });
    }
    reply(res, 200, conversation.since(raw === '' ? 0 : Number(raw)));
  });
}
