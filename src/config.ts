import path from 'node:path';
import { z } from 'zod';
import { REGIONS, REGION_IDS, type Region } from './triage/regions';

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(300).optional());

const schema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: optionalText,
  REGION: z.preprocess((v) => (typeof blankToUndefined(v) === 'string' ? String(v).toLowerCase() : undefined),
    z.enum(REGION_IDS as [Region, ...Region[]]).default('uk')),
  EMERGENCY_NUMBER: z.preprocess(blankToUndefined, z.string().regex(/^[0-9 +]{2,20}$/, 'digits, spaces and + only').optional()),
  URGENT_NUMBER: z.preprocess(blankToUndefined, z.string().regex(/^[0-9 +]{2,20}$/, 'digits, spaces and + only').optional()),
  CARE_TEAM_CONTACT: optionalText,
  REPEAT_SCAN_DAYS: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,2}(-\d{1,2})?$/, 'a number of days like 7 or a range like 6-8').optional()),
  DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.string().default('en')),
  AUDIT_KEY: z.preprocess(blankToUndefined, z.string().min(16, 'at least 16 characters').optional()),
  RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(30)),
  MAX_BODY_BYTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1024).max(4 * 1024 * 1024).default(256 * 1024)),
});

/** The deployment's settings, parsed once at start-up. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  env: 'development' | 'production' | 'test';
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  bot: { appId?: string; appPassword?: string; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  region: Region;
  emergencyNumber: string;
  /** Null where the region has no national urgent line and none is configured. */
  urgentNumber: string | null;
  /** Free text naming how to reach the care team, e.g. "the DVT clinic on 020 7188 0000". */
  careTeamContact?: string;
  /** The usual repeat-scan window in days, when the deployment states it. */
  repeatScanDays?: { min: number; max: number };
  defaultLocale: string;
  maxBodyBytes: number;
  /** Key for the audit pseudonyms; generated into DATA_DIR when not given. */
  auditKey?: string;
  /** Conversation state and audit records older than this are purged. */
  retentionDays: number;
}

export class ConfigError extends Error {}

/** DATA_DIR alone, for tools (like the audit export) that need no other setting. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR?.trim() || './data');
}

function parseWindow(text: string | undefined): Config['repeatScanDays'] {
  if (!text) return undefined;
  const [min, max = min] = text.split('-').map(Number) as [number, number?];
  if (max < min) throw new ConfigError(`REPEAT_SCAN_DAYS: ${text} ends before it starts`);
  return { min, max };
}

/**
 * Reads the environment into one frozen object. Throws ConfigError with a one-line reason
 * naming the variable; production without Bot Framework credentials is refused, because
 * anonymous mode would let anyone post to the bot.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join('.') ?? 'config'}: ${issue?.message ?? 'invalid'}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.MicrosoftAppId) {
    throw new ConfigError('MicrosoftAppId is required when NODE_ENV=production (anonymous access is for local development only)');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  const region = REGIONS[e.REGION];
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolveDataDir({ DATA_DIR: e.DATA_DIR }),
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    region: e.REGION,
    emergencyNumber: e.EMERGENCY_NUMBER ?? region.emergencyNumber,
    urgentNumber: e.URGENT_NUMBER ?? region.urgentNumber,
    careTeamContact: e.CARE_TEAM_CONTACT,
    repeatScanDays: parseWindow(e.REPEAT_SCAN_DAYS),
    defaultLocale: e.DEFAULT_LOCALE,
    maxBodyBytes: e.MAX_BODY_BYTES,
    auditKey: e.AUDIT_KEY,
    retentionDays: e.RETENTION_DAYS,
  };
  return Object.freeze({ ...config, bot: Object.freeze(config.bot) });
}
