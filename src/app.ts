import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import type { Server } from 'restify';
import { AuditLog } from './audit/auditLog';
import { auditMiddleware } from './audit/auditMiddleware';
import { holdRepliesUntilSaved } from './heldReplies';
import { AuditWriter } from './audit/auditWriter';
import { loadAuditKey } from './audit/pseudonym';
import { AfterscanBot } from './bot';
import { loadAnswerWords } from './answerWords';
import { findLocalesDir, localeLanguages } from './localesDir';
import { localeProblems } from './localeCheck';
import { loadCommands } from './commands';
import { CONTENT_VERSION } from './content/version';
import type { Config } from './config';
import { installErrorBoundary, TURN_OUTCOME, type TurnOutcome } from './errorBoundary';
import { createLocalizer, type Localizer } from './i18n';
import { buildLanguageDirectory } from './languageDirectory';
import { lazyLexicons } from './lazyLexicons';
import { loadLexicon } from './lexicons';
import type { Logger } from './logger';
import { createServer } from './server';
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
import { SqliteCheckInStore } from './schedule/sqliteCheckInStore';
import { SqliteStorage } from './storage/sqliteStorage';

const DAY_MS = 24 * 3600 * 1000;
/** How often audit records that could not be written are tried again. */
const AUDIT_RETRY_MS = 30_000;

export interface App {
  server: Server;
  bot: AfterscanBot;
  /** The offered languages and their translators. */
  localizer: Localizer;
  storage: SqliteStorage;
  audit: AuditLog;
  adapter: CloudAdapter;
  checkIns: SqliteCheckInStore;
  scheduler: CheckInScheduler;
  /** Purges state and finished check-ins older than RETENTION_DAYS (also runs hourly). */
  retention: () => void;
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
  const storage = new SqliteStorage(path.join(config.dataDir, 'afterscan.db'), now);
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
  const audit = new AuditLog(path.join(config.dataDir, 'afterscan.db'));
  const checkIns = new SqliteCheckInStore(path.join(config.dataDir, 'afterscan.db'));
  // Before the audit: a question waits for the turn's state to be saved; advice never waits.
  // Every turn, HTTP or proactive, gets the one DialogStateManager configuration (built once).
  adapter.use(async (context, next) => { shareDialogStateConfiguration(context); await next(); });
  adapter.use(holdRepliesUntilSaved());
  const auditWriter = new AuditWriter((r) => audit.append(r), logger);
  adapter.use(auditMiddleware({ write: (r) => auditWriter.write(r), key: loadAuditKey({ key: config.auditKey, file: config.auditKeyFile, dataDir: config.dataDir }), contentVersion: CONTENT_VERSION, now }));
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
    checkIns: config.checkInDays.length > 0 ? { store: checkIns, days: config.checkInDays, windowHours: config.checkInWindowHours } : undefined,
    onErase: (conversationId) => {
      // No copy of the erased rows left readable in DATA_DIR (secure_delete, then the WAL truncated).
      if (!storage.scrub()) logger.warn({ event: 'scrub_incomplete' }, 'forget me: the WAL could not be truncated now (a reader was active); it will be on the next erase or at shutdown');
      // The local Direct Line keeps a conversation's activities in memory: drop them too (a no-op for other channels' ids).
      webChat.localDirectLine?.store.erase(conversationId);
    },
  });
  const scheduler = new CheckInScheduler({
    store: checkIns, now, logger,
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
  const retention = (): void => {
    const cutoff = now() - config.retentionDays * DAY_MS;
    const purged = storage.purgeOlderThan(cutoff) + checkIns.purgeFinishedBefore(cutoff);
    if (purged > 0) logger.info({ event: 'retention_purge', purged }, 'old state purged');
  };
  let retentionTimer: NodeJS.Timeout | undefined;
  let auditRetryTimer: NodeJS.Timeout | undefined;
  installErrorBoundary(adapter, { config, localizer, logger, clearDialogs: (context) => bot.clearDialogs(context) });
  const limits = createRequestLimits(config.limits, logger, now);
  const server = createServer({ adapter, logic: (context) => bot.run(context), ready: () => storage.ping() && auditWriter.flush(), logger, maxBodyBytes: config.maxBodyBytes,
    requireAuth: Boolean(config.bot.appId), limits, corsOrigins: config.corsOrigins,
    allowedServiceUrls: config.allowedServiceUrls, authTimeoutMs: config.outboundTimeoutMs });
  const webChat = registerWebChat(server, { config, adapter, logic: (context) => bot.run(context), languages: localizer.languages, logger, now, limits });
  const http = server.server as HttpServer;
  const startBackground = (): void => {
    retention();
    retentionTimer = setInterval(retention, 3600 * 1000).unref();
    auditRetryTimer = setInterval(() => auditWriter.flush(), AUDIT_RETRY_MS).unref();
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
    auditWriter.flush();
    storage.close();
    audit.close();
    checkIns.close();
  };
  const forceClose = (): void => { outbound.abortAll(); http.closeAllConnections(); };
  return { server, adapter, webChat, bot, localizer, storage, audit, checkIns, scheduler, retention, startBackground, close, forceClose };
}
