import { Patient, type Reply } from './app';

type Entity = { type: string; id?: string; flag?: string; level?: string; reasons?: string[]; reason?: string };

/** The id of the question the bot is waiting on (the last question entity in these replies). */
export function questionId(replies: readonly Reply[]): string | undefined {
  const entities = replies.flatMap((r) => (r.entities ?? []) as Entity[]);
  return [...entities].reverse().find((e) => e.type === 'question')?.id;
}

export const entitiesOf = (replies: readonly Reply[], type: string): Entity[] => replies.flatMap((r) => (r.entities ?? []) as Entity[]).filter((e) => e.type === type);

/**
 * Answers each question the bot asks by its id, as a channel user would type, until it asks one
 * that `answers` does not cover (or `stopAt`). Returns every reply and the id it stopped at.
 */
export async function answerById(p: Patient, first: readonly Reply[], answers: Record<string, string>, stopAt?: string, max = 40): Promise<{ replies: Reply[]; at: string | undefined }> {
  const all: Reply[] = [...first];
  let last = first;
  for (let i = 0; i < max; i++) {
    const id = questionId(last);
    if (!id || id === stopAt || answers[id] === undefined) return { replies: all, at: id };
    last = await p.say(answers[id]);
    all.push(...last);
  }
  return { replies: all, at: questionId(last) };
}

/** Every question answered in the calmest way: no signs, not pregnant, no blood thinners, leg gone. */
export const CALM: Record<string, string> = {
  consent: 'Yes, go on', eligibility: 'Yes', explain: 'Carry on',
  signBreathing: 'No', signChest: 'No', signCoughBlood: 'No', signFaint: 'No', signHeart: 'No', signLeg: 'No',
  pregnant: 'No', bloodThinners: 'No', legTrend: 'Gone', otherLimb: 'No', hardVeins: 'No', fever: 'No',
  followUpPlanned: 'No', thighOnlyScan: 'No', riskFactors: 'No', teachBack: 'I would call 999', followUpOffer: 'No thanks',
};
