import { randomBytes } from 'node:crypto';
import { Conversation } from './conversation';

export interface StoreLimits {
  /** A conversation with no call for this long is gone (404). */
  idleMs: number;
  /** Past this many conversations, the least recently active is evicted. */
  maxConversations: number;
  /** Past this many activities, a conversation drops its oldest. */
  maxActivities: number;
  /** Lifetime of a token; clients refresh before it ends. */
  tokenTtlMs: number;
}

export const DEFAULT_LIMITS: StoreLimits = { idleMs: 60 * 60_000, maxConversations: 1000, maxActivities: 500, tokenTtlMs: 30 * 60_000 };

/** Why a call was refused, in Direct Line's own terms: 403 makes Web Chat refresh, 404 ends the chat. */
export type Access = { ok: true; conversation: Conversation } | { ok: false; status: 403 | 404; error: string };

export interface IssuedToken {
  conversationId: string;
  token: string;
  expires_in: number;
}

const random = (bytes: number): string => randomBytes(bytes).toString('base64url');

/**
 * The local Direct Line's memory: conversations and their bearer tokens, bounded in number,
 * size and idle time so an open port cannot grow it without limit. The Map keeps the least
 * recently active conversation first, so expiry and eviction both work from the front.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, { conversationId: string; expiresAt: number }>();

  constructor(private readonly limits: StoreLimits, private readonly now: () => number) {}

  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  /** A new conversation for a server-chosen user id (`dl_…`, the prefix Azure uses for its own). */
  create(locale?: string): Conversation {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) break;
      this.remove(oldest);
    }
    const conversation = new Conversation(random(18), `dl_${random(12)}`, locale, this.limits.maxActivities);
    this.touch(conversation);
    return conversation;
  }

  issueToken(conversation: Conversation): IssuedToken {
    const now = this.now();
    for (const old of conversation.tokens) {
      if ((this.tokens.get(old)?.expiresAt ?? 0) <= now) { this.tokens.delete(old); conversation.tokens.delete(old); }
    }
    const token = random(32);
    this.tokens.set(token, { conversationId: conversation.id, expiresAt: now + this.limits.tokenTtlMs });
    conversation.tokens.add(token);
    return { conversationId: conversation.id, token, expires_in: Math.floor(this.limits.tokenTtlMs / 1000) };
  }

  /** Whole seconds a token has left (0 when unknown or expired). */
  secondsLeft(token: string): number {
    const entry = this.tokens.get(token);
    return entry ? Math.max(0, Math.floor((entry.expiresAt - this.now()) / 1000)) : 0;
  }

  /** The conversation a live token belongs to. */
  byToken(token: string): Access {
    this.sweep();
    const entry = this.tokens.get(token);
    if (!entry || entry.expiresAt <= this.now()) return { ok: false, status: 403, error: 'token is invalid or expired' };
    return this.find(entry.conversationId, token);
  }

  /** A conversation by id, for a caller holding one of its live tokens. */
  authorize(conversationId: string, token: string): Access {
    this.sweep();
    return this.find(conversationId, token);
  }

  /** A conversation by id with no token: the bot's own connector calls (gated by the service URL key). */
  lookup(conversationId: string): Conversation | undefined {
    this.sweep();
    const conversation = this.conversations.get(conversationId);
    if (conversation) this.touch(conversation);
    return conversation;
  }

  private find(conversationId: string, token: string): Access {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return { ok: false, status: 404, error: 'conversation not found' };
    const entry = this.tokens.get(token);
    if (!entry || entry.conversationId !== conversationId || entry.expiresAt <= this.now()) {
      return { ok: false, status: 403, error: 'token is invalid or expired' };
    }
    this.touch(conversation);
    return { ok: true, conversation };
  }

  private touch(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
    conversation.lastActive = this.now();
  }

  /** Drops idle conversations from the front (least recently active) until a live one. */
  private sweep(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const conversation of this.conversations.values()) {
      if (conversation.lastActive > cutoff) break;
      this.remove(conversation);
    }
  }

  private remove(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    for (const token of conversation.tokens) this.tokens.delete(token);
  }
}
