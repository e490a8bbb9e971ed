import { describe, expect, it } from 'vitest';
import { ConfigError, isoDurationDays, loadConfig, parseCheckInDays } from '../src/config';

const base = { NODE_ENV: 'test' } as const;

describe('CHECKIN_DAYS: whole days or ISO-8601 durations', () => {
  it('reads whole days as before, and durations in days, hours, minutes and seconds', () => {
    expect(loadConfig({ ...base }).checkInDays).toEqual([2, 7]);
    expect(loadConfig({ ...base, CHECKIN_DAYS: '7,2,2' }).checkInDays).toEqual([2, 7]);
    expect(loadConfig({ ...base, CHECKIN_DAYS: 'off' }).checkInDays).toEqual([]);
    expect(loadConfig({ ...base, CHECKIN_DAYS: 'P2D,P7D' }).checkInDays).toEqual([2, 7]);
    expect(loadConfig({ ...base, CHECKIN_DAYS: 'PT2M' }).checkInDays).toEqual([2 / 1440]);
    expect(loadConfig({ ...base, CHECKIN_DAYS: 'P1DT12H, 3' }).checkInDays).toEqual([1.5, 3]);
    expect(isoDurationDays('PT30S')).toBe(30 / 86_400);
    expect(isoDurationDays('pt1h')).toBe(1 / 24);
  });

  it('refuses what is not a duration, an empty one, and more than 99 days', () => {
    for (const bad of ['P', 'PT', 'P2W', 'P1M', '2d', 'PT-1M', 'P0D', 'P100D', '2,,7', '100']) {
      expect(parseCheckInDays(bad), bad).toBeNull();
      expect(() => loadConfig({ ...base, CHECKIN_DAYS: bad }), bad).toThrow(/CHECKIN_DAYS: days after the chat, like 2,7, ISO-8601 durations like P2D,P7D or PT2M, or off/);
    }
  });
});

describe('DATABASE_URL', () => {
  it('absent: the embedded SQLite (no database settings)', () => {
    expect(loadConfig({ ...base }).database).toBeUndefined();
  });

  it('a postgres:// URL selects PostgreSQL with a bounded pool', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://bot:pw@db.example.org:5432/afterscan?sslmode=require' }).database)
      .toEqual({ url: 'postgres://bot:pw@db.example.org:5432/afterscan?sslmode=require', poolMax: 10, timeoutMs: 5000 });
    expect(loadConfig({ ...base, DATABASE_URL: 'postgresql://h/db', DATABASE_POOL_MAX: '4', DATABASE_TIMEOUT_MS: '2000' }).database)
      .toMatchObject({ poolMax: 4, timeoutMs: 2000 });
  });

  it('refuses anything else with a one-line reason', () => {
    for (const bad of ['mysql://h/db', 'db.example.org', 'postgres://']) {
      expect(() => loadConfig({ ...base, DATABASE_URL: bad }), bad).toThrow(ConfigError);
    }
    expect(() => loadConfig({ ...base, DATABASE_URL: 'sqlite:./x' })).toThrow(/DATABASE_URL: a postgres:\/\/ or postgresql:\/\/ connection string/);
  });
});
