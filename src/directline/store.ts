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
  /** Past this many bytes of activity JSON, a conversation drops its oldest. */
  maxConversationBytes: number;
  /** Past this many bytes in all conversations, the least recently active drop their oldest. */
  maxTotalBytes: number;
  /** A conversation used this recently is never evicted: a new one is refused instead. */
  protectMs: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  idleMs: 60 * 60_000, maxConversations: 1000, maxActivities: 500, tokenTtlMs: 30 * 60_000,
  maxConversationBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024, protectMs: 10 * 60_000,
};

/** A new conversation, or why not: every slot holds a conversation in recent use. */
export type Created = { ok: true; conversation: Conversation } | { ok: false; retryAfterSeconds: number };

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
  private total = 0;

  constructor(private readonly limits: StoreLimits, private readonly now: () => number) {}

  /** Bytes of activity JSON held in all conversations. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  /**
   * A new conversation for a server-chosen user id (`dl_…`, the prefix Azure uses for its own).
   * When full, the least recently active one makes room, but only if it has been unused for
   * `protectMs`: a flood of new conversations cannot push out a patient who is chatting.
   */
  tryCreate(locale?: string): Created {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) break;
      const freeAt = oldest.lastActive + this.limits.protectMs;
      if (freeAt > this.now()) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - this.now()) / 1000)) };
      this.remove(oldest);
    }
    const conversation = new Conversation(random(18), `dl_${random(12)}`, locale, {
      maxActivities: this.limits.maxActivities,
      maxBytes: Math.min(this.limits.maxConversationBytes, this.limits.maxTotalBytes),
      onBytes: (delta) => this.account(delta),
    });
    this.touch(conversation);
    return { ok: true, conversation };
  }

  /** As tryCreate; throws when full (for callers that know there is room). */
  create(locale?: string): Conversation {
    const created = this.tryCreate(locale);
    if (!created.ok) throw new Error('local Direct Line is full');
    return created.conversation;
  }

  /** Forget me: drops what a conversation holds; it stays open (the page shows the confirmation). */
  erase(conversationId: string): boolean {
    const conversation = this.conversations.get(conversationId);
    conversation?.clear();
    return conversation !== undefined;
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

  /** Keeps the total under its cap by trimming the least recently active conversations first. */
  private account(delta: number): void {
    this.total += delta;
    if (delta <= 0 || this.total <= this.limits.maxTotalBytes) return;
    for (const conversation of this.conversations.values()) {
      while (this.total > this.limits.maxTotalBytes && conversation.dropOldest());
      if (this.total <= this.limits.maxTotalBytes) return;
    }
  }

  private remove(conversation: Conversation): void {
    conversation.clear();
    this.conversations.delete(conversation.id);
    for (const token of conversation.tokens) this.tokens.delete(token);
  }
}
