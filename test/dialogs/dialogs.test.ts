import { describe, expect, it } from 'vitest';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { ExplainDialog } from '../../dialogs/explainDialog';
import { OutcomeDialog } from '../../dialogs/outcomeDialog';
import { QuestionsDialog } from '../../dialogs/questionsDialog';
import { SymptomCheckDialog } from '../../dialogs/symptomCheckDialog';
import { WelcomeDialog } from '../../dialogs/welcomeDialog';
import { SIGNS, type Answers } from '../../src/triage';
import { cardText } from '../helpers/cards';
import { dialogHarness, turn } from '../helpers/dialogHarness';

const keys = (replies: { text: string }[]): string[] => replies.map((r) => r.text.replace(/\\/g, ''));

/** "No" to the six emergency signs, not pregnant, no blood thinner: what every check asks before the leg. */
const SCREENED: Answers = { ...Object.fromEntries(SIGNS.map((s) => [s, 'no'])), pregnant: 'no', bloodThinners: 'no' };

describe('WelcomeDialog', () => {
  it('says it is a helper with the emergency advice first, then asks consent; yes, then yes to who the chat is for, ends with consent', async () => {
    const h = dialogHarness(new WelcomeDialog());
    expect(keys(await turn(h.client, 'hi'))).toEqual(['welcome:hello', 'welcome:purpose', 'welcome:consent']);
    expect(keys(await turn(h.client, 'yes'))).toEqual(['welcome:eligibility']);
    expect(h.session.consented).toBe(true);
    await turn(h.client, 'yes');
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(h.client.dialogTurnResult.result).toBe(true);
  });

  it('H26: someone the chat is not for is told so with the emergency line, and the check does not start', async () => {
    const h = dialogHarness(new WelcomeDialog());
    await turn(h.client, 'hi');
    await turn(h.client, 'yes');
    expect(keys(await turn(h.client, 'no'))).toEqual(['welcome:eligibilityWhy']);
    const replies = await turn(h.client, 'The scan found a clot');
    expect(keys(replies)).toEqual(['welcome:notFor.clotFound', 'common:emergencyLine']);
    expect(replies[0]!.entities).toEqual([{ type: 'notEligible', reason: 'clotFound' }]);
    expect(h.client.dialogTurnResult.result).toBe(false);
  });

  it('no ends without consent and repeats the emergency line', async () => {
    const h = dialogHarness(new WelcomeDialog());
    await turn(h.client, 'hi');
    expect(keys(await turn(h.client, 'no'))).toEqual(['welcome:declined', 'common:emergencyLine']);
    expect(h.client.dialogTurnResult.result).toBe(false);
  });
});

describe('ExplainDialog', () => {
  it('carry on skips the detail', async () => {
    const h = dialogHarness(new ExplainDialog());
    expect(keys(await turn(h.client, 'go'))).toEqual(['explain:found', 'explain:limits', 'explain:offerMore']);
    expect(keys(await turn(h.client, 'carry on'))).toEqual([]);
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('tell me more gives why scans miss clots, the odds and the follow-up tests', async () => {
    const h = dialogHarness(new ExplainDialog());
    await turn(h.client, 'go');
    // The service's scans may look at the thigh veins only (SCAN_TYPE unknown): the thigh-only odds.
    expect(keys(await turn(h.client, 'tell me more'))).toEqual(['explain:missed', 'explain:odds_thigh', 'explain:tests']);
    const whole = dialogHarness(new ExplainDialog(), { scanType: 'whole-leg' });
    await turn(whole.client, 'go');
    expect(keys(await turn(whole.client, 'tell me more'))).toEqual(['explain:missed', 'explain:odds', 'explain:tests']);
  });
});

describe('SymptomCheckDialog', () => {
  it('H20: asks the emergency signs first, one question each, and stops after a yes to any of them', async () => {
    for (const [i, sign] of SIGNS.entries()) {
      const h = dialogHarness(new SymptomCheckDialog());
      expect(keys(await turn(h.client, 'start'))).toEqual(['symptoms:intro', `symptoms:${SIGNS[0]}`]);
      for (const next of SIGNS.slice(1, i + 1)) expect(keys(await turn(h.client, 'no'))).toEqual([`symptoms:${next}`]);
      await turn(h.client, 'yes');
      expect(h.client.dialogTurnResult.status, sign).toBe(DialogTurnStatus.complete);
      expect(h.session.answers).toEqual({ ...Object.fromEntries(SIGNS.slice(0, i).map((s) => [s, 'no'])), [sign]: 'yes' });
    }
  });

  it('records free-text answers and asks only what can change the advice', async () => {
    const h = dialogHarness(new SymptomCheckDialog());
    await turn(h.client, 'start');
    for (const next of [...SIGNS.slice(1), 'pregnant', 'bloodThinners']) expect(keys(await turn(h.client, 'nope'))).toEqual([`symptoms:${next}`]);
    expect(keys(await turn(h.client, 'nope'))).toEqual(['symptoms:legTrend']);
    expect(keys(await turn(h.client, 'about the same as before'))).toEqual(['symptoms:otherLimb']);
    expect(keys(await turn(h.client, 'no'))).toEqual(['symptoms:hardVeins']);
    expect(keys(await turn(h.client, 'no'))).toEqual(['symptoms:fever']);
    await turn(h.client, 'no');
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(h.session.answers).toEqual({ ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' });
  });

  it('S2 H02: an unreadable answer is asked again once, then recorded as not sure', async () => {
    const h = dialogHarness(new SymptomCheckDialog());
    await turn(h.client, 'start');
    expect(keys(await turn(h.client, 'banana'))).toEqual(['common:notUnderstood common:tryAgain', 'symptoms:signBreathing']);
    expect(keys(await turn(h.client, 'banana'))).toEqual(['common:takenAsUnsure', 'symptoms:signChest']);
    expect(h.session.answers.signBreathing).toBe('unsure');
  });

  it('on SMS a number picks the numbered option', async () => {
    const h = dialogHarness(new SymptomCheckDialog(), { channelId: 'sms' });
    const first = await turn(h.client, 'start');
    expect(first.at(-1)!.text).toMatch(/1\) common:choices.yes\n2\) common:choices.no\n3\) common:choices.unsure$/);
    await turn(h.client, '2');
    expect(h.session.answers.signBreathing).toBe('no');
  });

  it('a question typed instead of an answer is answered, then the question is asked again', async () => {
    const check = new SymptomCheckDialog();
    check.addDialog(new QuestionsDialog());
    const h = dialogHarness(check);
    await turn(h.client, 'start');
    expect(keys(await turn(h.client, 'can i fly next week?'))).toEqual(['faq:answers.travel', 'faq:safetyNet', 'symptoms:signBreathing']);
  });
});

describe('OutcomeDialog', () => {
  const day = 24 * 3600 * 1000;

  it('S4 H10: gives the advice with its entity, the safety net, teach-back, and the summary', async () => {
    const h = dialogHarness(new OutcomeDialog(), { session: { answers: { ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' } } });
    const first = await turn(h.client, 'go');
    expect(first[0]!.entities).toEqual([{ type: 'disposition', level: 'soon', reasons: ['S_LEG_SAME'], rulesVersion: expect.any(String) }]);
    expect(keys(first)).toEqual([
      '**outcome:soon.title**',
      'outcome:safetyNetUrgent\n\noutcome:safetyNetEmergency',
      'outcome:teachBack.question',
    ]);
    // The heading is the text; the advice itself is on the card under it (src/rendering/render.ts).
    // Whether a second scan is planned was not asked (it could not change the tier): both wordings.
    expect(cardText(first[0]!.attachments?.[0]?.content).replace(/\\/g, '')).toBe('outcome:soon.body\noutcome:soon.what_either\noutcome:soon.contact');
    const second = await turn(h.client, 'Call 999');
    expect(keys(second)[0]).toBe('outcome:teachBack.right');
    expect(keys(second)[1]).toMatch(/^\*\*outcome:summary.title\*\*/);
    expect(h.session.lastDisposition?.level).toBe('soon');
  });

  it('soon advice after "no planned scan" says to ask whether one is needed, not to go to it', async () => {
    const h = dialogHarness(new OutcomeDialog(), { session: { answers: { ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' } } });
    const first = await turn(h.client, 'go');
    expect(cardText(first[0]!.attachments?.[0]?.content).replace(/\\/g, '')).toBe('outcome:soon.body\noutcome:soon.what_askAboutScan');
  });

  it('emergency advice stands alone and ends the dialog', async () => {
    const rows = { signBreathing: 'E_BREATHING', signChest: 'E_CHEST', signCoughBlood: 'E_COUGH_BLOOD', signFaint: 'E_FAINT', signHeart: 'E_HEART', signLeg: 'E_LEG' };
    for (const sign of SIGNS) {
      const h = dialogHarness(new OutcomeDialog(), { session: { answers: { [sign]: 'yes' } } });
      const replies = await turn(h.client, 'go');
      expect(replies, sign).toHaveLength(1);
      expect(replies[0]!.entities?.[0]).toMatchObject({ level: 'emergency', reasons: [rows[sign]] });
      expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    }
  });

  it('S2 H12: coming back with the same persisting symptom moves the advice up a tier', async () => {
    const now = 10 * day;
    const h = dialogHarness(new OutcomeDialog(), {
      now, session: { answers: { ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' } },
      profile: { lastCheck: { at: now - 3 * day, legTrend: 'same', level: 'soon' } },
    });
    const replies = await turn(h.client, 'go');
    expect(replies[0]!.entities?.[0]).toMatchObject({ level: 'urgent', reasons: ['S_LEG_SAME', 'M_REPEAT_CONTACT'] });
  });

  it('S2: a red flag typed earlier is a floor for the advice', async () => {
    const h = dialogHarness(new OutcomeDialog(), {
      session: { answers: { ...SCREENED, legTrend: 'gone', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' }, floor: { level: 'urgent', reasons: ['RF_OTHER_LIMB'] } },
    });
    const replies = await turn(h.client, 'go');
    expect(replies[0]!.entities?.[0]).toMatchObject({ level: 'urgent', reasons: ['RF_OTHER_LIMB'] });
  });
});

describe('QuestionsDialog', () => {
  it('menu -> topic -> answer with safety net -> menu again -> done', async () => {
    const h = dialogHarness(new QuestionsDialog());
    const menu = await turn(h.client, 'menu');
    expect(keys(menu)).toEqual(['faq:menu']);
    expect(menu[0]!.suggestedActions?.actions.map((a) => a.title)).toContain('faq:topics.dDimer');
    expect(keys(await turn(h.client, 'faq:topics.dDimer'))).toEqual(['faq:answers.dDimer', 'faq:safetyNet', 'faq:menu']);
    await turn(h.client, 'common:choices.done');
    expect(h.client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('answers every topic typed in the patient\'s words', async () => {
    const asked: [string, string][] = [
      ['do i still take my blood thinners', 'bloodThinners'], ['is it ok to fly', 'travel'], ['can i go to the gym', 'exercise'],
      ['how long until it feels better', 'recovery'], ['whats a d dimer', 'dDimer'], ['when is my second scan', 'repeatScan'],
      ['what else could cause this', 'otherCauses'],
    ];
    for (const [text, topic] of asked) {
      const h = dialogHarness(new QuestionsDialog());
      await turn(h.client, 'menu');
      expect(keys(await turn(h.client, text))[0], text).toBe(`faq:answers.${topic}`);
    }
  });
});
