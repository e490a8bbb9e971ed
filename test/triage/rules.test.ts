import { describe, expect, it } from 'vitest';
import { evaluate, flagDisposition, isRepeatContact, nextQuestion, QUESTIONS, RULES, RULES_VERSION, SOURCES, withFloor, type Answers, type Level } from '../../src/triage';
import { LEVELS, rank } from '../../src/triage/types';

/** One scenario per row: the answers that should fire it, and the tier it must give. */
const ROW_SCENARIOS: Record<string, { answers: Answers; level: Level }> = {
  E_SIGNS: { answers: { emergencySigns: 'yes' }, level: 'emergency' },
  U_SIGNS_UNSURE: { answers: { emergencySigns: 'unsure', legTrend: 'better' }, level: 'urgent' },
  U_LEG_WORSE: { answers: { emergencySigns: 'no', legTrend: 'worse' }, level: 'urgent' },
  U_LEG_UNSURE: { answers: { emergencySigns: 'no', legTrend: 'unsure' }, level: 'urgent' },
  U_OTHER_LIMB: { answers: { emergencySigns: 'no', legTrend: 'better', otherLimb: 'yes' }, level: 'urgent' },
  U_HARD_VEINS: { answers: { emergencySigns: 'no', legTrend: 'gone', otherLimb: 'no', hardVeins: 'yes' }, level: 'urgent' },
  S_LEG_SAME: { answers: { emergencySigns: 'no', legTrend: 'same', otherLimb: 'no', hardVeins: 'no' }, level: 'soon' },
  S_FOLLOW_UP: { answers: { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'yes' }, level: 'soon' },
  S_THIGH_ONLY: { answers: { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no', thighOnlyScan: 'yes' }, level: 'soon' },
  S_RISK_FACTORS: { answers: { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'yes' }, level: 'soon' },
  SC_SETTLING: { answers: { emergencySigns: 'no', legTrend: 'gone', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no' }, level: 'self-care' },
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
    const result = evaluate({ emergencySigns: 'no', legTrend: 'worse', otherLimb: 'yes', hardVeins: 'yes', followUpPlanned: 'yes' });
    expect(result.level).toBe('urgent');
    expect(result.reasons).toEqual(['U_LEG_WORSE', 'U_OTHER_LIMB', 'U_HARD_VEINS']);
  });

  it('S2 H09: with nothing answered the advice is "soon", never self-care', () => {
    expect(evaluate({})).toMatchObject({ level: 'soon', reasons: ['S_INCOMPLETE'] });
  });

  it('S2 H02: "not sure" always lands more urgent than the reassuring answer to the same question', () => {
    const base: Answers = { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    const reassuring: Record<string, string> = { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    for (const question of QUESTIONS) {
      const sure = evaluate({ ...base, [question.id]: reassuring[question.id] }).level;
      const unsure = evaluate({ ...base, [question.id]: 'unsure' }).level;
      expect(rank(unsure), question.id).toBeLessThan(rank(sure));
    }
  });

  it('S2 H12: a repeat contact moves the tier up one step, capped at urgent', () => {
    const same: Answers = { emergencySigns: 'no', legTrend: 'same', otherLimb: 'no', hardVeins: 'no' };
    expect(evaluate({ ...same, repeatContact: true })).toMatchObject({ level: 'urgent', reasons: ['S_LEG_SAME', 'M_REPEAT_CONTACT'] });
    const better: Answers = { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no' };
    expect(evaluate({ ...better, repeatContact: true }).level).toBe('soon');
    expect(evaluate({ emergencySigns: 'no', legTrend: 'worse', repeatContact: true }).level).toBe('urgent');
    expect(evaluate({ emergencySigns: 'yes', repeatContact: true }).level).toBe('emergency');
  });
});

describe('H11: "not sure" at the emergency question', () => {
  it('H11: gives urgent advice (get seen today) with the emergency advice repeated, never self-care or soon', () => {
    for (const trend of ['worse', 'same', 'better', 'gone', 'unsure'] as const) {
      expect(evaluate({ emergencySigns: 'unsure', legTrend: trend, otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no' }).level).toBe('urgent');
    }
  });
});

describe('question order', () => {
  it('asks the emergency screen first and stops at once after an emergency answer', () => {
    expect(nextQuestion({})?.id).toBe('emergencySigns');
    expect(nextQuestion({ emergencySigns: 'yes' })).toBeNull();
  });

  it('asks the leg trend next, then only questions that could change the tier', () => {
    expect(nextQuestion({ emergencySigns: 'no' })?.id).toBe('legTrend');
    // Already urgent: the other urgent questions cannot change the advice.
    expect(nextQuestion({ emergencySigns: 'no', legTrend: 'worse' })).toBeNull();
    // Same: already "soon", so only urgent-making questions remain.
    expect(nextQuestion({ emergencySigns: 'no', legTrend: 'same' })?.id).toBe('otherLimb');
    expect(nextQuestion({ emergencySigns: 'no', legTrend: 'same', otherLimb: 'no', hardVeins: 'no' })).toBeNull();
  });

  it('asks about the scan extent and risk factors only when symptoms are improving but not gone', () => {
    const improving: Answers = { emergencySigns: 'no', legTrend: 'better', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no' };
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
    const selfCare = evaluate({ emergencySigns: 'no', legTrend: 'gone', otherLimb: 'no', hardVeins: 'no', followUpPlanned: 'no' });
    expect(withFloor(selfCare, { level: 'urgent', reasons: ['RF_LEG_WORSE'] })).toMatchObject({ level: 'urgent', reasons: ['RF_LEG_WORSE'] });
    const emergency = evaluate({ emergencySigns: 'yes' });
    expect(withFloor(emergency, { level: 'urgent', reasons: ['RF_OTHER_LIMB'] }).level).toBe('emergency');
    const urgent = evaluate({ emergencySigns: 'no', legTrend: 'worse' });
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
