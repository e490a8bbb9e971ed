import type { Logger } from './logger';

export interface Closable {
  /** Graceful: stop accepting, let in-flight turns finish, stop background work, close storage. */
  close: () => Promise<void>;
  /** Drops every open connection, so a stuck request cannot hold the process past its deadline. */
  forceClose: () => void;
}

/**
 * Runs the graceful close within `timeoutMs` and says how it ended. A platform sends SIGTERM and
 * kills the process some seconds later (App Service, Kubernetes: about 30 s); ending on our own
 * deadline first means storage is always closed (WAL checkpointed) rather than cut off. The last
 * quarter of the budget (at most 1 s) is kept for closing after connections are forced shut.
 */
export async function shutdown(app: Closable, timeoutMs: number, logger: Logger): Promise<'clean' | 'forced'> {
  const started = Date.now();
  const reserve = Math.min(1000, Math.floor(timeoutMs / 4));
  const closing = app.close();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'forced'>((resolve) => { timer = setTimeout(() => resolve('forced'), timeoutMs - reserve); });
  const outcome = await Promise.race([closing.then(() => 'clean' as const), deadline]);
  clearTimeout(timer);
  if (outcome === 'forced') {
    logger.warn({ event: 'shutdown_forced', waitedMs: Date.now() - started }, 'in-flight requests did not finish in time; closing their connections');
    app.forceClose();
    await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, reserve))]);
  }
  logger.info({ event: 'shutdown_complete', outcome, durationMs: Date.now() - started }, 'stopped');
  return outcome;
}
