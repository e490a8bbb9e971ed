/**
 * NegEx-style scopes: decides whether a matched span is negated ("no chest pain", "I haven't
 * fainted"), hypothetical ("what if I get chest pain?") or history ("fainted once as a teenager").
 *
 * Rules, each chosen so that doubt falls on the side of the patient (S2):
 * - a trigger reaches only inside its clause (sentence ends and terminators such as "but"/"pero"
 *   close it), a negation not past the start of a new clause ("and I'm", "y me": negation.newClause), and
 *   only a few words (NEG_WINDOW / HYPO_WINDOW / HIST_WINDOW);
 * - a comma or a line break stops a negation unless the clause is a list joined by "or"/"ni" ("no
 *   chest pain, cough or breathlessness"), so "no chest pain, coughing blood" keeps the blood;
 * - a negation negates only what sits close after it (NEG_CLOSE words, no list between): "no chest
 *   pain" is negated; what it reaches further or across a list ("no cough, fever or chest pain",
 *   "I don't think I have ever really been short of breath") is only possible (model.ts);
 * - a comma always stops a hypothetical ("if I'm honest, I fainted");
 * - a trigger word that is part of a red-flag or trend phrase itself ("no puedo respirar",
 *   "no change") or of a pseudo-trigger ("not sure", "no doubt") negates nothing;
 * - a general question about a symptom is not a report of it (questions.ts);
 * - "almost fainted" is no report when the message jokes ("haha", "when I saw the bill"); "I fainted haha" is;
 * - someone else's story ("a film where a guy coughs up blood") reaches three words, no new clause;
 * - "watch for chest pain" is hypothetical only when a denial follows ("I haven't had any");
 * - a trigger whose last words are the span's first words still negates it ("I don't feel like
 *   I'm suffocating"): the words it shares are the symptom's, the rest is the denial;
 * - post-triggers (negation.post: "was ruled out") negate what closely precedes them. Words
 *   like "gone" are NOT post-triggers: "the chest pain has gone" still reports chest pain,
 *   because a red flag that came and went still needs help; "gone" becomes a trend instead.
 *   Words that play a sign down ("it's not a problem", "rien de grave", "مش مشكلة") are not
 *   post-triggers either: they are pseudo-triggers, so their own "not" negates nothing.
 */
import * as C from './compiled';
import { fits, type Match, type Scan } from './match';
import { Questions } from './questions';
import { AFFIRMED, NEGATED, POSSIBLE, type Reading } from './reading';
import { countIn, lowerBound, outermost } from './spans';
import { BRK_LINE } from './tokenize';

export const NEG_WINDOW = 5;
/** Words a negation may skip and still deny for sure: "haven't had any chest pain" (2). */
export const NEG_CLOSE = 2;
/** Short on purpose; a hypothetical also ends at a second clause: "if I walk | I get breathless" is a report. */
export const HYPO_WINDOW = 5;
export const HIST_WINDOW = 6;
export const POST_WINDOW = 3;
/** "almost fainted", "casi me desmayo" sit right before the symptom; "a film where a guy…" reaches a little further. */
export const HYPER_WINDOW = 2;
export const ELSE_WINDOW = 6;
const TRIGGERS = new Set([C.K_NEG, C.K_HYPO, C.K_HIST, C.K_POST, C.K_HYPER, C.K_INSTR, C.K_ELSE]);

const GONE = 3; // index of 'gone' in DIRECTIONS

/**
 * Trigger words inside these phrases belong to the phrase ("no puedo respirar", "no change").
 * 'gone' phrases are left out on purpose: in "no more chest pain" the "no" still negates.
 */
export function guardsTriggers(m: Match): boolean {
  return m.kind === C.K_FLAG || m.kind === C.K_WEAK || m.kind === C.K_VAGUE || m.kind === C.K_PULSE
    || ((m.kind === C.K_DIR || m.kind === C.K_MOD) && m.arg !== GONE);
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
  /** Start tokens (ascending) of matches that close a negation's reach: "not better, it's worse". */
  readonly blockers?: readonly number[];
  /** The phrases making up the span: their own words ("ya no tengo nada") never negate it. */
  readonly parts?: readonly Match[];
}

export class Scopes {
  private readonly triggers: (Match & { lists: boolean })[] = [];
  private readonly triggerStarts: number[] = [];
  private readonly newClauses: number[];
  private readonly clauseStarts: number[];
  private readonly joinStarts: number[];
  private readonly questions: Questions;

  /**
   * `guards` are matches whose own words may contain trigger words without being negated by them.
   * `joking`: the text itself shows laughter the lexicon cannot spell (an emoji).
   */
  constructor(private readonly scan: Scan, matches: readonly Match[], guards: (m: Match) => boolean, joking = false) {
    // Guards indexed by the tokens they cover, so long messages stay linear.
    const covering = new Array<Match[] | undefined>(scan.n);
    for (const g of matches) if (g.kind === C.K_PSEUDO || guards(g)) for (let p = g.start; p < g.end; p++) (covering[p] ??= []).push(g);
    const joins = matches.filter((m) => m.kind === C.K_JOIN);
    this.joinStarts = joins.map((m) => m.start);
    let nextJoin = 0;
    const newClauses = matches.filter((m) => m.kind === C.K_NEWCL);
    this.newClauses = newClauses.map((m) => m.start);
    // For history, "and my" is one new clause, not two ("years ago I panicked and my heart raced").
    this.clauseStarts = outermost(newClauses).map((m) => m.start);
    this.questions = new Questions(scan, matches);
    const jokes = joking || matches.some((m) => m.kind === C.K_JOKE);
    let lastDenial = -1;
    for (const m of matches) if (m.kind === C.K_DENIAL) lastDenial = m.start;
    for (const m of matches) {
      if (!TRIGGERS.has(m.kind) || (m.kind === C.K_HYPER && !jokes) || (m.kind === C.K_INSTR && lastDenial < m.end)) continue;
      if ((covering[m.start] ?? []).some((g) => literallyIn(m, g, scan))) continue;
      const cl = scan.clause[m.end - 1];
      while (nextJoin < joins.length && (joins[nextJoin] as Match).start < m.end) nextJoin++;
      const j = joins[nextJoin];
      const lists = j !== undefined && scan.clause[j.start] === cl;
      this.triggers.push({ kind: m.kind, arg: m.arg, start: m.start, end: m.end, phrase: m.phrase, lists });
      this.triggerStarts.push(m.start);
    }
  }

  private commaBetween(from: number, to: number): boolean {
    for (let p = from; p <= to; p++) if ((this.scan.tokens.brk[p] as number) >= BRK_LINE) return true;
    return false;
  }

  /** Whether the span [start, end) is anything but affirmed: negated, possible, hypothetical, history or a general question. */
  negated(start: number, end: number, opts: ScopeOptions = {}): boolean {
    return this.read(start, end, opts) !== AFFIRMED;
  }

  /**
   * NEGATED when the span [start, end) is denied close by, hypothetical, history, someone else's
   * story or a general question; POSSIBLE when a denial reaches it only from further away or
   * across a list, or a question points at the asker's own state; AFFIRMED otherwise.
   */
  read(start: number, end: number, opts: ScopeOptions = {}): Reading {
    const { clause } = this.scan;
    const asked = this.questions.reading(start, end, opts.parts ?? []);
    if (asked === NEGATED) return NEGATED;
    let out: Reading = asked;
    const window = opts.window ?? NEG_WINDOW;
    const reach = Math.max(window, HYPO_WINDOW, HIST_WINDOW) + 1;
    for (let i = lowerBound(this.triggerStarts, start - reach - 8); i < this.triggers.length; i++) {
      const t = this.triggers[i] as Match & { lists: boolean };
      if (t.start > end + reach) break;
      const sameClause = clause[t.start] === clause[start] && clause[t.end - 1] === clause[end - 1];
      if (t.kind === C.K_POST) {
        // Not across a comma: in "breathless, no blood though" the denial is about the blood only.
        if (t.start >= end && t.start - end <= POST_WINDOW && sameClause && !this.commaBetween(end, t.start)) return NEGATED;
        continue;
      }
      const inside = t.start > start && t.end <= end;
      if (t.kind === C.K_HIST) {
        if (!sameClause) continue;
        // Before the span, history ends where a second clause starts: "I used to run, and now I'm breathless".
        if (t.end <= start && start - t.end <= HIST_WINDOW && countIn(this.clauseStarts, t.end, start) <= 1) return NEGATED;
        if (t.start >= end && t.start - end <= HIST_WINDOW) return NEGATED;
        // Inside the span only where a gap skipped it: "veins have always been bulging".
        if (inside && !(opts.parts ?? []).some((p) => literallyIn(t, p, this.scan))) return NEGATED;
        continue;
      }
      if (t.kind === C.K_NEG && inside) {
        // A trigger inside the span counts only where a gap skipped it: "chest doesn't hurt".
        if (!(opts.parts ?? []).some((p) => literallyIn(t, p, this.scan))) return NEGATED;
        continue;
      }
      // A trigger running into the span still precedes it: "no se me | nubló la vista", "don't feel | like I'm suffocating".
      const straddles = t.start < start && t.end > start && t.end <= end;
      if ((t.end > start && !straddles) || !sameClause) continue;
      if (start - t.end > (t.kind === C.K_HYPER ? HYPER_WINDOW : t.kind === C.K_ELSE ? ELSE_WINDOW : t.kind === C.K_NEG ? window : HYPO_WINDOW)) continue;
      if (this.commaBetween(t.end, start) && (t.kind !== C.K_NEG || !t.lists)) continue;
      if (opts.blockers !== undefined && countIn(opts.blockers, t.end, start) > 0) continue;
      const clauses = countIn(this.newClauses, t.end, start);
      if (clauses > (t.kind === C.K_NEG || t.kind === C.K_ELSE ? 0 : 1)) continue;
      if (t.kind !== C.K_NEG || this.close(t.end, start)) return NEGATED;
      out = POSSIBLE;
    }
    return out;
  }

  /** Whether a negation ending at `from` denies what starts at `to` for sure: a few words, no list between. */
  private close(from: number, to: number): boolean {
    if (to - from > NEG_CLOSE) return false;
    return to <= from || (!this.commaBetween(from, to) && countIn(this.joinStarts, from, to) === 0);
  }
}
