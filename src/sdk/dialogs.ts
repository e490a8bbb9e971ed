/**
 * The parts of botbuilder-dialogs the bot uses, loaded from their own files rather than the
 * package index: the index also loads prompts, recognizers, skills and choice parsing (about
 * 0.24 s of start-up and ~27 MB, bench/RESULTS.md suggestion 4). Classes are the same objects the
 * index exports (Node caches modules by path), so botbuilder-testing and the SDK see no difference.
 * The SDK is in maintenance, so these paths will not move; a move to the Agents SDK replaces this file.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
export { DialogContext, type DialogState } from 'botbuilder-dialogs/lib/dialogContext';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
export type { WaterfallStepContext } from 'botbuilder-dialogs/lib/waterfallStepContext';
