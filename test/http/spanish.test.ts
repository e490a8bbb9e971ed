import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/rendering/markdown';
import { buttons, dispositions, Patient, startApp, texts, type Reply, type RunningApp, talk } from '../helpers/app';
import { answerById, questionId } from '../helpers/questions';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ REGION: 'mx', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

const paciente = (locale = 'es-MX'): Patient => new Patient(running.url, `es-${(n += 1)}`, 'test', locale);
/** How a Spanish-speaking patient answers each question, by question id: yes, it is for me, carry on, else no. */
const TRANQUILO: Readonly<Record<string, string>> = {
  consent: 'sí', eligibility: 'sí', explain: 'continuar',
  signBreathing: 'no', signChest: 'no', signCoughBlood: 'no', signFaint: 'no', signHeart: 'no', signLeg: 'no',
  pregnant: 'no', bloodThinners: 'no', legTrend: 'ya no tengo nada', otherLimb: 'no', hardVeins: 'no', fever: 'no',
  followUpPlanned: 'no', thighOnlyScan: 'no', riskFactors: 'no',
};
const es = (key: string): string => running.app.localizer.fixedT('es')(key);

/** Says hello and answers each question by its id in Spanish words until the bot asks `hasta` (or nothing more). */
async function conversar(p: Patient, respuestas: Readonly<Record<string, string>> = {}, hasta = 'teachBack'): Promise<{ replies: Reply[]; at: string | undefined }> {
  return answerById(p, await p.say('hola'), { ...TRANQUILO, ...respuestas }, hasta);
}

describe('the whole conversation in Spanish (es-MX, Mexico numbers)', () => {
  it('answers in Spanish from the first message, with the emergency number', async () => {
    const replies = await paciente().say('hola');
    expect(replies[0]!.text).toMatch(/asistente automático/);
    expect(replies[0]!.text).toMatch(/llame ahora al 911/i);
    expect(replies.every((r) => r.locale === 'es')).toBe(true);
    expect(buttons(replies)).toEqual(['consentYes', 'consentNo', 'consentCarer', 'consentProfessional'].map((c) => es(`common:choices.${c}`)));
    expect(buttons(replies)[0]).toBe('Sí, adelante');
  });

  it.each([
    ['self-care', { legTrend: 'ya no tengo nada' }, 'self-care'],
    ['soon', { legTrend: 'sigue igual' }, 'soon'],
    ['urgent', { legTrend: 'está peor' }, 'urgent'],
    ['emergency', { signBreathing: 'si' }, 'emergency'],
  ])('reaches %s answered in words', async (_name, answers, level) => {
    const { replies, at } = await conversar(paciente(), answers);
    // Every answer was read: the check ran to the advice (nothing is asked after the emergency advice).
    expect(at).toBe(level === 'emergency' ? undefined : 'teachBack');
    expect(texts(replies)).not.toMatch(/no lo he entendido/i);
    expect(dispositions(replies).map((d) => d.level)).toContain(level);
    expect(texts(replies)).not.toMatch(/\b(the|your|call)\b/i);
  });

  it('S1: a Spanish red flag at any question gets the emergency advice', async () => {
    const p = paciente('es-ES');
    expect((await conversar(p, {}, 'signChest')).at).toBe('signChest');
    const replies = await p.say('no me duele el pecho pero me falta el aire');
    expect(dispositions(replies)).toEqual([expect.objectContaining({ level: 'emergency', reasons: ['RF_BREATHLESS'] })]);
    expect(replies[0]!.text).toMatch(/911/);
  });

  it('S1: an English red flag is caught in a Spanish conversation too', async () => {
    const p = paciente();
    await talk(p, ['hola']);
    const replies = await p.say('i cant breathe');
    expect(dispositions(replies)[0]).toMatchObject({ level: 'emergency' });
    expect(replies[0]!.text).toMatch(/Llame al 911 ahora|llame ahora al 911|911/);
  });

  it('reads Spanish free-text answers and commands; an unreadable answer is asked again, then counts as not sure', async () => {
    const p = paciente();
    expect((await conversar(p, {}, 'signBreathing')).at).toBe('signBreathing');
    expect(texts(await p.say('ayuda'))).toMatch(/con sus propias palabras/);
    expect(texts(await p.say('qwerty'))).toMatch(/no lo he entendido/i);
    const counted = await p.say('qwerty');
    expect(texts(counted)).toContain(toMarkdown(es('common:takenAsUnsure')));
    expect(texts(counted)).toMatch(/«No estoy seguro\/a»/);
    // ...and the check goes on to the next emergency sign.
    expect(questionId(counted)).toBe('signChest');
  });

  it('falls back to English for a language it does not offer', async () => {
    const replies = await paciente('nl-NL').say('hallo');
    expect(replies[0]!.text).toMatch(/automated helper/);
  });
});
