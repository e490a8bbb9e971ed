import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { shutdown } from './shutdown';
import { StartupError } from './startupError';

function main(): void {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`afterscan: configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = buildApp(config, logger);
  } catch (error) {
    // A folder or key the operator must fix: one line that names it, no stack.
    if (error instanceof StartupError) {
      process.stderr.write(`afterscan: cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const listen = (): void => { app.server.listen(config.port, config.host, () => {
    app.startBackground();
    // Since the process started, module loading included (most of it is the SDK).
    const ms = process.uptime() * 1000;
    logger.info({ event: 'listening', host: config.host, port: config.port, env: config.env, auth: config.bot.appId ? 'bot-framework' : 'anonymous', webChat: app.webChat.mode, startupMs: Math.round(ms) },
      `Afterscan listening on http://localhost:${config.port}/api/messages; chat page at http://localhost:${config.port}/`);
  }); };
  // PostgreSQL: the schema is brought up to date before the first request (SQLite: at once).
  app.prepared.then(listen, (error: unknown) => {
    process.stderr.write(`afterscan: cannot start: the database (DATABASE_URL) is not usable: ${(error as Error).message}\n`);
    void app.close().finally(() => process.exit(1));
  });
  // Exit 0 only when every in-flight turn finished and storage closed cleanly.
  const stop = (signal: string): void => {
    logger.info({ event: 'shutdown', signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    shutdown(app, config.shutdownTimeoutMs, logger).then((outcome) => process.exit(outcome === 'clean' ? 0 : 1), () => process.exit(1));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main();
