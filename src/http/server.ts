import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { validateActivity } from './activityValidation';
import { readJson } from './readJson';
import { applyCors } from './cors';
import type { RequestLimits } from './requestLimits';
import { applyTimeouts } from './timeouts';
import { CONNECTOR_BASE } from '../directline/connector';
import type { LocalDeliveryAdapter } from '../directline/adapter';
import { checkBearerShape } from './bearerCheck';
import { serviceUrlAllowed } from './serviceUrls';
import { setApiSecurityHeaders } from '../webchat/headers';

export interface ServerDeps {
  adapter: LocalDeliveryAdapter;
  /** Runs one turn: the bot's logic. */
  logic: (context: TurnContext) => Promise<void>;
  /** True while storage answers (readiness); the database may answer later. */
  ready: () => boolean | Promise<boolean>;
  logger: Logger;
  maxBodyBytes: number;
  /** Credentials are configured: every request must carry a bearer JWT for the adapter to validate. */
  requireAuth: boolean;
  /** Rate limits for the POST routes (the per-client one is applied here for every such route). */
  limits: RequestLimits;
  /** Origins allowed to call /api/* from a browser (CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** Anonymous mode: the service URLs besides loopback a request may name (ALLOWED_SERVICE_URLS). */
  allowedServiceUrls: readonly string[];
  /** How long authenticating one request may take (the sign-in key fetch behind it can hang). */
  authTimeoutMs: number;
}

/**
 * POST routes that start work for a caller: the Bot Framework endpoint, the token exchange and
 * the local Direct Line client routes. The local connector is the bot calling itself over
 * loopback (proactive check-ins) and is not a client.
 */
const limitedPost = (path: string): boolean =>
  path.startsWith('/api/') || (path.startsWith('/v3/directline/') && !path.startsWith(`${CONNECTOR_BASE}/`));

const BEARER_JWT = /^Bearer [\w-]+\.[\w-]+\.[\w-]*$/;

const SHORT: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 429: 'too many requests', 500: 'internal error', 503: 'service unavailable' };

/**
 * The response handed to the SDK. CloudAdapter writes `err.message` into 500 and 401
 * bodies; this shim keeps status codes and successful bodies but replaces error bodies
 * with a short, fixed message (S7: no internal message ever reaches an HTTP body).
 */
function guardedResponse(res: Response) {
  let status = 200;
  return {
    status(code: number) { status = code; return this; },
    send(body?: unknown) {
      if (status >= 400) res.send(status, { error: SHORT[status] ?? 'request failed' });
      else if (body === undefined) res.send(status);
      else res.send(status, body);
      return this;
    },
    end() { if (!res.headersSent) res.send(status); return this; },
    header(name: string, value: string) { res.header(name, value); return this; },
  };
}

/**
 * The HTTP surface: POST /api/messages (Bot Framework protocol through CloudAdapter, with
 * our own body limit and validation in front), GET /healthz and GET /readyz. Every error
 * answer is a short JSON object, never a stack trace.
 */
export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'afterscan', handleUncaughtExceptions: false });
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    err.toJSON = () => ({ error: SHORT[status] ?? 'request failed' });
    callback();
  });
  applyTimeouts(server.server as import('node:http').Server);

  // Before routing, so a refused request costs no body read and no turn.
  const allowedOrigins = new Set(deps.corsOrigins);
  server.pre((req: Request, res: Response, next: (proceed?: false) => void) => {
    // Every answer, 404 and 405 included; the page and its files set their own policy over these.
    setApiSecurityHeaders(res);
    if (!applyCors(req, res, allowedOrigins)) return next(false);
    if (req.method === 'POST' && limitedPost(req.getPath()) && !deps.limits.admitClient(req, res)) return next(false);
    return next();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    // Reject what cannot be a Bot Framework token before reading the body: one short log line,
    // and the SDK never sees it (it prints a stack for every refusal, and would look keys up).
    const authorization = String(req.headers.authorization ?? '');
    if (deps.requireAuth) {
      const shape = BEARER_JWT.test(authorization) ? checkBearerShape(authorization) : { ok: false as const, reason: 'no_bearer' };
      if (!shape.ok) {
        deps.logger.info({ event: 'unauthorized', path: '/api/messages', reason: shape.reason }, 'request without an acceptable bearer token');
        res.send(401, { error: SHORT[401] });
        return;
      }
    }
    const body = await readJson(req, deps.maxBodyBytes);
    if (!body.ok) {
      if (body.status === 413) res.header('Connection', 'close');
      res.send(body.status, { error: body.error });
      return;
    }
    const checked = validateActivity(body.value, { fromChannel: true });
    if (!checked.ok) {
      res.send(400, { error: checked.error });
      return;
    }
    if (!deps.requireAuth && !serviceUrlAllowed(checked.activity.serviceUrl, deps.allowedServiceUrls)) {
      deps.logger.info({ event: 'service_url_refused', path: '/api/messages' }, 'serviceUrl is not loopback or in ALLOWED_SERVICE_URLS');
      res.send(400, { error: 'serviceUrl not allowed' });
      return;
    }
    const conversationKey = `${String(checked.activity.channelId ?? '')}:${(checked.activity.conversation as { id: string }).id}`;
    if (!deps.limits.admitConversation(res, conversationKey)) return;
    (req as Request & { body: unknown }).body = checked.activity;
    try {
      if (deps.requireAuth) {
        const outcome = await deps.adapter.processAuthorized(authorization, checked.activity as unknown as Activity, deps.logic, deps.authTimeoutMs);
        if (!outcome.ok) {
          deps.logger.warn({ event: outcome.status === 401 ? 'unauthorized' : 'auth_unavailable', path: '/api/messages', reason: outcome.reason },
            outcome.status === 401 ? 'token refused' : 'could not check the token in time');
          if (outcome.status === 503) res.header('Retry-After', '10');
          res.send(outcome.status, { error: SHORT[outcome.status] });
          return;
        }
        const status = outcome.response?.status ?? 200;
        if (status >= 400) res.send(status, { error: SHORT[status] ?? 'request failed' });
        else if (outcome.response?.body === undefined) res.send(status);
        else res.send(status, outcome.response.body);
        return;
      }
      await deps.adapter.process(req, guardedResponse(res) as unknown as Response, deps.logic);
    } catch (error) {
      deps.logger.error({ event: 'process_failed', err: (error as Error).name }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: SHORT[500] });
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await Promise.resolve(deps.ready()).catch(() => false);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'storage unavailable' });
  });

  return server;
}
