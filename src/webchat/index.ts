import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { registerLocalDirectLine, type LocalDeliveryAdapter, type LocalDirectLine } from '../directline';
import { DEFAULT_LIMITS } from '../directline/store';
import { directLineOrigins, type PagePolicy } from './headers';
import { registerPage, telHref } from './page';
import { loadWebStrings, pickLanguage, textDirection, webChatLocale } from './strings';
import { registerTokenRoute } from './token';
import type { RequestLimits } from '../http/requestLimits';

export interface WebChatDeps {
  config: Readonly<Config>;
  adapter: LocalDeliveryAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Languages the bot offers (complete ones only, S6). */
  languages: readonly string[];
  logger: Logger;
  now: () => number;
  /** Rate limits for the local Direct Line's posted activities. */
  limits?: RequestLimits;
}

export interface WebChat {
  /** How the page reaches the bot. */
  mode: 'local' | 'azure' | 'none';
  /** Present when LOCAL_DIRECTLINE is on. */
  localDirectLine?: LocalDirectLine;
}

/** What the page needs to start Web Chat, in the language it asked for. */
export interface PageConfig {
  emergencyNumber: string;
  tel: string;
  directLine: WebChat['mode'];
  /** Direct Line base URL for Web Chat, and where to get a token. */
  domain?: string;
  tokenUrl?: string;
  locale: string;
  /** The locale for Web Chat's own words (strings.ts, webChatLocale). */
  webChatLocale: string;
  dir: 'ltr' | 'rtl';
  strings: Readonly<Record<string, string>>;
}

/** How often the page refreshes and keeps its Direct Line token (public/app.js, REFRESH_MS). */
export const PAGE_TOKEN_REFRESH_MINUTES = 5;

/**
 * How long after the last message a reload still finds the conversation, which the page says:
 * the token it keeps is at most a refresh period old and lives 30 minutes (local and Azure
 * Direct Line alike), and the local server forgets a conversation after its idle time.
 */
export function resumeMinutes(mode: WebChat['mode'], idleMinutes: number): number {
  const tokenMinutes = DEFAULT_LIMITS.tokenTtlMs / 60_000 - PAGE_TOKEN_REFRESH_MINUTES;
  return mode === 'local' ? Math.max(1, Math.min(idleMinutes, tokenMinutes)) : tokenMinutes;
}

/**
 * Everything the browser chat needs, registered in one call: the page and its files, GET
 * /api/webchat/config, the Azure token exchange, and (when on) the local Direct Line. The page
 * uses the local endpoint when it is on, else Azure Direct Line when a secret is set.
 */
export function registerWebChat(server: Server, deps: WebChatDeps): WebChat {
  const { config, logger } = deps;
  const wc = config.webChat;
  const mode: WebChat['mode'] = wc.localDirectLine ? 'local' : wc.directLineSecret ? 'azure' : 'none';
  const strings = loadWebStrings(deps.languages, { emergencyNumber: config.emergencyNumber, minutes: String(resumeMinutes(mode, wc.local.idleMinutes)) });
  const languages = [...strings.keys()];
  const fallback = pickLanguage([config.defaultLocale], languages, 'en');
  const policy: PagePolicy = { frameAncestors: wc.frameAncestors, connectTo: mode === 'azure' ? directLineOrigins(wc.directLineEndpoint) : [] };

  registerPage(server, { policy, strings, defaultLanguage: fallback, emergencyNumber: config.emergencyNumber });
  registerTokenRoute(server, { secret: wc.directLineSecret, endpoint: wc.directLineEndpoint, logger, timeoutMs: config.outboundTimeoutMs });

  server.get('/api/webchat/config', async (req: Request, res: Response) => {
    const asked = new URLSearchParams(req.getQuery()).get('locale');
    const lng = pickLanguage(asked ? [asked] : [], languages, fallback);
    const body: PageConfig = {
      emergencyNumber: config.emergencyNumber,
      tel: telHref(config.emergencyNumber),
      directLine: mode,
      ...(mode === 'local' ? { domain: '/v3/directline', tokenUrl: '/v3/directline/tokens/generate' } : {}),
      ...(mode === 'azure' ? { domain: wc.directLineEndpoint, tokenUrl: '/api/directline/token' } : {}),
      locale: lng,
      webChatLocale: webChatLocale(lng, asked ?? undefined),
      dir: textDirection(lng),
      strings: strings.get(lng) ?? {},
    };
    res.header('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(200, body);
  });

  const localDirectLine = wc.localDirectLine
    ? registerLocalDirectLine(server, {
      adapter: deps.adapter,
      logic: deps.logic,
      bot: { id: config.bot.appId ?? 'afterscan', name: 'Afterscan' },
      logger,
      maxBodyBytes: config.maxBodyBytes,
      now: deps.now,
      ...(deps.limits ? { requestLimits: deps.limits } : {}),
      limits: { idleMs: wc.local.idleMinutes * 60_000, maxConversations: wc.local.maxConversations, maxActivities: wc.local.maxActivities,
        maxConversationBytes: wc.local.maxConversationBytes, maxTotalBytes: wc.local.maxTotalBytes, protectMs: wc.local.protectMinutes * 60_000 },
      readsPerMinute: wc.local.readsPerMinute,
    })
    : undefined;
  if (mode === 'none') logger.warn({ event: 'webchat_unavailable' }, 'web chat page has no Direct Line: set DIRECT_LINE_SECRET or LOCAL_DIRECTLINE=on');
  return { mode, ...(localDirectLine ? { localDirectLine } : {}) };
}
