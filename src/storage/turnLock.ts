import type { Middleware, TurnContext } from 'botbuilder';
import type pg from 'pg';
import type { Logger } from '../logger';
import { isUnanswered, type Outage } from './outage';

/** Advisory lock class of conversation turns (the id is hashtext of the conversation key). */
export const TURN_LOCK_CLASS = 0x41667466;

/** Longest a turn waits for another turn of its conversation (which is bounded by the outbound timeouts) to end. */
const LOCK_WAIT_MS = 30_000;
const LOCK_RETRY_MS = 20;

/** The key a conversation's turns are serialised on: channel and conversation id, as the bot's own queue. */
export const turnLockKey = (context: TurnContext): string => `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;

/**
 * One turn at a time per conversation across every instance sharing the database: a turn (a
 * message, a check-in) first takes a PostgreSQL advisory lock named after its conversation and
 * holds it until its state is saved, so a load balancer sending two messages of one
 * conversation to two instances gets them answered in order, each on the state the other saved.
 * The bot's in-process queue still orders turns inside one instance.
 *
 * The locks live on their own small pool: a turn waiting for a lock holds one of its
 * connections, never one that the turn holding the lock needs for its state. A lock held by an
 * instance that dies is released by the server when its connection closes. Waiting is bounded
 * (30 s); when the lock cannot be had (the wait ran out, or the database
 * is down) the turn runs anyway, logged: the red-flag screen must answer whatever the database
 * does (S1). While the database is suspected down (`outage`), the lock is not even tried.
 */
export function conversationTurnLock(pool: pg.Pool, logger: Logger, outage: Outage): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const key = turnLockKey(context);
      let client: pg.PoolClient | undefined;
      if (outage.suspected) {
        logger.warn({ event: 'turn_lock_skipped' }, 'the database did not answer just now; the turn runs without the conversation lock');
        await next();
        return;
      }
      try {
        client = await pool.connect();
        // Tried, not waited for on the server: each try is bounded by the pool's short statement
        // timeout, so a server that stops answering costs DATABASE_TIMEOUT_MS, not the whole wait.
        const until = Date.now() + LOCK_WAIT_MS;
        for (;;) {
          const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [TURN_LOCK_CLASS, key]);
          outage.answered();
          if (rows[0]?.ok) break;
          if (Date.now() > until) throw Object.assign(new Error('conversation lock wait ran out'), { code: 'LOCK_WAIT' });
          await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS));
        }
      } catch (error) {
        if ((error as { code?: string }).code !== 'LOCK_WAIT' && isUnanswered(error)) outage.failed();
        // A connection whose lock wait failed may hold nothing or be broken: never reuse it.
        client?.release(true);
        client = undefined;
        logger.warn({ event: 'turn_lock_unavailable', err: (error as { code?: string }).code ?? (error as Error).name }, 'the conversation lock could not be taken; the turn runs without it');
      }
      try {
        await next();
      } finally {
        if (client) {
          const held = client;
          await held.query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, key]).then(
            () => held.release(),
            // Closing the session releases its locks.
            () => held.release(true),
          );
        }
      }
    },
  };
}
