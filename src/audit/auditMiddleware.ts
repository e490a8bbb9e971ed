import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { AuditRecord } from './auditLog';
import { pseudonym } from './pseudonym';

export interface AuditDeps {
  append: (record: AuditRecord) => void;
  key: Buffer;
  contentVersion: string;
  now: () => number;
  logger: Logger;
}

interface DispositionEntity {
  type: 'disposition';
  level: string;
  reasons: string[];
  rulesVersion: string;
}

const isDisposition = (e: unknown): e is DispositionEntity =>
  typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'disposition';

/**
 * Records every disposition the bot sends, by reading the S4 entity on outgoing activities:
 * one place sees all advice, whichever dialog or safety screen produced it. A failing audit
 * write is logged and never blocks the advice from reaching the patient.
 */
export function auditMiddleware(deps: AuditDeps): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      context.onSendActivities(async (ctx, activities: Partial<Activity>[], sendNext) => {
        const responses = await sendNext();
        for (const activity of activities) {
          for (const entity of (activity.entities ?? []).filter(isDisposition)) {
            try {
              deps.append({
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
            } catch (error) {
              deps.logger.error({ event: 'audit_write_failed', err: (error as Error).name }, 'could not write the audit record');
            }
          }
        }
        return responses;
      });
      await next();
    },
  };
}
