import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositions, Patient, startApp, texts, type RunningApp } from '../helpers/app';
import { answerById, CALM, entitiesOf } from '../helpers/questions';
import { loadConfig } from '../../src/config';

let app: RunningApp;
let n = 0;
const patient = (): Patient => new Patient(app.url, `pathway-${++n}`, 'test', 'en-GB');
const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
async function check(answers: Record<string, string>, opening = 'hi') {
  const p = patient();
  const { replies } = await answerById(p, await p.say(opening), { ...CALM, ...answers }, 'teachBack');
  return { replies, d: last(dispositions(replies)), said: texts(replies) };
}

beforeAll(async () => { app = await startApp({ CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await app.stop(); });

describe('clinical pathways (clinical review, hazard log H24-H29)', () => {
  it('H24: pregnant with leg symptoms still there: the maternity team today', async () => {
    const { d, said } = await check({ pregnant: 'yes', legTrend: 'About the same' });
    expect(d?.level).toBe('urgent');
    expect(d?.reasons).toContain('U_PREGNANT');
    expect(said).toContain('Contact your maternity team today');
  });

  it('H24: pregnant with chest pain is an emergency as for anyone', async () => {
    const { d } = await check({ signChest: 'yes', pregnant: 'yes' });
    expect(d?.level).toBe('emergency');
  });

  it('H25: a blood thinner given around the scan: ask today whether to stop it, and the bleeding signs', async () => {
    const { d, said } = await check({ bloodThinners: 'yes', legTrend: 'Better' });
    expect(d?.reasons).toContain('M_BLOOD_THINNERS');
    expect(said).toContain('today if you should stop it');
    expect(said).toContain('coffee grounds');
    expect(said).not.toContain('keep taking the medicines you were given');
  });

  it.each([['The scan found a clot', 'clotFound'], ['I am under 18', 'under18'], ['The scan was of my arm', 'armScan']])('H26: "%s" is told this chat is not for them', async (why, reason) => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, eligibility: 'No', eligibilityWhy: why }, 'signBreathing');
    expect(entitiesOf(replies, 'notEligible')[0]?.reason).toBe(reason);
    expect(entitiesOf(replies, 'question').map((e) => e.id)).not.toContain('signBreathing');
    expect(texts(replies).toLowerCase()).toContain('call 999');
  });

  it('H26: no scan yet: get seen today', async () => {
    const p = patient();
    const { replies } = await answerById(p, await p.say('hi'), { ...CALM, eligibility: "no I haven't had the scan yet" }, 'signBreathing');
    expect(dispositions(replies)[0]?.level).toBe('urgent');
  });

  it('H09: soon advice after "no" to a planned scan asks whether one is needed, and never says "go to your second scan"', async () => {
    const { d, said } = await check({ legTrend: 'Better', followUpPlanned: 'No', thighOnlyScan: 'Yes' });
    expect(d?.level).toBe('soon');
    expect(said).toMatch(/Ask if you need a second scan/);
    expect(said).not.toContain('Go to your second scan');
    expect(said).toContain('within 2 working days');
  });

  it('H22: not sure at an emergency sign: call the urgent line now, the emergency number if worse', async () => {
    const { d, said } = await check({ signHeart: 'not sure' });
    expect(d?.level).toBe('urgent');
    expect(said).toContain('Call 111 now');
    expect(said).toContain('If it gets worse, call 999');
  });

  it('H27: fever with a hot red leg: get seen today', async () => {
    const { d } = await check({ legTrend: 'better', fever: 'yes' });
    expect(d?.level).toBe('urgent');
    expect(d?.reasons).toContain('U_FEVER');
  });

  it('H27 H09: self-care has a time limit, and every safety net names all six emergency signs', async () => {
    const { d, said } = await check({ legTrend: 'gone' });
    expect(d?.level).toBe('self-care');
    expect(said).toContain('not clearly better in a week');
    for (const sign of ['trouble breathing', 'chest or upper back', 'cough up blood', 'faint', 'very fast heartbeat', 'blue, purple, pale or cold']) expect(said).toContain(sign);
    expect(said).toContain('the skin looks darker');
  });

  it('H10: teach-back: "ring 111" and "drive to A&E" are corrected; "call an ambulance" is right', async () => {
    for (const [answer, right] of [['ring 111', false], ['drive to A&E', false], ['call an ambulance', true], ['999', true]] as const) {
      const p = patient();
      const { replies } = await answerById(p, await p.say('hi'), { ...CALM, teachBack: answer }, 'whatNext');
      expect(texts(replies).includes('Yes, that is right'), answer).toBe(right);
    }
  });
});

describe('red flags of the new pathways, typed in free text', () => {
  it.each([
    ['I vomited blood this morning', 'emergency'], ['my poo is black like tar', 'emergency'], ['my foot is cold and numb', 'emergency'],
    ["I've got a fever and my leg is hot and red", 'urgent'],
  ])('H25 H27: "%s" gives %s advice at once', async (said, level) => {
    const replies = await patient().say(said);
    expect(dispositions(replies)[0]?.level).toBe(level);
  });

  it('H25: bleeding on a blood thinner names serious bleeding, not a clot in the lungs', async () => {
    const replies = await patient().say('I vomited blood this morning');
    expect(texts(replies)).toContain('serious bleeding');
    expect(texts(replies)).not.toContain('clot in your lungs');
  });
});

describe('deployment settings', () => {
  it('H29: production refuses to start without CARE_TEAM_CONTACT', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', AUDIT_KEY: 'a-test-key-of-enough-length' })).toThrowError(/CARE_TEAM_CONTACT is required/);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', CARE_TEAM_CONTACT: 'the DVT clinic on 020 7188 0000', AUDIT_KEY: 'a-test-key-of-enough-length' }).careTeamContact).toContain('DVT clinic');
  });

  it('H28: booking a check-in says not to wait for it if it does not come', async () => {
    const withCheckIns = await startApp({ CHECKIN_DAYS: '2,7' });
    try {
      const p = new Patient(withCheckIns.url, 'checkin-booked');
      const { replies } = await answerById(p, await p.say('hi'), { ...CALM, followUpOffer: 'Yes, message me' }, 'whatNext');
      expect(texts(replies)).toContain('If my message does not come, do not wait for it');
    } finally {
      await withCheckIns.stop();
    }
  });
});

describe('SCAN_TYPE', () => {
  it('proximal: the thigh-only question is not asked and better-but-not-gone is "soon"; the odds are not whole-leg figures', async () => {
    const thigh = await startApp({ CHECKIN_DAYS: 'off', SCAN_TYPE: 'proximal' });
    try {
      const p = new Patient(thigh.url, 'scan-proximal');
      const { replies } = await answerById(p, await p.say('hi'), { ...CALM, explain: 'Tell me more', legTrend: 'Better' }, 'teachBack');
      expect(entitiesOf(replies, 'question').map((e) => e.id)).not.toContain('thighOnlyScan');
      expect(last(dispositions(replies))?.reasons).toContain('S_THIGH_ONLY');
      expect(texts(replies)).not.toContain('Out of 1,000 people with a clear scan of the whole leg');
    } finally {
      await thigh.stop();
    }
  });
});
