import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { localeLanguages } from './language/localesDir';
import { REGIONS, REGION_IDS, type Region } from './triage/regions';
import type { ScanType } from './triage/scan';
import { isOriginList } from './http/cors';
import type { LimitSettings } from './http/requestLimits';

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().max(300).optional());

const ONOFF: Record<string, string> = { on: 'on', true: 'on', '1': 'on', yes: 'on', off: 'off', false: 'off', '0': 'off', no: 'off' };

/** https only, except plain http to this machine (a test double of the Direct Line service). */
function isDirectLineEndpoint(text: string): boolean {
  try {
    const url = new URL(text);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}

/** ALLOWED_SERVICE_URLS: plain http(s) URLs, nothing that could smuggle credentials or a query in. */
function isServiceUrlList(text: string): boolean {
  return text.split(/[\s,]+/).filter(Boolean).every((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash && !url.username && !url.password;
    } catch {
      return false;
    }
  });
}

/** DATABASE_URL: a PostgreSQL connection string (credentials and sslmode may ride in it). */
function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const DAY_MS = 24 * 3600 * 1000;
/** P[nD][T[nH][nM][nS]] (weeks, months and years are left out: their length is not fixed or not needed). */
const ISO_DURATION = /^P(?!$)(?:(\d{1,3})D)?(?:T(?!$)(?:(\d{1,4})H)?(?:(\d{1,5})M)?(?:(\d{1,6})S)?)?$/i;

/** One ISO-8601 duration in days (fractions for hours, minutes, seconds), or null. */
export function isoDurationDays(text: string): number | null {
  const m = ISO_DURATION.exec(text.trim());
  if (!m) return null;
  const [d, h, min, sec] = [m[1], m[2], m[3], m[4]].map((v) => Number(v ?? 0)) as [number, number, number, number];
  const ms = d * DAY_MS + h * 3600_000 + min * 60_000 + sec * 1000;
  return ms > 0 ? ms / DAY_MS : null;
}

/**
 * CHECKIN_DAYS: "off", whole days ("2,7"), or ISO-8601 durations ("P2D,P7D"; "PT2M" for a pilot
 * test that watches a check-in arrive). The days after the chat, soonest first, without
 * repeats; null when the text is none of these. Whole days up to 99, durations up to 99 days.
 */
export function parseCheckInDays(text: string): number[] | null {
  if (text.trim().toLowerCase() === 'off') return [];
  const days: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const day = /^\d{1,2}$/.test(part) ? Number(part) : isoDurationDays(part);
    if (day === null || day > 99) return null;
    if (day > 0) days.push(day); // a whole "0" is ignored, as it always was
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** CSP frame-ancestors sources: only keywords and origins, so nothing else can ride into the header. */
function isFrameAncestors(text: string): boolean {
  const sources = text.split(/\s+/);
  const origin = /^(https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?|http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?)$/i;
  if (sources.includes("'none'")) return sources.length === 1;
  return sources.every((s) => s === "'self'" || origin.test(s));
}

const schema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(blankToUndefined, z.string().trim().optional()),
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
  CARE_TEAM_CONTACT_FILE: optionalText,
  PREGNANCY_CONTACT: optionalText,
  SCAN_TYPE: z.preprocess(blankToUndefined, z.enum(['proximal', 'whole-leg', 'unknown'], 'proximal, whole-leg or unknown').default('unknown')),
  REPEAT_SCAN_DAYS: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,2}(-\d{1,2})?$/, 'a number of days like 7 or a range like 6-8').optional()),
  DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.string().default('en')),
  LANGUAGES: z.preprocess(blankToUndefined, z.string().regex(/^\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*(\s*,\s*[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*\s*$/, 'a comma-separated list of language tags, e.g. en,es,pl').optional()),
  ALLOW_DRAFT_LANGUAGES: z.preprocess(blankToUndefined, z.string().toLowerCase().refine((v) => v in ONOFF, 'on or off').optional()),
  AUDIT_KEY: z.preprocess(blankToUndefined, z.string().min(16, 'at least 16 characters').optional()),
  AUDIT_KEY_FILE: optionalText,
  RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(30)),
  CHECKIN_DAYS: z.preprocess(blankToUndefined, z.string().trim().refine((v) => parseCheckInDays(v) !== null,
    'days after the chat, like 2,7, ISO-8601 durations like P2D,P7D or PT2M, or off').default('2,7')),
  CHECKIN_LEASE_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(2).max(3600).default(120)),
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().trim().refine(isPostgresUrl, 'a postgres:// or postgresql:// connection string').optional()),
  DATABASE_POOL_MAX: z.preprocess(blankToUndefined, z.coerce.number().int().min(2).max(200).default(10)),
  DATABASE_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).max(120_000).default(5_000)),
  CHECKIN_WINDOW_HOURS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(72).default(12)),
  SCHEDULER_INTERVAL_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1000).max(3_600_000).default(60_000)),
  MAX_BODY_BYTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1024).max(4 * 1024 * 1024).default(256 * 1024)),
  LOCAL_DIRECTLINE: z.preprocess((v) => (typeof blankToUndefined(v) === 'string' ? ONOFF[String(v).trim().toLowerCase()] ?? v : undefined),
    z.enum(['on', 'off'], 'on or off').optional()),
  LOCAL_DIRECTLINE_IDLE_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(24 * 60).default(60)),
  LOCAL_DIRECTLINE_MAX_CONVERSATIONS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1000)),
  LOCAL_DIRECTLINE_MAX_ACTIVITIES: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).max(10_000).default(500)),
  DIRECT_LINE_SECRET: z.preprocess(blankToUndefined, z.string().trim().min(16, 'too short for a Direct Line secret').max(512).optional()),
  DIRECT_LINE_ENDPOINT: z.preprocess(blankToUndefined, z.string().trim()
    .refine(isDirectLineEndpoint, 'an https URL such as https://directline.botframework.com/v3/directline')
    .default('https://directline.botframework.com/v3/directline')),
  FRAME_ANCESTORS: z.preprocess(blankToUndefined, z.string().trim()
    .refine(isFrameAncestors, "'self', 'none' or https origins separated by spaces").default("'self'")),
  RATE_LIMIT_PER_CONVERSATION: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000).default(60)),
  RATE_LIMIT_PER_CLIENT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1_000_000).default(600)),
  CORS_ORIGINS: z.preprocess(blankToUndefined, z.string().trim()
    .refine(isOriginList, 'https origins (or http://localhost) separated by spaces or commas; * is not allowed').optional()),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1000).max(120_000).default(10_000)),
  OUTBOUND_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(200).max(120_000).default(10_000)),
  ALLOWED_SERVICE_URLS: z.preprocess(blankToUndefined, z.string().trim()
    .refine(isServiceUrlList, 'http(s) URLs without query or credentials, separated by spaces or commas').optional()),
  BotOpenIdMetadata: z.preprocess(blankToUndefined, z.string().trim()
    .refine(isDirectLineEndpoint, 'an https URL (or http on this machine) of an OpenID metadata document').optional()),
  LOCAL_DIRECTLINE_MAX_CONVERSATION_KB: z.preprocess(blankToUndefined, z.coerce.number().int().min(16).max(64 * 1024).default(1024)),
  LOCAL_DIRECTLINE_MAX_TOTAL_MB: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(4096).default(64)),
  LOCAL_DIRECTLINE_READS_PER_MINUTE: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000).default(240)),
  LOCAL_DIRECTLINE_PROTECT_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(24 * 60).default(10)),
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
  /**
   * CARE_TEAM_CONTACT: free text naming how to reach the care team, e.g. "the DVT clinic on
   * 020 7188 0000". It is English text unless it is language-neutral (careTeamContactFor).
   */
  careTeamContact?: string;
  /** The care-team contact written for each language (CARE_TEAM_CONTACT_<LNG>, CARE_TEAM_CONTACT_FILE), by language id. */
  careTeamContacts: Readonly<Record<string, string>>;
  /** Free text naming the maternity contact for pregnant or recently delivered patients (default: "your maternity unit"). */
  pregnancyContact?: string;
  /** What the service's scans look at: only the thigh veins, the whole leg, or not known (ask; "don't know" = thigh-only). */
  scanType: ScanType;
  /** The usual repeat-scan window in days, when the deployment states it. */
  repeatScanDays?: { min: number; max: number };
  defaultLocale: string;
  /** Languages the deployment enables (null: every complete one); further limited by review status. */
  languages: readonly string[] | null;
  /** Offer languages whose translation is still a draft (default: on in development, off in production). */
  allowDraftLanguages: boolean;
  maxBodyBytes: number;
  /** Key for the audit pseudonyms; generated into DATA_DIR when neither it nor auditKeyFile is given (development only). */
  auditKey?: string;
  /** A file holding the audit key, outside DATA_DIR. */
  auditKeyFile?: string;
  /** Conversation and user state untouched for longer than this is purged. */
  retentionDays: number;
  /** Days after the chat on which a check-in is offered (empty: check-ins off); fractions from ISO-8601 durations (PT2M). */
  checkInDays: number[];
  /** How long a claimed check-in is held before another worker (instance) may take it over. */
  checkInLeaseMs: number;
  /**
   * PostgreSQL for state, check-ins and audit (DATABASE_URL), shared by several instances; absent:
   * the embedded SQLite file in DATA_DIR. Pool size, and the bound on waiting for a connection and
   * on each statement.
   */
  database?: { url: string; poolMax: number; timeoutMs: number };
  /** How long after its due time a check-in may still be sent; later it is dropped. */
  checkInWindowHours: number;
  schedulerIntervalMs: number;
  /** The web chat page at / and how it reaches the bot (docs/channels/webchat.md). */
  webChat: {
    /** Serve a local Direct Line 3.0 endpoint under /v3/directline, so the page works with no Azure account. */
    localDirectLine: boolean;
    /**
     * Bounds on the local endpoint's in-memory conversations: idle time, count, activities and bytes
     * per conversation, bytes in all, polls per minute per conversation (0: off), and how long after
     * its last use a conversation is never evicted to make room.
     */
    local: { idleMinutes: number; maxConversations: number; maxActivities: number; maxConversationBytes: number; maxTotalBytes: number; readsPerMinute: number; protectMinutes: number };
    /** Azure Direct Line secret: exchanged server-side for short-lived tokens, never sent to a browser. */
    directLineSecret?: string;
    /** Azure Direct Line base URL (a regional one, or a local test double). */
    directLineEndpoint: string;
    /** CSP frame-ancestors: which sites may show the page in a frame. */
    frameAncestors: string;
  };
  /** Requests per minute per conversation and per remote address on the POST routes (0: off). */
  limits: LimitSettings;
  /** Other sites' origins allowed to call /api/* from a browser (lower case; empty: none). */
  corsOrigins: readonly string[];
  /** How long SIGTERM waits for in-flight turns before forcing the process down. */
  shutdownTimeoutMs: number;
  /** Deadline for each outbound HTTP call (channel connector, sign-in keys, Direct Line tokens). */
  outboundTimeoutMs: number;
  /**
   * Anonymous mode only: service URLs (besides loopback) the bot may be asked to call back. With
   * credentials the channel's signed token vouches for the service URL and this is not used.
   */
  allowedServiceUrls: readonly string[];
  /** The OpenID metadata URL for channel tokens (the SDK's BotOpenIdMetadata; a sovereign cloud or a test double). */
  botOpenIdMetadata?: string;
}

export class ConfigError extends Error {}

/** DATA_DIR alone, for tools (like the audit export) that need no other setting. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR?.trim() || './data');
}

const CONTACT_PREFIX = 'CARE_TEAM_CONTACT_';
const contactText = z.string().trim().min(1, 'empty').max(300, 'longer than 300 characters');

/**
 * The care-team contact per language: CARE_TEAM_CONTACT_<LNG> variables (the language id in
 * capitals, "-" as "_": CARE_TEAM_CONTACT_DE, CARE_TEAM_CONTACT_ZH_HANS) and the JSON object in the
 * file CARE_TEAM_CONTACT_FILE names ({ "de": "...", "zh-Hans": "..." }). An unknown language, an
 * unreadable file or a language given twice stops start-up with a one-line reason.
 */
function parseContacts(env: NodeJS.ProcessEnv, file: string | undefined): Record<string, string> {
  const languages = localeLanguages();
  const byName = new Map(languages.map((lng) => [lng.toUpperCase().replace(/-/g, '_'), lng]));
  const out: Record<string, string> = {};
  const put = (lng: string | undefined, value: unknown, where: string): void => {
    if (lng === undefined) throw new ConfigError(`${where}: no such language (languages: ${languages.join(', ')})`);
    if (lng in out) throw new ConfigError(`${where}: the contact for ${lng} is given twice (a variable and CARE_TEAM_CONTACT_FILE)`);
    const parsed = contactText.safeParse(value);
    if (!parsed.success) throw new ConfigError(`${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    out[lng] = parsed.data;
  };
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(CONTACT_PREFIX) || name === 'CARE_TEAM_CONTACT_FILE' || blankToUndefined(value) === undefined) continue;
    put(byName.get(name.slice(CONTACT_PREFIX.length).toUpperCase()), value, name);
  }
  if (file) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));
    } catch (err) {
      throw new ConfigError(`CARE_TEAM_CONTACT_FILE: cannot read ${file} as JSON (${(err as Error).message.split('\n')[0]})`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ConfigError('CARE_TEAM_CONTACT_FILE: must hold one JSON object, language id → text');
    for (const [lng, value] of Object.entries(json)) put(byName.get(lng.toUpperCase().replace(/-/g, '_')), value, `CARE_TEAM_CONTACT_FILE ${lng}`);
  }
  return out;
}

/** A value with no letters at all (a phone number such as "+44 20 7946 0000") reads the same in every language. */
export const isLanguageNeutral = (text: string): boolean => !/\p{L}/u.test(text);

/**
 * The care-team contact a message in `lng` names, or undefined for the language's own translated
 * default ("the team who did your scan"). The language's own value comes first. The single
 * CARE_TEAM_CONTACT is English text: it serves English, and other languages only when it is
 * language-neutral (a bare phone number); an English sentence is never put inside another language.
 */
export function careTeamContactFor(config: Pick<Config, 'careTeamContact' | 'careTeamContacts'>, lng: string): string | undefined {
  const own = config.careTeamContacts[lng];
  if (own !== undefined) return own;
  const single = config.careTeamContact;
  return single !== undefined && (lng === 'en' || isLanguageNeutral(single)) ? single : undefined;
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
  const careTeamContacts = parseContacts(env, e.CARE_TEAM_CONTACT_FILE);
  if (e.NODE_ENV === 'production' && !careTeamContactFor({ careTeamContact: e.CARE_TEAM_CONTACT, careTeamContacts }, 'en')) {
    throw new ConfigError('CARE_TEAM_CONTACT is required when NODE_ENV=production (the advice must say how to reach the care team; CARE_TEAM_CONTACT_EN or an "en" entry in CARE_TEAM_CONTACT_FILE also does)');
  }
  const dataDir = resolveDataDir({ DATA_DIR: e.DATA_DIR });
  const auditKeyFile = e.AUDIT_KEY_FILE ? path.resolve(e.AUDIT_KEY_FILE) : undefined;
  // Whoever holds DATA_DIR must not also hold the key that links audit rows back to users.
  if (e.NODE_ENV === 'production' && !e.AUDIT_KEY && !auditKeyFile) {
    throw new ConfigError('AUDIT_KEY or AUDIT_KEY_FILE is required when NODE_ENV=production (the audit key must not live in DATA_DIR)');
  }
  if (e.NODE_ENV === 'production' && auditKeyFile && !path.relative(dataDir, auditKeyFile).startsWith('..')) {
    throw new ConfigError(`AUDIT_KEY_FILE must be outside DATA_DIR (${dataDir}) when NODE_ENV=production`);
  }
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  const region = REGIONS[e.REGION];
  const config: Config = {
    port: e.PORT,
    // Without credentials anyone who can reach the port can talk as any user: this machine only, unless asked.
    host: e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    dataDir,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    bot: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    region: e.REGION,
    emergencyNumber: e.EMERGENCY_NUMBER ?? region.emergencyNumber,
    urgentNumber: e.URGENT_NUMBER ?? region.urgentNumber,
    careTeamContact: e.CARE_TEAM_CONTACT,
    careTeamContacts: Object.freeze(careTeamContacts),
    pregnancyContact: e.PREGNANCY_CONTACT,
    scanType: e.SCAN_TYPE,
    repeatScanDays: parseWindow(e.REPEAT_SCAN_DAYS),
    defaultLocale: e.DEFAULT_LOCALE,
    languages: e.LANGUAGES ? e.LANGUAGES.split(',').map((l) => l.trim()) : null,
    allowDraftLanguages: (e.ALLOW_DRAFT_LANGUAGES ? ONOFF[e.ALLOW_DRAFT_LANGUAGES] : e.NODE_ENV === 'production' ? 'off' : 'on') === 'on',
    maxBodyBytes: e.MAX_BODY_BYTES,
    auditKey: e.AUDIT_KEY,
    auditKeyFile,
    retentionDays: e.RETENTION_DAYS,
    checkInDays: parseCheckInDays(e.CHECKIN_DAYS) ?? [],
    checkInLeaseMs: e.CHECKIN_LEASE_SECONDS * 1000,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL, poolMax: e.DATABASE_POOL_MAX, timeoutMs: e.DATABASE_TIMEOUT_MS } : undefined,
    checkInWindowHours: e.CHECKIN_WINDOW_HOURS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    webChat: {
      // Off in production unless asked for: it lets anyone with the page talk to the bot without Azure's gate.
      localDirectLine: (e.LOCAL_DIRECTLINE ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on',
      local: { idleMinutes: e.LOCAL_DIRECTLINE_IDLE_MINUTES, maxConversations: e.LOCAL_DIRECTLINE_MAX_CONVERSATIONS, maxActivities: e.LOCAL_DIRECTLINE_MAX_ACTIVITIES,
        maxConversationBytes: e.LOCAL_DIRECTLINE_MAX_CONVERSATION_KB * 1024, maxTotalBytes: e.LOCAL_DIRECTLINE_MAX_TOTAL_MB * 1024 * 1024,
        readsPerMinute: e.LOCAL_DIRECTLINE_READS_PER_MINUTE, protectMinutes: e.LOCAL_DIRECTLINE_PROTECT_MINUTES },
      directLineSecret: e.DIRECT_LINE_SECRET,
      directLineEndpoint: e.DIRECT_LINE_ENDPOINT.replace(/\/+$/, ''),
      frameAncestors: e.FRAME_ANCESTORS.split(/\s+/).join(' '),
    },
    limits: { perConversation: e.RATE_LIMIT_PER_CONVERSATION, perClient: e.RATE_LIMIT_PER_CLIENT },
    corsOrigins: (e.CORS_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean).map((o) => o.toLowerCase()),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    outboundTimeoutMs: e.OUTBOUND_TIMEOUT_MS,
    allowedServiceUrls: (e.ALLOWED_SERVICE_URLS ?? '').split(/[\s,]+/).filter(Boolean),
    botOpenIdMetadata: e.BotOpenIdMetadata,
  };
  return Object.freeze({ ...config, bot: Object.freeze(config.bot), checkInDays: Object.freeze(config.checkInDays) as number[],
    database: config.database ? Object.freeze({ ...config.database }) : undefined,
    webChat: Object.freeze({ ...config.webChat, local: Object.freeze(config.webChat.local) }),
    limits: Object.freeze(config.limits), corsOrigins: Object.freeze(config.corsOrigins), allowedServiceUrls: Object.freeze(config.allowedServiceUrls),
    languages: config.languages ? Object.freeze([...config.languages]) : null });
}
