/**
 * Red-flag recognizer: the pure engine that reads a patient's free text for emergency and
 * urgent signs, trends in their leg symptoms, and short yes/no or better/worse answers.
 *
 * Lexicons are data (locales/<lng>/redflags.json) compiled once by compileLexicon(); the engine
 * itself knows no language. Two readings find red flags: reviewed phrases (flags.<code>.phrases,
 * precise) and concept rules (concepts.rules.<code>: an anchor such as "chest" near a problem
 * such as "tight", for the wordings nobody listed; see concepts.ts). Both go through the same
 * negation, hypothetical and question scopes (scope.ts). Nothing here touches the file system, the clock or the network,
 * so the same input always gives the same output and the S1/S2 invariants can be tested directly.
 */
import type { CompiledLexicon } from './compiled';
import { compileLexicon as compile } from './compile';

export type { Feature, Finding, Polarity, Recognition, Trend, Direction } from './model';
export { FEATURES, DIRECTIONS, LEG_WORSE } from './model';
export { recognize } from './recognize';
export { readTrend, readYesNo, saysSignPresent } from './answers';

/**
 * A compiled lexicon. Treat it as opaque: build it with compileLexicon(), pass it back in.
 * Its internals may change without notice.
 */
export type Lexicon = CompiledLexicon;

/** Validates a parsed redflags.json and compiles it; throws an Error naming the bad path or phrase. */
export function compileLexicon(raw: unknown): Lexicon {
  return compile(raw);
}
