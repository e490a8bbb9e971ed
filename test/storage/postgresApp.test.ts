import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dispositions, Patient, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { runPostgresTests, startPostgres, type TestCluster } from '../helpers/postgres';
import { answerById, CALM, questionId } from '../helpers/questions';
import { TURN_LOCK_CLASS } from '../../src/storage/turnLock';

// Whole conversations through two app instances and a database server: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

/** The whole app on PostgreSQL (DATABASE_URL), schema migrated before the first message. */
async function startOnPostgres(url: string, env: Record<string, string> = {}, now?: () => number): Promise<RunningApp> {
  const running = await startApp({ DATABASE_URL: url, AUDIT_KEY: 'a-test-key-of-enough-length', RATE_LIMIT_PER_CLIENT: '0', RATE_LIMIT_PER_CONVERSATION: '0', ...env }, now);
  await running.app.prepared;
  return running;
}

/** Every row of every table of the database, as text: what a dump or a search of the server would find. */
async function rowsHolding(url: string, text: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.t);
    const found: string[] = [];
    for (const t of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT x::text AS row FROM "${t}" x`);
      for (const r of rows) if (r.row.includes(text)) found.push(`${t}: ${r.row.slice(0, 80)}`);
    }
    return found;
  } finally {
    await client.end();
  }
}

/**
 * A TCP relay in front of the test server that can turn into a black hole: connections stay
 * open and nothing answers, as when a network partition drops packets (nothing refuses them).
 */
async function relay(port: number): Promise<{ url: (db: string) => string; blackhole: () => void; restore: () => void; close: () => void }> {
  let holding = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    sockets.add(inbound);
    inbound.on('close', () => sockets.delete(inbound));
    inbound.on('error', () => undefined);
    if (holding) return;
    const outbound = net.connect(port, '127.0.0.1');
    outbound.on('error', () => inbound.destroy());
    inbound.on('data', (d) => { if (!holding) outbound.write(d); });
    outbound.on('data', (d) => { if (!holding) inbound.write(d); });
    inbound.on('close', () => outbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const own = (server.address() as net.AddressInfo).port;
  return {
    url: (db) => db.replace(`:${port}/`, `:${own}/`),
    blackhole: () => { holding = true; },
    restore: () => { holding = false; for (const s of sockets) s.destroy(); },
    close: () => { for (const s of sockets) s.destroy(); server.close(); },
  };
}

const readyz = async (url: string): Promise<number> => (await fetch(`${url}/readyz`)).status;
const SOON: Record<string, string> = { ...CALM, legTrend: 'about the same', teachBack: 'call 999' };

let cluster: TestCluster;
describe.runIf(runPostgresTests)('the app on PostgreSQL (DATABASE_URL)', () => {
  beforeAll(async () => { cluster = await startPostgres(); }, 120_000);
  afterAll(() => cluster?.stop());

  it('a conversation whose turns alternate between two instances reaches the same advice at the same turn as on one instance', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [await startOnPostgres(url), await startOnPostgres(url)];
    const single = await startApp();
    /** Each question asked and the advice given, turn by turn; `pick` says which instance takes each turn. */
    const script = async (conversation: string, pick: (turn: number) => string): Promise<string[]> => {
      let turn = 0;
      const patient = (): Patient => new Patient(pick(turn), conversation);
      const byTurn: string[] = [];
      let last: Reply[] = await patient().say('hi');
      for (let i = 0; i < 40 && questionId(last) !== undefined && SOON[questionId(last)!] !== undefined; i += 1) {
        byTurn.push(`${questionId(last)}:${dispositions(last).map((d) => d.level).join(',')}`);
        turn += 1;
        last = await patient().say(SOON[questionId(last)!]!);
      }
      byTurn.push(`${questionId(last)}:${dispositions(last).map((d) => d.level).join(',')}`);
      return byTurn;
    };
    const alone = await script('alt-one', () => single.url);
    const shared = await script('alt-two', (turn) => (turn % 2 === 0 ? a.url : b.url));
    expect(alone.length).toBeGreaterThan(10);
    expect(alone.some((s) => s.endsWith(':soon'))).toBe(true);
    expect(shared).toEqual(alone);
    await Promise.all([a.stop(), b.stop(), single.stop()]);
  });

  it('two messages of one conversation arriving at once at two instances are answered one after the other', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [await startOnPostgres(url), await startOnPostgres(url)];
    for (let round = 0; round < 3; round += 1) {
      const id = `race-${round}`;
      const { at } = await answerById(new Patient(a.url, id), await new Patient(a.url, id).say('hi'), CALM, 'signBreathing');
      expect(at).toBe('signBreathing');
      const [one, two] = await Promise.all([new Patient(a.url, id).say('No'), new Patient(b.url, id).say('No')]);
      // In order: the first "No" answers the breathing question, the second the chest one.
      expect([questionId(one), questionId(two)].sort()).toEqual(['signChest', 'signCoughBlood']);
    }
    expect(a.logLines.concat(b.logLines).some((l) => /turn_lock_unavailable/.test(l))).toBe(false);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('a turn waits while another instance holds its conversation\'s lock, and runs when it is released', async () => {
    const url = await cluster.createDatabase();
    const a = await startOnPostgres(url);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_CLASS, 'test/held-1']);
    let answered = false;
    const reply = new Patient(a.url, 'held-1').say('hi').then((r) => { answered = true; return r; });
    await new Promise((r) => setTimeout(r, 500));
    expect(answered).toBe(false);
    await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_CLASS, 'test/held-1']);
    expect(questionId(await reply)).toBeDefined();
    await holder.end();
    await a.stop();
  });

  it('H08: forget me on one instance leaves no row in any table that names the user or the conversation; the audit is in PostgreSQL', async () => {
    const url = await cluster.createDatabase();
    const [a, b] = [await startOnPostgres(url, { CHECKIN_DAYS: 'P2D,P7D' }), await startOnPostgres(url, { CHECKIN_DAYS: 'P2D,P7D' })];
    const gone = new Patient(a.url, 'conv-forget-71c2e', 'test', 'en-GB', 'user-forget-90ad1');
    const kept = new Patient(a.url, 'conv-keep-4b1f0', 'test', 'en-GB', 'user-keep-0c9e3');
    for (const p of [gone, kept]) {
      const { at } = await answerById(p, await p.say('hi'), SOON, 'followUpOffer');
      expect(at).toBe('followUpOffer');
      expect(texts(await p.say('yes'))).toMatch(/I will message you 2 and 7 days from now/);
    }
    expect(await a.app.backend.postgres!.checkIns.pendingFor('test/users/user-forget-90ad1')).toHaveLength(2);
    expect(await rowsHolding(url, 'user-forget-90ad1')).not.toEqual([]);
    const audit = [];
    for await (const r of a.app.backend.postgres!.audit.records()) audit.push(r);
    expect(audit.filter((r) => r.level === 'soon')).toHaveLength(2);
    const csv = execFileSync(process.execPath, [path.resolve(__dirname, '../../dist/scripts/auditExport.js')], { env: { PATH: process.env.PATH, DATABASE_URL: url }, encoding: 'utf8' });
    expect(csv.split('\r\n').filter((l) => l.includes('"soon"'))).toHaveLength(2);

    // Forget me, asked on the other instance.
    const onB = new Patient(b.url, 'conv-forget-71c2e', 'test', 'en-GB', 'user-forget-90ad1');
    await onB.say('forget me');
    expect(texts(await onB.say('yes'))).toMatch(/I have deleted what I kept about you/);
    for (const id of ['user-forget-90ad1', 'conv-forget-71c2e']) expect(await rowsHolding(url, id)).toEqual([]);
    expect(await rowsHolding(url, 'user-keep-0c9e3')).not.toEqual([]);
    expect(await a.app.backend.postgres!.checkIns.pendingFor('test/users/user-keep-0c9e3')).toHaveLength(2);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('H28: a check-in booking the database refuses is never confirmed: the turn fails with the apology that names the emergency signs, as with SQLite', async () => {
    const url = await cluster.createDatabase();
    const a = await startOnPostgres(url, { CHECKIN_DAYS: 'P2D' });
    const p = new Patient(a.url, 'book-fail-1');
    const { at } = await answerById(p, await p.say('hi'), SOON, 'followUpOffer');
    expect(at).toBe('followUpOffer');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT ON checkins FOR EACH ROW EXECUTE FUNCTION refuse()`);
    const refused = await p.say('yes');
    expect(texts(refused)).not.toMatch(/I will message you/);
    expect(texts(refused)).toMatch(/Sorry, something went wrong on my side/);
    expect(a.logLines.some((l) => /"event":"checkin_book_failed"/.test(l))).toBe(true);
    expect(await a.app.backend.postgres!.checkIns.pendingFor('test/users/book-fail-1-user')).toEqual([]);
    await admin.end();
    await a.stop();
  });

  it('retention purges state not written for RETENTION_DAYS and finished check-ins', async () => {
    const url = await cluster.createDatabase();
    let clock = Date.UTC(2026, 11, 1, 9);
    const a = await startOnPostgres(url, { RETENTION_DAYS: '30' }, () => clock);
    const { storage, checkIns } = a.app.backend.postgres!;
    await new Patient(a.url, 'old-1').say('hi');
    await checkIns.add([{ id: 'done-1', userKey: 'test/users/old-1-user', reference: {}, locale: 'en', dueAt: clock, expiresAt: clock + 3600_000 }]);
    await checkIns.claimDue(clock, 'w', clock + 60_000, 10);
    expect(await checkIns.markSent('done-1', 'w', clock)).toBe(true);
    expect(await storage.count()).toBeGreaterThan(0);
    clock += 29 * 24 * 3600_000;
    await a.app.retention();
    expect(await storage.count()).toBeGreaterThan(0);
    expect(await checkIns.counts()).toEqual({ sent: 1 });
    clock += 2 * 24 * 3600_000;
    await a.app.retention();
    expect(await storage.count()).toBe(0);
    expect(await checkIns.counts()).toEqual({});
    await a.stop();
  });

  it('the database goes away mid-run: readyz says not ready, emergency advice still goes out, other turns get the safe apology; all recovers when it returns', async () => {
    const url = await cluster.createDatabase();
    let clock = Date.UTC(2026, 11, 7, 9);
    const a = await startOnPostgres(url, { DATABASE_TIMEOUT_MS: '1000' }, () => clock);
    const p = new Patient(a.url, 'db-gone-1');
    const { at } = await answerById(p, await p.say('hi'), CALM, 'signChest');
    expect(at).toBe('signChest');
    expect(await readyz(a.url)).toBe(200);

    cluster.pause();
    try {
      expect(await readyz(a.url)).toBe(503);
      const lost = await p.say('No');
      expect(questionId(lost)).toBeUndefined();
      expect(texts(lost)).toMatch(/Sorry, something went wrong on my side\. If you have chest pain, trouble breathing, cough up blood or feel faint, call 999 now/);
      const emergency = await p.say('I cant breathe');
      expect(dispositions(emergency).map((d) => d.level)).toContain('emergency');
      expect(a.logLines.some((l) => /"level":60/.test(l) && /"event":"audit_write_failed"/.test(l))).toBe(true);
    } finally {
      cluster.resume();
    }
    clock += 31_000;
    expect(await readyz(a.url)).toBe(200);
    const audit = [];
    for await (const r of a.app.backend.postgres!.audit.records()) audit.push(r);
    expect(audit.filter((r) => r.level === 'emergency')).toHaveLength(1);
    // The conversation is where the saved state says: the chest question, answered again.
    expect(questionId(await p.say('No'))).toBe('signCoughBlood');
    await a.stop();
  });

  it('S1: a database that stops answering (a partition, not a refusal) does not hold emergency advice back turn after turn', async () => {
    const direct = await cluster.createDatabase();
    const hole = await relay(cluster.port);
    const a = await startOnPostgres(hole.url(direct), { DATABASE_TIMEOUT_MS: '1500' });
    const p = new Patient(a.url, 'partition-1');
    const { at } = await answerById(p, await p.say('hi'), CALM, 'signChest');
    expect(at).toBe('signChest');
    hole.blackhole();
    for (const text of ['I cant breathe', 'I have chest pain', 'I am coughing up blood']) {
      expect(dispositions(await p.say(text)).map((d) => d.level)).toContain('emergency');
    }
    // After the first turn found the database silent, the next ones did not wait on it before the screen.
    expect(a.logLines.filter((l) => /"event":"turn_lock_skipped"/.test(l)).length).toBeGreaterThanOrEqual(2);
    hole.restore();
    await a.stop();
    hole.close();
  }, 60_000);
});
