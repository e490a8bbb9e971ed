/**
 * Which languages the bot offers, and how a channel's locale or a patient's words map to one.
 *
 * Each language has locales/<lng>/meta.json: its own name, writing direction and translation
 * review status (source / draft / reviewed / approved, by whom, when, for which content version).
 * A language is offered when it is complete (S6), enabled by the deployment (LANGUAGES), and
 * either not a draft or the deployment allows drafts (ALLOW_DRAFT_LANGUAGES; on by default only
 * outside production). English, the source, is always offered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const REVIEW_STATUSES = ['source', 'draft', 'reviewed', 'approved'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const metaSchema = z.object({
  englishName: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  status: z.enum(REVIEW_STATUSES),
  reviewedBy: z.string().min(1).nullable(),
  reviewedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  contentVersion: z.string().min(1),
  notes: z.string().optional(),
}).refine((m) => (m.status === 'reviewed' || m.status === 'approved') === (m.reviewedBy !== null && m.reviewedOn !== null),
  'reviewedBy and reviewedOn are set exactly when the status is reviewed or approved');

export type LanguageMeta = z.infer<typeof metaSchema>;

/** Reads and checks locales/<lng>/meta.json; throws a one-line Error naming the file. */
export function readMeta(localesDir: string, lng: string): LanguageMeta {
  const file = path.join(localesDir, lng, 'meta.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  const parsed = metaSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'meta'} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * The status that counts today: a review covers the content version it was done for, so a
 * reviewed or approved translation of older content counts as a draft again until re-reviewed.
 */
export function effectiveStatus(meta: LanguageMeta, contentVersion: string): ReviewStatus {
  if ((meta.status === 'reviewed' || meta.status === 'approved') && meta.contentVersion !== contentVersion) return 'draft';
  return meta.status;
}

export interface LanguagePolicy {
  /** Languages the deployment enables; null means every complete one. */
  enabled: readonly string[] | null;
  allowDrafts: boolean;
}

/** The offered languages among complete ones, in the given order. English is always kept. */
export function offeredLanguages(complete: readonly string[], status: (lng: string) => ReviewStatus, policy: LanguagePolicy): string[] {
  const enabled = policy.enabled?.map((l) => l.toLowerCase());
  return complete.filter((lng) => lng === 'en'
    || ((enabled === undefined || enabled.includes(lng.toLowerCase())) && (policy.allowDrafts || status(lng) !== 'draft')));
}

/**
 * Regional and script variants that map to an offered language other than by primary subtag:
 * Chinese in any region or script reads the Simplified text (the only Chinese offered);
 * Norwegian-style macrolanguage cases do not arise for the ten languages here.
 */
const ALIASES: Readonly<Record<string, string>> = { zh: 'zh-Hans' };

/**
 * The offered language for a locale tag: exact match ("zh-Hans"), then the primary subtag
 * ("pt-BR" → "pt", "es-419" → "es"), then an alias ("zh-CN" → "zh-Hans"); null when none.
 */
export function matchLanguage(locale: string | undefined, offered: readonly string[]): string | null {
  if (typeof locale !== 'string' || locale.length === 0 || locale.length > 35) return null;
  const tag = locale.replace(/_/g, '-').toLowerCase();
  const exact = offered.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const primary = tag.split('-')[0] as string;
  const byPrimary = offered.find((l) => l.toLowerCase() === primary);
  if (byPrimary) return byPrimary;
  const alias = ALIASES[primary];
  return alias !== undefined && offered.includes(alias) ? alias : null;
}
