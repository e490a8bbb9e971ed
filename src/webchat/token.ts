import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';

export interface TokenDeps {
  /** DIRECT_LINE_SECRET; without it the route answers 404. */
  secret?: string;
  /** DIRECT_LINE_ENDPOINT, e.g. https://directline.botframework.com/v3/directline. */
  endpoint: string;
  logger: Logger;
  timeoutMs?: number;
}

export interface DirectLineToken {
  token: string;
  conversationId?: string;
  expires_in: number;
  /** The user id the token is bound to; the page gives it to Web Chat as userID. */
  userId: string;
}

function send(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(status, body);
}

/** The upstream answer, if it has the shape Direct Line documents. */
function readUpstream(body: unknown): Omit<DirectLineToken, 'userId'> | null {
  const b = body as { token?: unknown; conversationId?: unknown; expires_in?: unknown } | null;
  if (!b || typeof b.token !== 'string' || b.token.length === 0 || b.token.length > 4096) return null;
  return {
    token: b.token,
    ...(typeof b.conversationId === 'string' ? { conversationId: b.conversationId } : {}),
    expires_in: typeof b.expires_in === 'number' && Number.isFinite(b.expires_in) ? b.expires_in : 1800,
  };
}

/**
 * GET/POST /api/directline/token: trades the Direct Line secret for a short-lived token bound to
 * a fresh `dl_` user id, server-side, so the secret never reaches a browser (with the secret,
 * anyone could open conversations as any user). The upstream's own words never reach the
 * client: any failure is a short 502.
 */
export function registerTokenRoute(server: Server, deps: TokenDeps): void {
  const handler = async (_req: Request, res: Response): Promise<void> => {
    if (!deps.secret) return send(res, 404, { error: 'Direct Line is not configured' });
    const userId = `dl_${randomBytes(12).toString('base64url')}`;
    try {
      const upstream = await fetch(`${deps.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${deps.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      const parsed = upstream.ok ? readUpstream(await upstream.json().catch(() => null)) : null;
      if (!parsed) {
        deps.logger.warn({ event: 'directline_token_failed', status: upstream.status }, 'Direct Line token request failed');
        return send(res, 502, { error: 'could not get a chat token' });
      }
      send(res, 200, { ...parsed, userId } satisfies DirectLineToken);
    } catch (error) {
      deps.logger.warn({ event: 'directline_token_failed', err: (error as Error)?.name }, 'Direct Line token request failed');
      send(res, 502, { error: 'could not get a chat token' });
    }
  };
  server.get('/api/directline/token', handler);
  server.post('/api/directline/token', handler);
}
