import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { AuditRecord } from './auditLog';
import { pseudonym } from './pseudonym';

export interface AuditDeps {
  /** Never throws: a record that cannot be written waits and is retried (AuditWriter). */
  write: (record: AuditRecord) => void;
  key: Buffer;
  contentVersion: string;
  now: () => number;
}

interface DispositionEntity {
  type: 'disposition';
  level: string;
  reasons: string[];
  rulesVersion: string;
}

const isDisposition = (e: unknown): e is DispositionEntity =>
  typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'disposition';

interface RedFlagQuestionEntity { type: 'redFlagQuestion'; flag: string; level: string }
const isRedFlagQuestion = (e: unknown): e is RedFlagQuestionEntity =>
  typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'redFlagQuestion';

/**
 * The audit rows of one outgoing activity: each disposition, and each direct question about a
 * possible red flag (level "question", reason Q_<FLAG>: that it was asked, never the words). What
 * was answered shows in the next row: a disposition naming that flag (yes, not sure) or none (no).
 */
function rowsOf(activity: Partial<Activity>): { level: string; reasons: string[]; rulesVersion: string }[] {
  const entities = activity.entities ?? [];
  return [
    ...entities.filter(isDisposition).map((e) => ({ level: e.level, reasons: [...e.reasons], rulesVersion: e.rulesVersion })),
    ...entities.filter(isRedFlagQuestion).map((e) => ({ level: 'question', reasons: [`Q_${e.flag.toUpperCase()}`, e.level], rulesVersion: '' })),
  ];
}

/**
 * Records every disposition the bot sends, by reading the S4 entity on outgoing activities:
 * one place sees all advice, whichever dialog or safety screen produced it. The record is
 * written after the advice is sent, so a failing audit never blocks it (the writer retries).
 */
export function auditMiddleware(deps: AuditDeps): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.onSendActivities(async (ctx, activities: Partial<Activity>[], sendNext) => {
        const responses = await sendNext();
        for (const activity of activities) {
          for (const entity of rowsOf(activity)) {
            deps.write({
              at: new Date(deps.now()).toISOString(),
              conversation: pseudonym(deps.key, ctx.activity.conversation?.id ?? ''),
              user: pseudonym(deps.key, ctx.activity.from?.id ?? ''),
              channel: ctx.activity.channelId ?? 'unknown',
              locale: activity.locale ?? ctx.activity.locale ?? '',
              level: entity.level,
              reasons: [...entity.reasons],
              rulesVersion: entity.rulesVersion,
              contentVersion: deps.contentVersion,
            });
          }
        }
        return responses;
      });
      await next();
    },
  };
}
