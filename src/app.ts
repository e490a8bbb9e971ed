import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import type { Server } from 'restify';
import type { AuditLog } from './audit/auditLog';
import { auditMiddleware } from './audit/auditMiddleware';
import { holdRepliesUntilSaved } from './bot/heldReplies';
import { loadAuditKey } from './audit/pseudonym';
import { AfterscanBot } from './bot/afterscanBot';
import { loadAnswerWords } from './language/answerWords';
import { findLocalesDir, localeLanguages } from './language/localesDir';
import { localeProblems } from './language/completeness';
import { loadCommands } from './language/commands';
import { CONTENT_VERSION } from './content/version';
import type { Config } from './config';
import { installErrorBoundary, TURN_OUTCOME, type TurnOutcome } from './bot/errorBoundary';
import { createLocalizer, type Localizer } from './language/localizer';
import { buildLanguageDirectory } from './language/directory';
import { lazyLexicons } from './language/lazyLexicons';
import { loadLexicon } from './language/lexicons';
import type { Logger } from './logger';
import { createServer } from './http/server';
import { closeGracefully } from './http/closeServer';
import { createRequestLimits } from './http/requestLimits';
import type { Server as HttpServer } from 'node:http';
import { LocalDeliveryAdapter } from './directline';
import { keepEntityFields } from './sdk/entities';
import { boundConnectorClients } from './sdk/connectorClient';
import { boundOpenIdMetadata } from './sdk/openIdMetadata';
import { ReusingBotFrameworkAuthentication } from './sdk/reusedClients';
import { JsonConversationState, JsonUserState } from './sdk/jsonState';
import { shareDialogStateConfiguration } from './sdk/dialogStateConfiguration';
import { publicCloudWith } from './sdk/authentication';
import { createOutbound, settlesWithin } from './http/outbound';
import { registerWebChat, type WebChat } from './webchat';
import { CheckInScheduler } from './schedule/scheduler';
import type { SqliteCheckInStore } from './schedule/sqliteCheckInStore';
import type { SqliteStorage } from './storage/sqliteStorage';
import { openBackend, type Backend } from './storage/backend';

const DAY_MS = 24 * 3600 * 1000;
/** How often audit records that could not be written are tried again. */
const AUDIT_RETRY_MS = 30_000;

export interface App {
  server: Server;
  bot: AfterscanBot;
  /** The offered languages and their translators. */
  localizer: Localizer;
  /** The SQLite state (without DATABASE_URL; with it, throws: use `backend.postgres`). */
  storage: SqliteStorage;
  /** The SQLite audit (without DATABASE_URL; with it, throws: use `backend.postgres`). */
  audit: AuditLog;
  adapter: CloudAdapter;
  /** The SQLite check-ins (without DATABASE_URL; with it, throws: use `backend.postgres`). */
  checkIns: SqliteCheckInStore;
  /** Where state, check-ins and audit live: SQLite in DATA_DIR, or PostgreSQL (DATABASE_URL). */
  backend: Backend;
  /** Resolves when the backend is ready to serve (PostgreSQL: schema migrated); rejects with why not. */
  prepared: Promise<void>;
  scheduler: CheckInScheduler;
  /** Purges state and finished check-ins older than RETENTION_DAYS (also runs hourly). */
  retention: () => Promise<void>;
  /** Starts the scheduler and the hourly retention purge (not started in tests, which tick by hand). */
  startBackground: () => void;
  /**
   * Graceful stop: the scheduler first (a check-in being delivered finishes, none starts), then
   * the server stops accepting and waits for in-flight turns, then storage closes (WAL flushed).
   */
  close: () => Promise<void>;
  /** Drops every open connection (the shutdown deadline passed). */
  forceClose: () => void;
  /** The browser chat page and how it reaches the bot (local Direct Line or Azure). */
  webChat: WebChat;
}

/**
 * Wires the concrete parts together. The only place that chooses implementations: tests
 * build the same app on a temporary DATA_DIR and an ephemeral port.
 */
export function buildApp(config: Readonly<Config>, logger: Logger, now: () => number = Date.now): App {
  keepEntityFields();
  const backend = openBackend(config, logger, now);
  const { storage } = backend;
  const localizer = createLocalizer(config.defaultLocale, undefined, { enabled: config.languages, allowDrafts: config.allowDraftLanguages });
  // Every language's lexicon, offered or not: red flags are read in the language a message is written in.
  // Each is compiled on its first use, once per process. Not in the background after start: a compile
  // holds the event loop (up to about a second for Arabic on a busy machine), and a SIGTERM or a turn
  // then waits for a language nobody has used yet.
  const lexicons = lazyLexicons((lng, err) => logger.error({ event: 'lexicon_failed', lng, err: err.message }, 'a red-flag lexicon does not compile; that language is not screened'));
  // A language that falls short of English is not offered (S6): say so loudly, with the first gap, so
  // one missing or extra key never switches a language off unnoticed.
  const localesDir = findLocalesDir();
  for (const lng of localeLanguages(localesDir).filter((d) => d !== 'en')) {
    if (localizer.languages.includes(lng)) continue;
    const problems = localeProblems(localesDir, lng, { compileLexicon: false });
    if (problems.length > 0) logger.error({ event: 'language_incomplete', lng, problems: problems.length, first: problems[0] }, 'a language is incomplete and is not offered; run npm run locales:check');
  }
  for (const lng of config.languages ?? []) {
    if (!localizer.languages.includes(lng)) logger.warn({ event: 'language_not_offered', lng }, 'LANGUAGES names a language that is not offered (incomplete, a draft with drafts off, or unknown)');
  }
  const commandSets = new Map(localizer.languages.map((lng) => [lng, loadCommands(lng)]));
  const answerSets = new Map(localizer.languages.map((lng) => [lng, loadAnswerWords(lng)]));
  const english = { commands: loadCommands('en'), answers: loadAnswerWords('en') };
  // Every outbound call (channel connector, sign-in keys) has a deadline, and shutdown can cut them all.
  const outbound = createOutbound(config.outboundTimeoutMs);
  boundOpenIdMetadata(outbound);
  boundConnectorClients(outbound);
  // Connector and user-token clients are made once per app id and service URL, not on every turn.
  const auth = new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
    ...(config.botOpenIdMetadata ? publicCloudWith(config.botOpenIdMetadata) : {}),
  }));
  const adapter = new LocalDeliveryAdapter(auth, config.bot.appId);
  // With PostgreSQL, a turn first takes its conversation's lock (turn order across instances).
  for (const middleware of backend.outer) adapter.use(middleware);
  // Before the audit: a question waits for the turn's state to be saved; advice never waits.
  // Every turn, HTTP or proactive, gets the one DialogStateManager configuration (built once).
  adapter.use(async (context, next) => { shareDialogStateConfiguration(context); await next(); });
  adapter.use(holdRepliesUntilSaved());
  // The bot's check-in calls during a turn (only made when check-ins are on).
  if (config.checkInDays.length > 0) for (const middleware of backend.inner((context) => bot.userKey(context))) adapter.use(middleware);
  adapter.use(auditMiddleware({ write: (r) => backend.auditWrite(r), key: loadAuditKey({ key: config.auditKey, file: config.auditKeyFile, dataDir: config.dataDir }), contentVersion: CONTENT_VERSION, now }));
  const languages = buildLanguageDirectory(localizer, localizer.negotiate(config.defaultLocale), undefined, lexicons.languages);
  const bot = new AfterscanBot({
    config,
    // State is plain JSON: its JSON text is the change check (no SHA-256 of it on every load and save).
    conversationState: new JsonConversationState(storage),
    userState: new JsonUserState(storage),
    localizer,
    languages,
    lexicon: (lng) => lexicons.get(lng) ?? lexicons.get('en') ?? loadLexicon('en'),
    commands: (lng) => commandSets.get(lng) ?? english.commands,
    answerWords: (lng) => answerSets.get(lng) ?? english.answers,
    logger,
    now,
    checkIns: config.checkInDays.length > 0 ? { store: backend.botCheckIns, days: config.checkInDays, windowHours: config.checkInWindowHours } : undefined,
    onErase: (conversationId) => {
      backend.afterErase();
      // The local Direct Line keeps a conversation's activities in memory: drop them too (a no-op for other channels' ids).
      webChat.localDirectLine?.store.erase(conversationId);
    },
  });
  const scheduler = new CheckInScheduler({
    store: backend.schedule, now, logger, leaseMs: config.checkInLeaseMs,
    // Names the instance holding a claim (host and process), for operators reading the check-ins table.
    worker: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    // A check-in turn makes a few connector calls (and, with credentials, a token request).
    deliveryTimeoutMs: 3 * config.outboundTimeoutMs,
    abortOutbound: () => outbound.abortAll(),
    // A failed send is caught by the error boundary, which marks the turn; messages go out when
    // the turn ends (holdRepliesUntilSaved), so delivery is judged after the whole turn.
    deliver: async (checkIn) => {
      const outcome: TurnOutcome = { failed: true };
      await adapter.continueConversationAsync(config.bot.appId ?? '', checkIn.reference as Partial<ConversationReference>, async (context) => {
        outcome.failed = false;
        context.turnState.set(TURN_OUTCOME, outcome);
        await bot.startCheckIn(context);
      });
      if (outcome.failed) throw new Error('check-in not delivered');
    },
  });
  const retention = async (): Promise<void> => {
    const cutoff = now() - config.retentionDays * DAY_MS;
    try {
      const purged = await backend.purge(cutoff);
      if (purged > 0) logger.info({ event: 'retention_purge', purged }, 'old state purged');
    } catch (error) {
      logger.error({ event: 'retention_failed', err: (error as { code?: string }).code ?? (error as Error).name }, 'old state could not be purged now; the next hourly run tries again');
    }
  };
  let retentionTimer: NodeJS.Timeout | undefined;
  let auditRetryTimer: NodeJS.Timeout | undefined;
  installErrorBoundary(adapter, { config, localizer, logger });
  const limits = createRequestLimits(config.limits, logger, now);
  const server = createServer({ adapter, logic: (context) => bot.run(context), ready: async () => (await backend.ping()) && (await backend.auditFlush()), logger, maxBodyBytes: config.maxBodyBytes,
    requireAuth: Boolean(config.bot.appId), limits, corsOrigins: config.corsOrigins,
    allowedServiceUrls: config.allowedServiceUrls, authTimeoutMs: config.outboundTimeoutMs });
  const webChat = registerWebChat(server, { config, adapter, logic: (context) => bot.run(context), languages: localizer.languages, logger, now, limits });
  const http = server.server as HttpServer;
  const startBackground = (): void => {
    void retention();
    retentionTimer = setInterval(() => void retention(), 3600 * 1000).unref();
    auditRetryTimer = setInterval(() => void backend.auditFlush(), AUDIT_RETRY_MS).unref();
    scheduler.start(config.schedulerIntervalMs);
  };
  // What a stuck delivery or turn gets before its outbound calls are cut (well inside the shutdown deadline).
  const graceMs = Math.min(2_000, Math.floor(config.shutdownTimeoutMs / 4));
  const close = async (): Promise<void> => {
    if (retentionTimer) clearInterval(retentionTimer);
    if (auditRetryTimer) clearInterval(auditRetryTimer);
    await scheduler.stop(graceMs);
    if (http.listening) {
      const closed = closeGracefully(http);
      // A turn still waiting on a channel that does not answer: cut the call, let the turn end.
      if (!(await settlesWithin(closed, graceMs))) outbound.abortAll();
      await closed;
    }
    // Audit records still waiting are written, then the database closes (the pool drains).
    await backend.close();
  };
  const forceClose = (): void => { outbound.abortAll(); http.closeAllConnections(); };
  const sqliteOnly = <T>(pick: (s: NonNullable<Backend['sqlite']>) => T) => (): T => {
    if (!backend.sqlite) throw new Error('this is the SQLite backend; with DATABASE_URL use app.backend.postgres');
    return pick(backend.sqlite);
  };
  return {
    server, adapter, webChat, bot, localizer, backend, prepared: backend.prepared, scheduler, retention, startBackground, close, forceClose,
    get storage() { return sqliteOnly((s) => s.storage)(); },
    get audit() { return sqliteOnly((s) => s.audit)(); },
    get checkIns() { return sqliteOnly((s) => s.checkIns)(); },
  };
}
