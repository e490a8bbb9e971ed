import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState } from 'botbuilder';
import type { Server } from 'restify';
import { AuditLog } from './audit/auditLog';
import { auditMiddleware } from './audit/auditMiddleware';
import { loadAuditKey } from './audit/pseudonym';
import { AfterscanBot } from './bot';
import { loadCommands } from './commands';
import { CONTENT_VERSION } from './content/version';
import type { Config } from './config';
import { installErrorBoundary } from './errorBoundary';
import { createLocalizer } from './i18n';
import { loadLexicon } from './lexicons';
import type { Logger } from './logger';
import { createServer } from './server';
import { SqliteStorage } from './storage/sqliteStorage';

export interface App {
  server: Server;
  bot: AfterscanBot;
  storage: SqliteStorage;
  audit: AuditLog;
  close: () => Promise<void>;
}

/**
 * Wires the concrete parts together. The only place that chooses implementations: tests
 * build the same app on a temporary DATA_DIR and an ephemeral port.
 */
export function buildApp(config: Readonly<Config>, logger: Logger, now: () => number = Date.now): App {
  const storage = new SqliteStorage(path.join(config.dataDir, 'afterscan.db'), now);
  const localizer = createLocalizer(config.defaultLocale);
  for (const lng of localizer.languages) {
    loadLexicon(lng);
    loadCommands(lng);
  }
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  const audit = new AuditLog(path.join(config.dataDir, 'afterscan.db'));
  adapter.use(auditMiddleware({ append: (r) => audit.append(r), key: loadAuditKey(config.auditKey, config.dataDir), contentVersion: CONTENT_VERSION, now, logger }));
  const bot = new AfterscanBot({
    config,
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    localizer,
    lexicon: (lng) => loadLexicon(lng),
    commands: (lng) => loadCommands(lng),
    logger,
    now,
  });
  installErrorBoundary(adapter, { config, localizer, logger, clearDialogs: (context) => bot.clearDialogs(context) });
  const server = createServer({ adapter, logic: (context) => bot.run(context), ready: () => storage.ping(), logger, maxBodyBytes: config.maxBodyBytes });
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    storage.close();
    audit.close();
  };
  return { server, bot, storage, audit, close };
}
