import type { Activity } from 'botbuilder';
import { validateActivity } from '../http/activityValidation';
import type { Conversation, WireActivity } from './conversation';

/** The bot's account as the local channel shows it. */
export interface BotAccount {
  id: string;
  name: string;
}

/** What Web Chat may send; anything else would be the channel's own business. */
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);

/** Fields a client may set. Ids, addresses, serviceUrl and deliveryMode are the server's to set. */
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'locale', 'localTimestamp', 'localTimezone', 'value', 'name', 'channelData', 'entities'] as const;

export type ClientActivity = { ok: true; fields: Record<string, unknown> } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps the client-settable part of a posted activity and checks it with the same rules as
 * /api/messages, so a malformed post is a short 400 here rather than a failure in the bot.
 * Uploads (attachments) are not supported by this endpoint.
 */
export function readClientActivity(body: unknown): ClientActivity {
  if (!isObject(body)) return { ok: false, error: 'body must be a JSON object' };
  if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) return { ok: false, error: 'activity type must be message, event or typing' };
  if (Array.isArray(body.attachments) && body.attachments.length > 0) return { ok: false, error: 'attachments are not supported' };
  const fields: Record<string, unknown> = {};
  for (const key of CLIENT_FIELDS) if (body[key] !== undefined && body[key] !== null) fields[key] = body[key];
  if (fields.channelData !== undefined && !isObject(fields.channelData)) return { ok: false, error: 'channelData must be an object' };
  if (fields.entities !== undefined && !(Array.isArray(fields.entities) && fields.entities.every(isObject))) return { ok: false, error: 'entities must be a list of objects' };
  // Only the bot issues dispositions (S4); one posted by a client is dropped, not echoed.
  if (Array.isArray(fields.entities)) fields.entities = fields.entities.filter((e: Record<string, unknown>) => e.type !== 'disposition');
  if (fields.name !== undefined && typeof fields.name !== 'string') return { ok: false, error: 'name must be a string' };
  const checked = validateActivity({ ...fields, conversation: { id: 'c' }, from: { id: 'u' }, deliveryMode: 'expectReplies' });
  return checked.ok ? { ok: true, fields } : { ok: false, error: checked.error };
}

/** What Web Chat reads back from its own echo: the matching id and its send time, short strings only. */
const PAGE_CHANNEL_DATA = ['clientActivityID', 'clientTimestamp'] as const;
const PAGE_FIELDS = ['type', 'text', 'textFormat', 'locale'] as const;

/**
 * The part of a posted activity kept in the conversation (the echo the page polls back): its
 * text and the id Web Chat matches the echo by. Card values, entities and any other channelData
 * go to the bot for that one turn and are not kept, so a post's size no longer decides how much
 * memory it holds or how long every later poll takes.
 */
export function forPage(fields: Record<string, unknown>): { type: string; [field: string]: unknown } {
  const kept: Record<string, unknown> = {};
  for (const key of PAGE_FIELDS) if (fields[key] !== undefined) kept[key] = fields[key];
  if (isObject(fields.channelData)) {
    const channelData: Record<string, unknown> = {};
    for (const key of PAGE_CHANNEL_DATA) {
      const v = fields.channelData[key];
      if (typeof v === 'string' && v.length <= 100) channelData[key] = v;
    }
    if (Object.keys(channelData).length > 0) kept.channelData = channelData;
  }
  return { ...kept, type: String(fields.type) };
}

/** The addressing every activity in a local conversation carries, seen from the user's side. */
export function fromUser(conversation: Conversation, bot: BotAccount): Record<string, unknown> {
  return {
    channelId: 'webchat',
    conversation: { id: conversation.id },
    from: { id: conversation.userId, role: 'user' },
    recipient: { id: bot.id, name: bot.name, role: 'bot' },
  };
}

/** The activity the bot receives for a stored user activity: same id, plus where to call back. */
export function toBot(stored: WireActivity, conversation: Conversation, serviceUrl: string): Partial<Activity> {
  const locale = typeof stored.locale === 'string' ? stored.locale : conversation.locale;
  return { ...stored, timestamp: new Date(stored.timestamp), serviceUrl, locale } as Partial<Activity>;
}

/** The start of a conversation, which Web Chat does not send itself on Direct Line: the bot answers it with the welcome. */
export function joinActivity(conversation: Conversation, bot: BotAccount, serviceUrl: string, nowMs: number): Partial<Activity> {
  return {
    ...fromUser(conversation, bot),
    type: 'conversationUpdate',
    id: `${conversation.id}|join`,
    timestamp: new Date(nowMs),
    membersAdded: [{ id: conversation.userId, role: 'user' }],
    serviceUrl,
    locale: conversation.locale,
  } as Partial<Activity>;
}

/**
 * A bot activity made fit for the client: the channel's own addressing and ids, and never
 * the service URL (it holds the key that lets the bot post into conversations).
 */
export function fromBot(reply: Partial<Activity> | Record<string, unknown>, conversation: Conversation, bot: BotAccount): { type: string; [field: string]: unknown } {
  const { serviceUrl: _s, deliveryMode: _d, id: _i, timestamp: _t, from: _f, recipient: _r, conversation: _c, channelId: _ch, callerId: _cid, ...rest } = reply as Record<string, unknown>;
  return {
    ...rest,
    type: typeof reply.type === 'string' ? reply.type : 'message',
    channelId: 'webchat',
    conversation: { id: conversation.id },
    from: { id: bot.id, name: bot.name, role: 'bot' },
    recipient: { id: conversation.userId, role: 'user' },
  };
}
