import type { Reply } from './app';

/** An activity as the local Direct Line returns it. */
export interface WireActivity extends Reply {
  id: string;
  timestamp: string;
  from: { id: string; role?: string; name?: string };
  recipient?: { id: string; role?: string };
  conversation: { id: string };
  channelId: string;
  replyToId?: string;
  channelData?: Record<string, unknown>;
  serviceUrl?: string;
}

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

/** A raw request that never throws on an error status, for asserting on the answer. */
export async function call<T = Record<string, unknown>>(url: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<HttpResult<T>> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const res = await fetch(url, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  let body: unknown = undefined;
  try { body = JSON.parse(text); } catch { body = undefined; }
  return { status: res.status, body: body as T, text, headers: res.headers };
}

/** A Direct Line 3.0 client doing what botframework-directlinejs does, in polling mode. */
export class DirectLineClient {
  watermark = '';
  private clientSeq = 0;

  private constructor(readonly base: string, public token: string, readonly conversationId: string, readonly userId: string) {}

  /** tokens/generate, then start the conversation with that token (the page's order). */
  static async start(url: string, locale = 'en-GB'): Promise<DirectLineClient> {
    const grant = await call<{ token: string; conversationId: string; userId: string }>(`${url}/v3/directline/tokens/generate`, { method: 'POST' });
    if (grant.status !== 200) throw new Error(`generate: HTTP ${grant.status}`);
    const started = await call(`${url}/v3/directline/conversations`, { method: 'POST', token: grant.body.token, json: { locale } });
    if (started.status !== 201) throw new Error(`start: HTTP ${started.status}`);
    return new DirectLineClient(`${url}/v3/directline`, grant.body.token, grant.body.conversationId, grant.body.userId);
  }

  get activitiesUrl(): string {
    return `${this.base}/conversations/${this.conversationId}/activities`;
  }

  /** New activities since the last poll. */
  async poll(): Promise<WireActivity[]> {
    const res = await call<{ activities: WireActivity[]; watermark: string }>(`${this.activitiesUrl}?watermark=${this.watermark}`, { token: this.token });
    if (res.status !== 200) throw new Error(`poll: HTTP ${res.status} ${res.text}`);
    this.watermark = res.body.watermark;
    return res.body.activities;
  }

  async post(activity: Record<string, unknown>): Promise<HttpResult<{ id: string }>> {
    return call<{ id: string }>(this.activitiesUrl, { method: 'POST', token: this.token, json: activity });
  }

  /** Sends a message as Web Chat does and returns what arrived after it (echo first). */
  async say(text: string): Promise<WireActivity[]> {
    this.clientSeq += 1;
    const res = await this.post({ type: 'message', text, from: { id: 'web-chat-own-id', role: 'user' }, channelData: { clientActivityID: `client-${this.clientSeq}` } });
    if (res.status !== 200) throw new Error(`post: HTTP ${res.status} ${res.text}`);
    return this.poll();
  }
}

export const fromBot = (activities: WireActivity[]): WireActivity[] => activities.filter((a) => a.from.role === 'bot');
