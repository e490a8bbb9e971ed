import { randomUUID } from 'node:crypto';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Localizer } from '../language/localizer';
import type { Logger } from '../logger';
import { capabilitiesFor, render } from '../rendering';
import { deploymentFor, deploymentT, findTurn } from './turn';

export interface BoundaryDeps {
  config: Readonly<Config>;
  localizer: Localizer;
  logger: Logger;
}

/**
 * A caller that needs to know whether a turn ran to its end (the check-in scheduler) puts an
 * outcome object in the turn's state under this key; the boundary marks it failed. The object
 * outlives the turn, whose context is revoked when it ends.
 */
export const TURN_OUTCOME = Symbol('afterscan.turnOutcome');
export interface TurnOutcome { failed: boolean }

/** Stack frames without the first line, which holds the message (that could echo input). */
function framesOnly(error: unknown): string | undefined {
  return error instanceof Error ? error.stack?.split('\n').slice(1, 8).join('\n') : undefined;
}

/**
 * The one error boundary (S7). Logs a correlation id, the error's name and frames (never
 * the patient's text), sends a short localised message that still says what to do in an
 * emergency. The bot has already cleared the turn's dialog stack, inside the conversation's lock
 * (src/bot/afterscanBot.ts), so the next message starts clean. Nothing here may throw.
 */
export function installErrorBoundary(adapter: CloudAdapter, deps: BoundaryDeps): void {
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    const outcome = context.turnState.get(TURN_OUTCOME) as TurnOutcome | undefined;
    if (outcome) outcome.failed = true;
    deps.logger.error({ event: 'turn_error', correlationId, channel: context.activity.channelId, err: error?.name, frames: framesOnly(error) }, 'turn failed');
    try {
      // The language the patient is being answered in, when the turn got that far; else the channel's.
      const lng = findTurn(context)?.lng ?? deps.localizer.negotiate(context.activity.locale);
      const t = deploymentT(deps.localizer.fixedT(lng), deploymentFor(deps.config, lng));
      const pieces = render({ kind: 'text', text: t('common:fallback') }, capabilitiesFor(context.activity.channelId), deps.localizer.meta(lng).dir);
      await context.sendActivities(pieces.map((piece) => ({ ...piece, locale: lng })));
    } catch (sendError) {
      deps.logger.error({ event: 'fallback_send_failed', correlationId, err: (sendError as Error)?.name }, 'could not send the fallback');
    }
  };
}
