import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogStateManager, type DialogStateManagerConfiguration } from 'botbuilder-dialogs/lib/memory/dialogStateManager';

/** Where DialogStateManager looks for its configuration in a turn (the SDK's own key). */
const KEY = 'DialogStateManagerConfiguration';

let shared: DialogStateManagerConfiguration | undefined;

/**
 * Hands every turn the same DialogStateManager configuration (memory scopes and path
 * resolvers). The SDK builds it again on the first DialogContext of every turn, through a
 * ServiceCollection, a dependency graph and zod checks, and keeps it only for that turn
 * (bench/RESULTS.md fix 5). The scopes and resolvers hold no per-turn data (each reads the turn
 * it is given), and the bot adds none of its own, so one built by the SDK the first time serves
 * every later turn. Call it before the turn's first DialogContext.
 */
export function shareDialogStateConfiguration(context: TurnContext): void {
  if (context.turnState.get(KEY) !== undefined) return;
  if (shared === undefined) {
    // The SDK's own construction, once: it builds the configuration and stores it in this turn.
    new DialogStateManager({ context } as DialogContext);
    shared = context.turnState.get(KEY) as DialogStateManagerConfiguration;
    return;
  }
  context.turnState.set(KEY, shared);
}
