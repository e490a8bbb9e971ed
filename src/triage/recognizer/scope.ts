/**
 * NegEx-style scopes: decides whether a matched span is negated ("no chest pain", "I haven't
 * fainted"), hypothetical ("what if I get chest pain?") or history ("fainted once as a teenager").
 *
 * Rules, each chosen so that doubt falls on the side of the patient (S2):
 * - a trigger reaches only inside its clause (sentence ends and terminators such as "but"/"pero"
 *   close it), a negation not past the start of a new clause ("and I'm", "y me": negation.newClause), and
 *   only a few words (NEG_WINDOW / HYPO_WINDOW / HIST_WINDOW);
 * - a comma stops a negation unless the clause is a list joined by "or"/"ni" ("no chest pain,
 *   cough or breathlessness"), so "no chest pain, coughing blood" keeps the blood;
 * - a comma always stops a hypothetical ("if I'm honest, I fainted");
 * - a trigger word that is part of a red-flag or trend phrase itself ("no puedo respirar",
 *   "no change") or of a pseudo-trigger ("not sure", "no doubt") negates nothing;
 * - post-triggers (negation.post: "was ruled out") negate what closely precedes them. Words
 *   like "gone" are NOT post-triggers: "the chest pain has gone" still reports chest pain,
 *   because a red flag that came and went still needs help; "gone" becomes a trend instead.
 */
import * as C from './compiled';
import { fits, type Match, type Scan } from './match';
import { BRK_COMMA } from './tokenize';

export const NEG_WINDOW = 5;
export const HYPO_WINDOW = 8;
export const HIST_WINDOW = 6;
export const POST_WINDOW = 3;

const GONE = 3; // index of 'gone' in DIRECTIONS

/**
 * Trigger words inside these phrases belong to the phrase ("no puedo respirar", "no change").
 * 'gone' phrases are left out on purpose: in "no more chest pain" the "no" still negates.
 */
export function guardsTriggers(m: Match): boolean {
  return m.kind === C.K_FLAG || ((m.kind === C.K_DIR || m.kind === C.K_MOD) && m.arg !== GONE);
}

/** True when the trigger's words are literal words of the guard phrase, not words skipped by a gap. */
function literallyIn(t: Match, guard: Match, scan: Scan): boolean {
  for (let p = t.start; p < t.end; p++) {
    if (p < guard.start || p >= guard.end) return false;
    const ids = scan.ids[p] as readonly number[];
    if (!guard.phrase.elems.some((e) => (typeof e !== 'number' || e >= 0) && fits(ids, e))) return false;
  }
  return true;
}

export interface ScopeOptions {
  /** How far (in words) a plain negation reaches forward. */
  readonly window?: number;
  /** Matches that close a negation's reach: "not better, it's worse" negates only "better". */
  readonly blockers?: readonly Match[];
}

export class Scopes {
  private readonly triggers: (Match & { lists: boolean })[] = [];
  private readonly newClauses: Match[];

  /** `guards` are matches whose own words may contain trigger words without being negated by them. */
  constructor(private readonly scan: Scan, matches: readonly Match[], guards: (m: Match) => boolean) {
    const guarding = matches.filter((m) => m.kind === C.K_PSEUDO || guards(m));
    const joins = matches.filter((m) => m.kind === C.K_JOIN);
    this.newClauses = matches.filter((m) => m.kind === C.K_NEWCL);
    for (const m of matches) {
      if (m.kind !== C.K_NEG && m.kind !== C.K_HYPO && m.kind !== C.K_HIST && m.kind !== C.K_POST) continue;
      if (guarding.some((g) => literallyIn(m, g, scan))) continue;
      const cl = scan.clause[m.end - 1];
      const lists = joins.some((j) => j.start >= m.end && scan.clause[j.start] === cl);
      this.triggers.push({ ...m, lists });
    }
  }

  private commaBetween(from: number, to: number): boolean {
    for (let p = from; p <= to; p++) if ((this.scan.tokens.brk[p] as number) >= BRK_COMMA) return true;
    return false;
  }

  /** Whether the span [start, end) is negated, hypothetical or history. */
  negated(start: number, end: number, opts: ScopeOptions = {}): boolean {
    const { clause } = this.scan;
    const window = opts.window ?? NEG_WINDOW;
    for (const t of this.triggers) {
      const sameClause = clause[t.start] === clause[start] && clause[t.end - 1] === clause[end - 1];
      if (t.kind === C.K_POST) {
        if (t.start >= end && t.start - end <= POST_WINDOW && sameClause) return true;
        continue;
      }
      if (t.kind === C.K_HIST) {
        if (!sameClause) continue;
        if (t.end <= start && start - t.end <= HIST_WINDOW) return true;
        if (t.start >= end && t.start - end <= HIST_WINDOW) return true;
        continue;
      }
      if (t.kind === C.K_NEG && t.start > start && t.end <= end) return true; // skipped by a gap: "chest doesn't hurt"
      if (t.end > start || !sameClause) continue;
      if (start - t.end > (t.kind === C.K_HYPO ? HYPO_WINDOW : window)) continue;
      if (this.commaBetween(t.end, start) && (t.kind === C.K_HYPO || !t.lists)) continue;
      if (opts.blockers?.some((b) => b.start >= t.end && b.start < start)) continue;
      if (t.kind === C.K_NEG && this.newClauses.some((b) => b.start >= t.end && b.start < start)) continue;
      return true;
    }
    return false;
  }
}
