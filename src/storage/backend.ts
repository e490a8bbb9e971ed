import path from 'node:path';
import type { Middleware, Storage, TurnContext } from 'botbuilder';
import type pg from 'pg';
import { AsyncAuditWriter } from '../audit/asyncAuditWriter';
import { AuditLog, type AuditRecord } from '../audit/auditLog';
import { AuditWriter } from '../audit/auditWriter';
import { PgAuditLog } from '../audit/pgAuditLog';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { CheckInSchedule, CheckInStore } from '../schedule/checkInStore';
import { PgCheckInStore } from '../schedule/pgCheckInStore';
import { SqliteCheckInStore } from '../schedule/sqliteCheckInStore';
import { TurnCheckIns } from '../schedule/turnCheckIns';
import { createPool, migrate } from './pgDatabase';
import { PgStorage } from './pgStorage';
import { SqliteStorage } from './sqliteStorage';
import { Outage } from './outage';
import { conversationTurnLock } from './turnLock';

/**
 * Everything the bot keeps, in one of two places: the embedded SQLite file in DATA_DIR (one
 * instance, no server) or PostgreSQL (DATABASE_URL; several instances share it). The app sees
 * one shape either way.
 */
export interface Backend {
  kind: 'sqlite' | 'postgres';
  /** botbuilder Storage for conversation and user state. */
  storage: Storage;
  /** The check-in schedule, for the scheduler and retention. */
  schedule: CheckInSchedule;
  /** The check-in schedule as the bot calls it during a turn. */
  botCheckIns: CheckInStore;
  /** Middleware around the whole turn (before holdRepliesUntilSaved): the cross-instance conversation lock. */
  outer: Middleware[];
  /** Middleware inside holdRepliesUntilSaved (its failure drops held replies): check-in changes made during the turn. */
  inner: (userKeyOf: (context: TurnContext) => string) => Middleware[];
  /** Never throws: a record that cannot be written waits and is retried. */
  auditWrite: (record: AuditRecord) => void;
  /** Writes waiting audit records; true when none is left. */
  auditFlush: () => boolean | Promise<boolean>;
  /** Readiness: the database takes a write and no state write failed lately. */
  ping: () => boolean | Promise<boolean>;
  /** Retention: state not written since the cut-off and finished check-ins; returns how many rows. */
  purge: (cutoff: number) => Promise<number>;
  /** After forget me: make the deletion final where the backend keeps copies (SQLite's WAL). */
  afterErase: () => void;
  /** Resolves when the schema is ready (PostgreSQL migrations); rejects with the reason it is not. */
  prepared: Promise<void>;
  /** Flushes and closes (the pool ends after the last query). */
  close: () => Promise<void>;
  sqlite?: { storage: SqliteStorage; audit: AuditLog; checkIns: SqliteCheckInStore };
  postgres?: { pool: pg.Pool; storage: PgStorage; checkIns: PgCheckInStore; audit: PgAuditLog };
}

export function openBackend(config: Readonly<Config>, logger: Logger, now: () => number): Backend {
  return config.database ? postgresBackend(config.database, logger, now) : sqliteBackend(config, logger, now);
}

function sqliteBackend(config: Readonly<Config>, logger: Logger, now: () => number): Backend {
  const file = path.join(config.dataDir, 'afterscan.db');
  const storage = new SqliteStorage(file, now);
  const audit = new AuditLog(file);
  const checkIns = new SqliteCheckInStore(file);
  const writer = new AuditWriter((r) => audit.append(r), logger);
  return {
    kind: 'sqlite', storage, schedule: checkIns, botCheckIns: checkIns, outer: [], inner: () => [],
    auditWrite: (r) => writer.write(r),
    auditFlush: () => writer.flush(),
    ping: () => storage.ping(),
    purge: async (cutoff) => storage.purgeOlderThan(cutoff) + checkIns.purgeFinishedBefore(cutoff),
    afterErase: () => {
      // No copy of the erased rows left readable in DATA_DIR (secure_delete, then the WAL truncated).
      if (!storage.scrub()) logger.warn({ event: 'scrub_incomplete' }, 'forget me: the WAL could not be truncated now (a reader was active); it will be on the next erase or at shutdown');
    },
    prepared: Promise.resolve(),
    close: async () => {
      writer.flush();
      storage.close();
      audit.close();
      checkIns.close();
    },
    sqlite: { storage, audit, checkIns },
  };
}

function postgresBackend(settings: NonNullable<Config['database']>, logger: Logger, now: () => number): Backend {
  const pool = createPool({ url: settings.url, max: settings.poolMax, connectTimeoutMs: settings.timeoutMs, statementTimeoutMs: settings.timeoutMs }, logger);
  // The conversation locks' own pool: a turn waiting for its lock holds one of these, never a
  // connection the turn holding the lock needs for its state.
  const lockPool = createPool({ url: settings.url, max: settings.poolMax, connectTimeoutMs: settings.timeoutMs, statementTimeoutMs: settings.timeoutMs }, logger);
  const outage = new Outage();
  const storage = new PgStorage(pool, now, outage);
  const checkIns = new PgCheckInStore(pool);
  const audit = new PgAuditLog(pool);
  const writer = new AsyncAuditWriter((r) => audit.append(r), logger);
  const view = new TurnCheckIns(checkIns, logger, outage);
  let migrated = false;
  // Started once the app is built: building it (compiling every lexicon) holds the event loop for
  // a while, and a connection attempt begun before would see its timeout run out meanwhile.
  const prepared = new Promise<void>((resolve) => { setImmediate(resolve); }).then(() => migrate(pool)).then((applied) => {
    migrated = true;
    logger.info({ event: 'database_ready', backend: 'postgres', applied }, 'PostgreSQL schema up to date');
  });
  prepared.catch(() => undefined); // the entry point reports it; never an unhandled rejection
  // The turn's check-in changes are settled before its state is written: a booking that failed
  // leaves the state as it was (the offer still open), as with SQLite.
  const turnStorage: Storage = {
    read: (keys) => storage.read(keys),
    write: async (changes) => { await view.settleTurn(); await storage.write(changes); },
    delete: (keys) => storage.delete(keys),
  };
  return {
    kind: 'postgres', storage: turnStorage, schedule: checkIns, botCheckIns: view,
    outer: [conversationTurnLock(lockPool, logger, outage)],
    inner: (userKeyOf) => [view.middleware(userKeyOf)],
    auditWrite: (r) => writer.write(r),
    auditFlush: () => writer.flush(),
    ping: async () => migrated && storage.ping(),
    purge: async (cutoff) => (await storage.purgeOlderThan(cutoff)) + (await checkIns.purgeFinishedBefore(cutoff)),
    // PostgreSQL frees the deleted rows' space itself (autovacuum); there is no local file to scrub.
    afterErase: () => undefined,
    prepared,
    close: async () => {
      await writer.flush().catch(() => false);
      await Promise.all([pool.end(), lockPool.end()]);
    },
    postgres: { pool, storage, checkIns, audit },
  };
}
