/**
 * General questions about a symptom are not reports of it: "are palpitations serious?", "¿la
 * taquicardia puede ser por un trombo?", "¿el corazón acelerado puede ser señal de algo?".
 * A question that points at the asker's own state without naming them ("is it normal to be this
 * out of breath?": questions.implied) is a possible report: the bot asks about it (S9).
 *
 * A symptom is asked about, not reported, when nothing in the whole message refers to the
 * patient or someone they care for (questions.self: "I", "my", "this", "me", "mi madre"...) and
 * either a question word (questions.asking) comes before it in a question, or it is the subject
 * of a question: words such as "puede ser señal", "is a sign" (questions.about) follow it right
 * away, in the same clause, with no comma. Any self-reference keeps it affirmed ("is it normal to
 * be this breathless?"), a bare "chest pain?" has no question word, and "heart racing, is it
 * bad?" has a comma, so all three stay reports (S2).
 */
import * as C from './compiled';
import type { Match, Scan } from './match';
import { AFFIRMED, NEGATED, POSSIBLE, type Reading } from './reading';
import { BRK_LINE } from './tokenize';

/** How many words may sit between a symptom and the words that make it a question's subject. */
const ABOUT_REACH = 1;

export class Questions {
  private readonly asking: Match[];
  private readonly about: Match[];
  /** Whether anything in the message refers to the patient ("I", "my", "me", "tengo"). */
  private readonly personal: boolean;
  /** Whether the message points at the asker's own state without naming them ("this", "normal to be"). */
  private readonly implied: boolean;

  constructor(private readonly scan: Scan, matches: readonly Match[]) {
    this.personal = matches.some((m) => m.kind === C.K_SELF);
    this.implied = matches.some((m) => m.kind === C.K_IMPLIED);
    this.asking = this.personal ? [] : matches.filter((m) => m.kind === C.K_QWORD);
    this.about = this.personal ? [] : matches.filter((m) => m.kind === C.K_ABOUT);
  }

  /**
   * NEGATED when [start, end) sits in a general question, POSSIBLE when that question points at
   * the asker's own state, AFFIRMED otherwise. A question word right before a negator is a
   * statement with its subject dropped: "can hardly breathe".
   */
  reading(start: number, end: number, parts: readonly Match[]): Reading {
    if (this.personal) return AFFIRMED;
    return this.general(start, end, parts) ? (this.implied ? POSSIBLE : NEGATED) : AFFIRMED;
  }

  private general(start: number, end: number, parts: readonly Match[]): boolean {
    const { sent, question, clause, tokens } = this.scan;
    const s = sent[start] as number;
    const firstOfSentence = (m: Match): boolean => m.start === 0 || sent[m.start - 1] !== s;
    const negatorAt = (p: number): boolean => parts.some((q) => q.kind === C.K_NEGATOR && q.start === p);
    const asked = this.asking.filter((m) => sent[m.start] === s && m.end <= start && !negatorAt(m.end));
    if (asked.length > 0 && (question[s] === true || asked.some(firstOfSentence))) return true;
    if (question[s] !== true) return false;
    return this.about.some((a) => {
      if (a.start < end || a.start - end > ABOUT_REACH || clause[a.start] !== clause[end - 1]) return false;
      for (let p = end; p <= a.start; p++) if ((tokens.brk[p] as number) >= BRK_LINE) return false;
      return true;
    });
  }
}
