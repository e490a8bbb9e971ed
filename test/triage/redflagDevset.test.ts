/**
 * Measures the red-flag screen on labelled patient messages written by someone other than the
 * lexicon's author, read the way the bot reads them (the language's lexicon plus English).
 * Dev files are for tuning; holdout files measure how well that tuning generalises and must not
 * be used to tune. Extra files are fresh wording (idioms, carers, typos, voice-to-text, long
 * messages, benign traps) written before the concept layer existed. Blind2–blind5 are independent
 * writers' sets, each scored once blind and used for tuning since (en emergency 85/92, 75/79, 73/80,
 * 81/81; es 57/61, 51/53, 60/61, 54/54). Every offered language needs a dev set of at least 60
 * messages, written before its lexicon. The holdout sets of the eight newer languages were written
 * by an independent reviewer before they saw the lexicon, scored once (emergency: fr 22/22, de 22/22,
 * pl 20/22, pt 21/22, ro 22/22, ar 22/23, ur 21/22, zh-Hans 21/23; recorded in each REVIEW.md) and
 * used for tuning since, so they are regression sets now, not blind ones. Their blind2 sets, a third
 * writer's in harder styles, were scored once the same way (emergency: fr 20/22, de 23/23, pl 21/22,
 * pt 22/22, ro 22/23, ar 18/24, ur 20/22, zh-Hans 17/22) and tuned on since.
 * Thresholds follow the safety case: missing an emergency is the error that hurts patients
 * (S1/S2), false alarms cost trust.
 */
import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../../src/language/localizer';
import { fixtureSets, formatScores, loadExamples, rate, score, type Score } from '../../scripts/redflagScore';
import FLOORS from '../fixtures/redflags.floors.json';

/**
 * Measured sets: written blind, first-scored once (docs/clinical-safety/redflag-evaluation.md), then kept
 * as regression sets at the score they reached after tuning (test/fixtures/redflags.floors.json: caught
 * emergencies and urgent-or-higher "as run", and the most false alarms allowed). Raise a floor when the
 * score improves; never lower one. The strict 100% rule of the other sets does not hold for them: what
 * they still miss is listed in the evaluation file.
 */
const MEASURED = new Set(['blind6', 'blind7', 'real']);
type Floor = { emergency: number; urgent: number; falseAlarms: number };

describe('red-flag dev and holdout sets', () => {
  const scores: Score[] = fixtureSets().map(({ set, lng }) => score(set, lng, loadExamples(set, lng)));

  it('prints the table', () => {
    console.log(formatScores(scores));
    expect(scores.filter((s) => s.set === 'extra').length).toBe(2);
  });

  for (const lng of createLocalizer('en').languages) {
    it(`S6: ${lng} is offered, so it has a dev set of at least 60 labelled messages with every label`, () => {
      const dev = scores.find((s) => s.set === 'dev' && s.lng === lng);
      expect(dev?.n ?? 0).toBeGreaterThanOrEqual(60);
      expect(dev?.emergency[1] ?? 0).toBeGreaterThan(0);
      expect(dev?.urgent[1] ?? 0).toBeGreaterThan(0);
      expect(dev?.falseAlarm[1] ?? 0).toBeGreaterThan(0);
    });
  }

  for (const s of scores.filter((x) => MEASURED.has(x.set))) {
    it(`S1 S2: ${s.set} ${s.lng}: a measured set stays at or above the score it reached`, () => {
      const floor = (FLOORS as Record<string, Floor>)[`${s.set}/${s.lng}`];
      expect(floor, `no floor recorded for ${s.set}/${s.lng}`).toBeDefined();
      expect(s.emergencyAsRun[0], s.misses.join('\n')).toBeGreaterThanOrEqual(floor!.emergency);
      expect(s.urgentAsRun[0], s.misses.join('\n')).toBeGreaterThanOrEqual(floor!.urgent);
      expect(s.falseAlarm[0], s.misses.join('\n')).toBeLessThanOrEqual(floor!.falseAlarms);
    });
  }

  // A set with no emergency or no urgent message cannot measure it (rate() of 0/0 is 1): such a case shows as skipped.
  for (const s of scores.filter((x) => !MEASURED.has(x.set))) {
    it.skipIf(s.emergency[1] === 0)(`S1: ${s.set} ${s.lng}: every emergency is recognised as an emergency`, () => {
      expect(rate(s.emergency), s.misses.join('\n')).toBe(1);
    });
    it(`${s.set} ${s.lng}: false alarms on benign messages stay at or below 10%`, () => {
      expect(s.falseAlarm[1], 'a set with no benign messages cannot measure false alarms').toBeGreaterThan(0);
      expect(rate(s.falseAlarm), s.misses.join('\n')).toBeLessThanOrEqual(0.1);
    });
    it.skipIf(s.urgent[1] === 0)(`S2: ${s.set} ${s.lng}: at least 95% of urgent messages get urgent or emergency`, () => {
      expect(rate(s.urgent), s.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
    // Only the newer sets label messages "possible"; the others make no S9 case.
    if (s.possible[1] > 0) {
      it(`S9: ${s.set} ${s.lng}: every possible red flag gets a question or advice, never nothing`, () => {
        expect(rate(s.possible), s.misses.join('\n')).toBe(1);
      });
    }
  }
});
