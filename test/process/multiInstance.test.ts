import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgCheckInStore } from '../../src/schedule/pgCheckInStore';
import { TURN_LOCK_CLASS } from '../../src/storage/turnLock';
import { Patient, startApp, type Reply } from '../helpers/app';
import { startFakeConnector } from '../helpers/fakeConnector';
import { runPostgresTests, startPostgres, type TestCluster } from '../helpers/postgres';
import { freePort } from '../helpers/ports';
import { CALM, questionId } from '../helpers/questions';

/** The compiled entry point (`npm test` and the global setup build dist first). */
const ENTRY = path.resolve(__dirname, '../../dist/src/index.js');

interface Instance { child: ChildProcess; port: number; url: string; exited: Promise<number | null> }

/** `node dist/src/index.js` on PostgreSQL, as `npm start` runs it; resolves once it listens. */
async function spawnInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ENTRY], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'test', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_CONVERSATION: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (String(chunk).includes('"event":"listening"')) resolve(); });
    void exited.then((code) => reject(new Error(`exited early with ${code}`)));
  });
  return { child, port, url: `http://127.0.0.1:${port}`, exited };
}

const until = async (what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const HELLO = /checking on your leg as you asked/;

/**
 * A patient answering every question calmly, one turn per step, each turn to the URL given: the
 * questions asked, in order, up to the teach-back question.
 */
function walker(conversation: string) {
  const asked: string[] = [];
  let at: string | undefined;
  let started = false;
  return {
    asked,
    get done(): boolean { return started && (at === undefined || at === 'teachBack' || asked.length >= 40); },
    step: async (url: string): Promise<void> => {
      const p = new Patient(url, conversation);
      at = questionId(await (started ? p.say(CALM[at!]!) : p.say('hi')));
      started = true;
      if (at !== undefined && at !== 'teachBack') asked.push(at);
    },
  };
}

describe.runIf(runPostgresTests)('several instances on one PostgreSQL', () => {
  let cluster: TestCluster;
  const instances: Instance[] = [];
  beforeAll(async () => { cluster = await startPostgres(); }, 120_000);
  afterAll(() => {
    for (const i of instances) i.child.kill('SIGKILL');
    cluster?.stop();
  });

  it('H05: three processes deliver each check-in exactly once, also when the one that claimed a check-in is killed (SIGKILL) before sending it; a conversation loses nothing', async () => {
    const url = await cluster.createDatabase();
    const connector = await startFakeConnector();
    // Started together: their migrations race for the advisory lock.
    const env = { DATABASE_URL: url, AUDIT_KEY: 'a-test-key-of-enough-length', CHECKIN_DAYS: 'PT3S', CHECKIN_WINDOW_HOURS: '1', SCHEDULER_INTERVAL_MS: '1000', CHECKIN_LEASE_SECONDS: '15' };
    instances.push(...(await Promise.all([1, 2, 3].map(() => spawnInstance(env)))));
    const pool = new pg.Pool({ connectionString: url });
    // If an assertion fails before pool.end(), the cluster stops under idle connections: not an uncaught error.
    pool.on('error', () => undefined);
    const store = new PgCheckInStore(pool);
    const delivered = (conversation: string): number => connector.posted.filter((x) => x.activity.conversation?.id === conversation && HELLO.test(x.activity.text ?? '')).length;

    // One check-in booked through a real conversation (due 3 s later), twelve more already due.
    const booked = new Patient(instances[0]!.url, 'mp-booked');
    const viaChannel = (p: Patient, text: string): Promise<Reply[]> => p.send({ type: 'message', text, serviceUrl: connector.url });
    let last = await viaChannel(booked, 'hi');
    for (let i = 0; i < 40 && questionId(last) !== 'followUpOffer'; i += 1) last = await viaChannel(booked, { ...CALM, legTrend: 'about the same', teachBack: 'call 999' }[questionId(last)!]!);
    expect(questionId(last)).toBe('followUpOffer');
    await viaChannel(booked, 'yes');
    const reference = (id: string) => ({ channelId: 'test', serviceUrl: connector.url, conversation: { id }, user: { id: `${id}-user` }, bot: { id: 'afterscan' }, locale: 'en' });
    const now = Date.now();
    const ids = Array.from({ length: 12 }, (_, i) => `mp-${i}`);
    await store.add(ids.map((id) => ({ id, userKey: `test/users/${id}-user`, reference: reference(id), locale: 'en', dueAt: now, expiresAt: now + 3600_000 })));

    // The next one: its conversation's lock is held here, so whichever instance claims it stops
    // between the claim and the send; that instance is then killed.
    // A conversation under way on all three instances in turn (one of them is about to be killed).
    const shared = walker('mp-walk-shared');
    for (let n = 0; n < 5; n += 1) await shared.step(instances[n % 3]!.url);

    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_CLASS, 'test/mp-kill']);
    await store.add([{ id: 'mp-kill', userKey: 'test/users/mp-kill-user', reference: reference('mp-kill'), locale: 'en', dueAt: now, expiresAt: now + 3600_000 }]);
    let claimedBy = '';
    await until('the claim', async () => {
      claimedBy = (await pool.query<{ claimed_by: string | null }>(`SELECT claimed_by FROM checkins WHERE id = 'mp-kill' AND status = 'claimed'`)).rows[0]?.claimed_by ?? '';
      return claimedBy !== '';
    });
    const pid = Number(claimedBy.split(':')[1]);
    const victim = instances.find((i) => i.child.pid === pid)!;
    expect(victim).toBeDefined();
    victim.child.kill('SIGKILL');
    await victim.exited;
    await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, 'test/mp-kill']);
    await holder.end();

    await until('every check-in sent', async () => (await store.counts()).sent === 14);
    for (const id of ['mp-booked', 'mp-kill', ...ids]) expect(delivered(id), id).toBe(1);
    const row = (await pool.query<{ claimed_by: string; attempts: number }>(`SELECT claimed_by, attempts FROM checkins WHERE id = 'mp-kill'`)).rows[0]!;
    expect(row.claimed_by).not.toBe(claimedBy);
    expect(row.attempts).toBe(2);
    // A while later, still once each: nothing is sent twice.
    await new Promise((r) => setTimeout(r, 2500));
    expect(connector.posted.filter((x) => HELLO.test(x.activity.text ?? ''))).toHaveLength(14);

    // The conversation goes on, alternating between the survivors: it asks what it would have asked on one instance.
    const survivors = instances.filter((i) => i !== victim);
    for (let n = 0; !shared.done; n += 1) await shared.step(survivors[n % 2]!.url);
    const single = await startApp();
    const alone = walker('mp-walk-alone');
    while (!alone.done) await alone.step(single.url);
    expect(alone.asked.length).toBeGreaterThan(10);
    expect(shared.asked).toEqual(alone.asked);
    // SIGTERM: each survivor finishes, closes its pools and exits 0; the server sees no connection of theirs left.
    for (const i of survivors) i.child.kill('SIGTERM');
    expect(await Promise.all(survivors.map((i) => i.exited))).toEqual([0, 0]);
    const left = await pool.query(`SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE application_name = 'afterscan'`);
    expect(left.rows[0]).toEqual({ n: 0 });
    await pool.end();
    await connector.stop();
  }, 120_000);

  it('an instance that cannot reach its database does not start: exit 1 and one line naming DATABASE_URL', async () => {
    const closed = await freePort();
    const run = spawnSync(process.execPath, ['--disable-warning=DEP0111', ENTRY], {
      env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: `postgres://afterscan@127.0.0.1:${closed}/none`, DATABASE_TIMEOUT_MS: '1000' },
      encoding: 'utf8', timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^afterscan: cannot start: the database \(DATABASE_URL\) is not usable: .*ECONNREFUSED/m);
  });
});
