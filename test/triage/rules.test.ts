import { describe, expect, it } from 'vitest';
import { adviceShape, BLOOD_THINNERS_REASON, evaluate, findingOf, flagDisposition, isRepeatContact, nextQuestion, QUESTIONS, RULES, RULES_VERSION, SOURCES, withFloor, type Answers, type Level } from '../../src/triage';
import { LEVELS, rank, SIGNS } from '../../src/triage/types';

/** "No" to each of the six emergency-sign questions. */
const NO_SIGNS: Answers = Object.fromEntries(SIGNS.map((s) => [s, 'no']));
/** The questions always asked before the leg: no sign, not pregnant, no blood thinner. */
const SCREENED: Answers = { ...NO_SIGNS, pregnant: 'no', bloodThinners: 'no' };

/** The rows of each sign question: a yes (emergency) and a "not sure" (urgent, call the urgent line now). */
const SIGN_ROWS: Record<(typeof SIGNS)[number], { yes: string; unsure: string }> = {
  signBreathing: { yes: 'E_BREATHING', unsure: 'U_BREATHING_UNSURE' },
  signChest: { yes: 'E_CHEST', unsure: 'U_CHEST_UNSURE' },
  signCoughBlood: { yes: 'E_COUGH_BLOOD', unsure: 'U_COUGH_BLOOD_UNSURE' },
  signFaint: { yes: 'E_FAINT', unsure: 'U_FAINT_UNSURE' },
  signHeart: { yes: 'E_HEART', unsure: 'U_HEART_UNSURE' },
  // Not U_LEG_UNSURE: that is the leg-trend row, and one reason code names one row.
  signLeg: { yes: 'E_LEG', unsure: 'U_LEG_SIGN_UNSURE' },
};

/** One scenario per row: the answers that should fire it, and the tier it must give. */
const ROW_SCENARIOS: Record<string, { answers: Answers; level: Level }> = {
  ...Object.fromEntries(SIGNS.flatMap((sign) => [
    [SIGN_ROWS[sign].yes, { answers: { ...NO_SIGNS, [sign]: 'yes' }, level: 'emergency' }],
    [SIGN_ROWS[sign].unsure, { answers: { ...SCREENED, [sign]: 'unsure', legTrend: 'better' }, level: 'urgent' }],
  ])),
  U_PREGNANT: { answers: { ...SCREENED, pregnant: 'yes', legTrend: 'better' }, level: 'urgent' },
  U_FEVER: { answers: { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'yes' }, level: 'urgent' },
  U_LEG_WORSE: { answers: { ...SCREENED, legTrend: 'worse' }, level: 'urgent' },
  U_LEG_UNSURE: { answers: { ...SCREENED, legTrend: 'unsure' }, level: 'urgent' },
  U_OTHER_LIMB: { answers: { ...SCREENED, legTrend: 'better', otherLimb: 'yes' }, level: 'urgent' },
  U_HARD_VEINS: { answers: { ...SCREENED, legTrend: 'gone', otherLimb: 'no', hardVeins: 'yes' }, level: 'urgent' },
  S_LEG_SAME: { answers: { ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' }, level: 'soon' },
  S_FOLLOW_UP: { answers: { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'yes' }, level: 'soon' },
  S_THIGH_ONLY: { answers: { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no', thighOnlyScan: 'yes' }, level: 'soon' },
  S_RISK_FACTORS: { answers: { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'yes' }, level: 'soon' },
  SC_SETTLING: { answers: { ...SCREENED, legTrend: 'gone', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' }, level: 'self-care' },
};

describe('rules table', () => {
  it('has a scenario for every row and a unique id, a source and a note on each', () => {
    expect(Object.keys(ROW_SCENARIOS).sort()).toEqual(RULES.map((r) => r.id).sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const source of rule.sources) expect(SOURCES[source], `${rule.id} -> ${source}`).toBeDefined();
      expect(rule.note.length).toBeGreaterThan(10);
    }
  });

  for (const rule of RULES) {
    it(`row ${rule.id} gives ${rule.level} and is named as a reason`, () => {
      const scenario = ROW_SCENARIOS[rule.id]!;
      const result = evaluate(scenario.answers);
      expect(result.level).toBe(scenario.level);
      expect(result.level).toBe(rule.level);
      expect(result.reasons).toContain(rule.id);
      expect(result.rulesVersion).toBe(RULES_VERSION);
    });
  }

  it('S2: the most urgent matching tier wins and all its rules are reasons', () => {
    const result = evaluate({ ...SCREENED, legTrend: 'worse', otherLimb: 'yes', hardVeins: 'yes', fever: 'yes', followUpPlanned: 'yes' });
    expect(result.level).toBe('urgent');
    expect(result.reasons).toEqual(['U_FEVER', 'U_LEG_WORSE', 'U_OTHER_LIMB', 'U_HARD_VEINS']);
  });

  it('S2 H09: with nothing answered the advice is "soon", never self-care', () => {
    expect(evaluate({})).toMatchObject({ level: 'soon', reasons: ['S_INCOMPLETE'] });
  });

  it('S2 H02: "not sure" always lands more urgent than the reassuring answer to the same question', () => {
    const base: Answers = { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    const reassuring: Record<string, string> = { ...(SCREENED as Record<string, string>), legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    for (const question of QUESTIONS) {
      const sure = evaluate({ ...base, [question.id]: reassuring[question.id] });
      const unsure = evaluate({ ...base, [question.id]: 'unsure' });
      if (question.id === 'bloodThinners') {
        // A blood thinner changes what the advice says, never the tier: "not sure" gets the advice of a yes
        // (ask the team today whether to stop it, and the bleeding signs), never the advice of a no.
        expect(unsure.reasons, question.id).toContain(BLOOD_THINNERS_REASON);
        expect(sure.reasons, question.id).not.toContain(BLOOD_THINNERS_REASON);
        expect(unsure.reasons).toEqual(evaluate({ ...base, bloodThinners: 'yes' }).reasons);
        continue;
      }
      expect(rank(unsure.level), question.id).toBeLessThan(rank(sure.level));
    }
  });

  it('S2 H12: a repeat contact moves the tier up one step, capped at urgent', () => {
    const same: Answers = { ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' };
    expect(evaluate({ ...same, repeatContact: true })).toMatchObject({ level: 'urgent', reasons: ['S_LEG_SAME', 'M_REPEAT_CONTACT'] });
    const better: Answers = { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    expect(evaluate({ ...better, repeatContact: true }).level).toBe('soon');
    expect(evaluate({ ...SCREENED, legTrend: 'worse', repeatContact: true }).level).toBe('urgent');
    for (const sign of SIGNS) expect(evaluate({ ...NO_SIGNS, [sign]: 'yes', repeatContact: true }).level, sign).toBe('emergency');
  });
});

describe('H11 H22: "not sure" at an emergency-sign question', () => {
  it('H11 H22: gives urgent advice (call the urgent line now), never self-care or soon, whatever the leg does', () => {
    for (const sign of SIGNS) {
      for (const trend of ['worse', 'same', 'better', 'gone', 'unsure'] as const) {
        const result = evaluate({ ...SCREENED, [sign]: 'unsure', legTrend: trend, otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' });
        expect(result.level, `${sign} ${trend}`).toBe('urgent');
        expect(result.reasons, `${sign} ${trend}`).toContain(SIGN_ROWS[sign].unsure);
        expect(adviceShape(result, { ...SCREENED, [sign]: 'unsure', legTrend: trend }).urgent, `${sign} ${trend}`).toBe('now');
      }
    }
  });

  it('H11: "not sure" about the leg trend is "get seen today", not the urgent line now of an unsure emergency sign', () => {
    const answers: Answers = { ...SCREENED, legTrend: 'unsure' };
    const result = evaluate(answers);
    expect(result).toMatchObject({ level: 'urgent', reasons: ['U_LEG_UNSURE'] });
    expect(adviceShape(result, answers).urgent).toBeUndefined();
    expect(findingOf(result.reasons)).toBe('legUnsure');
    expect(findingOf([SIGN_ROWS.signLeg.unsure])).toBe('unsureSign');
  });

  it('H20: "not sure" at one sign never stops the questions about the others: a later yes is still an emergency', () => {
    expect(nextQuestion({ signBreathing: 'unsure' })?.id).toBe('signChest');
    expect(evaluate({ ...NO_SIGNS, signBreathing: 'unsure', signLeg: 'yes' }).level).toBe('emergency');
  });
});

describe('question order', () => {
  it('H20: asks the six emergency signs first, one question each in order of clinical weight, and stops at once after a yes', () => {
    expect(QUESTIONS.slice(0, SIGNS.length).map((q) => q.id)).toEqual([...SIGNS]);
    let answers: Answers = {};
    for (const sign of SIGNS) {
      expect(nextQuestion(answers)?.id).toBe(sign);
      expect(nextQuestion({ ...answers, [sign]: 'yes' }), sign).toBeNull();
      answers = { ...answers, [sign]: 'no' };
    }
  });

  it('H24 H25: asks pregnancy and blood thinners next in every check, then the leg trend, then only questions that could change the tier', () => {
    expect(nextQuestion(NO_SIGNS)?.id).toBe('pregnant');
    expect(nextQuestion({ ...NO_SIGNS, pregnant: 'no' })?.id).toBe('bloodThinners');
    expect(nextQuestion({ ...NO_SIGNS, signChest: 'unsure', pregnant: 'no' })?.id).toBe('bloodThinners');
    expect(nextQuestion(SCREENED)?.id).toBe('legTrend');
    // Already urgent: the other urgent questions cannot change the advice.
    expect(nextQuestion({ ...SCREENED, legTrend: 'worse' })).toBeNull();
    expect(nextQuestion({ ...SCREENED, signHeart: 'unsure', legTrend: 'gone' })).toBeNull();
    // Same: already "soon", so only urgent-making questions remain.
    expect(nextQuestion({ ...SCREENED, legTrend: 'same' })?.id).toBe('otherLimb');
    expect(nextQuestion({ ...SCREENED, legTrend: 'same', otherLimb: 'no' })?.id).toBe('hardVeins');
    expect(nextQuestion({ ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no' })?.id).toBe('fever');
    expect(nextQuestion({ ...SCREENED, legTrend: 'same', otherLimb: 'no', hardVeins: 'no', fever: 'no' })).toBeNull();
  });

  it('asks about the scan extent and risk factors only when symptoms are improving but not gone', () => {
    const improving: Answers = { ...SCREENED, legTrend: 'better', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' };
    expect(nextQuestion(improving)?.id).toBe('thighOnlyScan');
    expect(nextQuestion({ ...improving, thighOnlyScan: 'no' })?.id).toBe('riskFactors');
    expect(nextQuestion({ ...improving, legTrend: 'gone' })).toBeNull();
    expect(nextQuestion({ ...improving, followUpPlanned: 'yes' })).toBeNull();
  });

  it('every complete path ends with a level from the table', () => {
    const walk = (answers: Answers): void => {
      const q = nextQuestion(answers);
      if (!q) {
        expect(LEVELS).toContain(evaluate(answers).level);
        return;
      }
      const options = q.kind === 'trend' ? ['worse', 'same', 'better', 'gone', 'unsure'] : ['yes', 'no', 'unsure'];
      for (const option of options) walk({ ...answers, [q.id]: option });
    };
    walk({});
  });
});

describe('red-flag floor and repeat contact', () => {
  it('S2 H09: the advice is never less urgent than a red flag already typed', () => {
    const selfCare = evaluate({ ...SCREENED, legTrend: 'gone', otherLimb: 'no', hardVeins: 'no', fever: 'no', followUpPlanned: 'no' });
    expect(withFloor(selfCare, { level: 'urgent', reasons: ['RF_LEG_WORSE'] })).toMatchObject({ level: 'urgent', reasons: ['RF_LEG_WORSE'] });
    const emergency = evaluate({ signBreathing: 'yes' });
    expect(withFloor(emergency, { level: 'urgent', reasons: ['RF_OTHER_LIMB'] }).level).toBe('emergency');
    const urgent = evaluate({ ...SCREENED, legTrend: 'worse' });
    expect(withFloor(urgent, { level: 'urgent', reasons: ['RF_HARD_VEINS'] }).reasons).toEqual(['U_LEG_WORSE', 'RF_HARD_VEINS']);
    expect(flagDisposition({ level: 'emergency', reasons: ['RF_BREATHLESS'] })).toEqual({ level: 'emergency', reasons: ['RF_BREATHLESS'], rulesVersion: RULES_VERSION });
  });

  it('H12: counts a repeat contact only for a persisting symptom within the window', () => {
    const day = 24 * 3600 * 1000;
    expect(isRepeatContact({ at: 0, legTrend: 'same' }, 'same', 3 * day)).toBe(true);
    expect(isRepeatContact({ at: 0, legTrend: 'worse' }, 'unsure', 3 * day)).toBe(true);
    expect(isRepeatContact({ at: 0, legTrend: 'better' }, 'same', 3 * day)).toBe(false);
    expect(isRepeatContact({ at: 0, legTrend: 'same' }, 'gone', 3 * day)).toBe(false);
    expect(isRepeatContact({ at: 0, legTrend: 'same' }, 'same', 91 * day)).toBe(false);
    expect(isRepeatContact(undefined, 'same', 0)).toBe(false);
  });
});
