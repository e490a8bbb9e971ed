import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';

/** Advice (an activity carrying the S4 disposition entity) never waits for anything (S1). */
const isAdvice = (activity: Partial<Activity>): boolean =>
  (activity.entities ?? []).some((e) => (e as { type?: unknown }).type === 'disposition');

/**
 * Holds a turn's messages until the turn's state is saved (issue 16 item 7: a full disk). A
 * question sent before a save that then fails would leave the patient answering a question the
 * bot no longer knows it asked. So messages wait for the turn to end: when it ends well they go
 * out in order; when it throws (state could not be saved, or anything else) the held ones are
 * dropped and the error boundary's apology, which names the emergency signs, goes instead.
 * Advice is never held: it goes at once, with everything held before it, in order. Other
 * activity types (typing, invoke responses) pass straight through.
 *
 * Registered before the audit middleware, so the audit records only what was really sent.
 */
export function holdRepliesUntilSaved(): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      let holding = true;
      let held: Partial<Activity>[] = [];
      /** Sends what is held, in order, past this handler. */
      const sendHeld = async (): Promise<void> => {
        const out = held;
        held = [];
        if (out.length === 0) return;
        const was = holding;
        holding = false;
        try {
          await context.sendActivities(out);
        } finally {
          holding = was;
        }
      };
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        if (!holding || !activities.every((a) => a.type === 'message' || a.type === undefined)) return sendNext();
        if (!activities.some(isAdvice)) {
          held.push(...activities);
          return activities.map((): ResourceResponse => ({ id: '' }));
        }
        // Advice: what was held goes first, in order, then the advice, now.
        await sendHeld();
        return sendNext();
      });
      try {
        await next();
      } catch (error) {
        holding = false;
        held = [];
        throw error;
      }
      holding = false;
      await sendHeld();
    },
  };
}
