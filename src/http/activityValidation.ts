/** Activity types the Bot Framework protocol defines (botframework-schema ActivityTypes). */
const ACTIVITY_TYPES = new Set([
  'message', 'contactRelationUpdate', 'conversationUpdate', 'typing', 'endOfConversation', 'event', 'invoke',
  'invokeResponse', 'deleteUserData', 'messageUpdate', 'messageDelete', 'installationUpdate', 'messageReaction',
  'suggestion', 'trace', 'handoff', 'command', 'commandResult',
]);

/** The most text the bot reads from one activity, wherever it sits (text, or a card's value.text). */
export const MAX_TEXT = 10_000;
const MAX_ID = 512;

export type Validation = { ok: true; activity: Record<string, unknown> } | { ok: false; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const isDate = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
const optional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || v === null || check(v);

/**
 * Checks the parts of an activity the bot relies on, so a malformed request gets a short
 * 400 here instead of a 500 (with an internal message) from deep inside the SDK.
 */
export function validateActivity(body: unknown, options: { fromChannel?: boolean } = {}): Validation {
  const fail = (error: string): Validation => ({ ok: false, error });
  if (!isObject(body)) return fail('body must be a JSON object');
  if (typeof body.type !== 'string') return fail('activity type is missing');
  if (!ACTIVITY_TYPES.has(body.type)) return fail('activity type is not supported');
  if (!isObject(body.conversation) || !isId(body.conversation.id)) return fail('conversation.id is missing or invalid');
  if (!isObject(body.from) || !isId(body.from.id)) return fail('from.id is missing or invalid');
  // A channel always names itself, and state is keyed by it (the SDK throws without it); a
  // local Direct Line client does not, and gets it from the server.
  if (options.fromChannel && !isId(body.channelId)) return fail('channelId is missing or invalid');
  if (!optional(body.channelId, isId)) return fail('channelId is invalid');
  if (!optional(body.recipient, isObject)) return fail('recipient is invalid');
  if (!optional(body.text, (v) => typeof v === 'string' && v.length <= MAX_TEXT)) return fail('text must be a string of at most 10000 characters');
  // The bot reads a card's value.text as the patient's words (src/bot/messageText.ts): the same limit applies.
  if (isObject(body.value) && !optional(body.value.text, (v) => typeof v === 'string' && v.length <= MAX_TEXT)) return fail('value.text must be a string of at most 10000 characters');
  if (!optional(body.locale, (v) => typeof v === 'string' && v.length <= 35)) return fail('locale is invalid');
  if (!optional(body.serviceUrl, (v) => typeof v === 'string' && /^https?:\/\//.test(v))) return fail('serviceUrl is invalid');
  if (body.deliveryMode !== 'expectReplies' && typeof body.serviceUrl !== 'string') return fail('serviceUrl is required unless deliveryMode is expectReplies');
  if (!isDate(body.timestamp) || !isDate(body.localTimestamp) || !isDate(body.expiration)) return fail('a timestamp is invalid');
  if (!optional(body.membersAdded, (v) => Array.isArray(v) && v.every((m) => isObject(m) && isId(m.id)))) return fail('membersAdded is invalid');
  // The SDK's invoke handlers write to value and read value.action.type without checking: a
  // TypeError inside the turn for other shapes (both found by fuzzing). Teams sends objects.
  if (body.type === 'invoke' && !optional(body.value, isObject)) return fail('invoke value must be an object');
  if (body.type === 'invoke' && body.name === 'adaptiveCard/action' && !(isObject(body.value) && isObject(body.value.action))) return fail('adaptiveCard/action needs value.action');
  return { ok: true, activity: body };
}
