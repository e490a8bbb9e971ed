import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/logger';
import { SqliteCheckInStore } from '../../src/schedule/sqliteCheckInStore';
import { shutdown } from '../../src/shutdown';
import { startApp, type RunningApp } from '../helpers/app';
import { bookedCheckIn as checkIn, startFakeConnector } from '../helpers/fakeConnector';
import { startHangingServer, type HangingServer } from '../helpers/hangingServer';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

describe('issue 16 item 3: outbound calls have deadlines and check-ins are sent independently', () => {
  it('I16-3a: a check-in whose channel never answers delays none of the others', async () => {
    const now = Date.now();
    const hung = await startHangingServer();
    const connector = await startFakeConnector();
    // A deadline far longer than the test: only independence can get the others through.
    const running = await startApp({ OUTBOUND_TIMEOUT_MS: '60000' }, () => now);
    cleanups.push(() => connector.stop(), () => hung.stop());
    let stopped = false;
    cleanups.push(async () => { if (!stopped) await running.stop(); });
    // The hung one is the most overdue, so a one-at-a-time scheduler would try it first.
    running.app.checkIns.add([checkIn('hung-1', hung.url, now - 60_000), ...['ok-1', 'ok-2', 'ok-3'].map((id) => checkIn(id, connector.url, now - 1000))]);
    let ticked = false;
    const tick = running.app.scheduler.tick().finally(() => { ticked = true; });
    await vi.waitFor(() => {
      expect(new Set(connector.posted.map((p) => p.activity.conversation?.id))).toEqual(new Set(['ok-1', 'ok-2', 'ok-3']));
    }, { timeout: 20_000, interval: 100 });
    expect(hung.received).toHaveLength(1);
    expect(ticked).toBe(false); // the hung one is still waiting on its channel
    // Stopping cuts the hung call short: the pass ends, the three count as sent, the hung one is kept for a retry.
    await running.stop(true);
    stopped = true;
    expect(await tick).toBe(3);
    await vi.waitFor(() => expect(hung.closedByClient()).toBe(1), { timeout: 5000 });
    fs.rmSync(running.dataDir, { recursive: true, force: true });
  });

  it('I16-3b: a call to a channel that never answers is abandoned at OUTBOUND_TIMEOUT_MS and the check-in is retried later', async () => {
    const now = Date.now();
    const hung = await startHangingServer();
    const running = await startApp({ OUTBOUND_TIMEOUT_MS: '1000' }, () => now);
    cleanups.push(() => hung.stop(), () => running.stop());
    running.app.checkIns.add([checkIn('hung-2', hung.url, now - 1000)]);
    expect(await running.app.scheduler.tick()).toBe(0);
    expect(hung.received.length).toBeGreaterThanOrEqual(1);
    // The connection was closed from our side (the deadline), not left open.
    await vi.waitFor(() => expect(hung.open()).toBe(0), { timeout: 5000 });
    const [pending] = running.app.checkIns.pendingFor('test/users/hung-2-user');
    expect(pending).toBeDefined();
    expect(running.logLines.join('')).toMatch(/"event":"checkin_send_failed"/);
  });

  it('I16-3c: shutdown during a hung check-in is clean: storage closes and the outcome is clean (exit 0)', async () => {
    const now = Date.now();
    const hung = await startHangingServer();
    const running: RunningApp = await startApp({ OUTBOUND_TIMEOUT_MS: '60000', SHUTDOWN_TIMEOUT_MS: '8000' }, () => now);
    cleanups.push(() => hung.stop());
    running.app.checkIns.add([checkIn('hung-3', hung.url, now - 1000)]);
    const tick = running.app.scheduler.tick();
    await vi.waitFor(() => expect(hung.received).toHaveLength(1), { timeout: 20_000 });
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk, _e, done) { lines.push(String(chunk)); done(); } }));
    expect(await shutdown(running.app, 8000, logger)).toBe('clean');
    await tick;
    expect(running.app.storage.ping()).toBe(false); // closed
    expect(fs.existsSync(path.join(running.dataDir, 'afterscan.db-wal')) ? fs.statSync(path.join(running.dataDir, 'afterscan.db-wal')).size : 0).toBe(0);
    fs.rmSync(running.dataDir, { recursive: true, force: true });
  });
});

describe('issue 16 item 3: the real process on SIGTERM with a hung channel call', () => {
  let hung: HangingServer | undefined;
  afterEach(async () => { await hung?.stop(); hung = undefined; });

  it('I16-3d: `node dist/src/index.js` exits 0 with storage closed while a check-in waits on a channel that never answers', async () => {
    hung = await startHangingServer();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-hung-'));
    const seed = new SqliteCheckInStore(path.join(dataDir, 'afterscan.db'));
    seed.add([checkIn('hung-4', hung.url, Date.now() - 1000)]);
    seed.close();
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', path.resolve(__dirname, '../../dist/src/index.js')], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'info', SCHEDULER_INTERVAL_MS: '1000', OUTBOUND_TIMEOUT_MS: '60000', SHUTDOWN_TIMEOUT_MS: '8000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const logs: Record<string, unknown>[] = [];
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += String(chunk);
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) { try { logs.push(JSON.parse(line) as Record<string, unknown>); } catch { /* not a log line */ } }
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(hung!.received).toHaveLength(1), { timeout: 30_000, interval: 100 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(logs.find((l) => l.event === 'shutdown_complete')).toMatchObject({ outcome: 'clean' });
      const wal = path.join(dataDir, 'afterscan.db-wal');
      expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
