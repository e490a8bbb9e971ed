import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, dispositions, Patient, startApp, texts, type Reply, type RunningApp, talk } from '../helpers/app';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ REGION: 'mx', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

const paciente = (locale = 'es-MX'): Patient => new Patient(running.url, `es-${(n += 1)}`, 'test', locale);
const APERTURA = ['hola', 'sí', 'continuar'];

describe('the whole conversation in Spanish (es-MX, Mexico numbers)', () => {
  it('answers in Spanish from the first message, with the emergency number', async () => {
    const replies = await paciente().say('hola');
    expect(replies[0]!.text).toMatch(/asistente automático/);
    expect(replies[0]!.text).toMatch(/llame ahora al 911/);
    expect(replies.every((r) => r.locale === 'es')).toBe(true);
    expect(buttons(replies)).toEqual(['Sí, adelante', 'No, gracias', 'Sí, soy cuidador/a', 'Soy profesional sanitario']);
  });

  it.each([
    ['self-care', ['no', 'ya no tengo nada', 'no', 'no', 'no'], 'self-care'],
    ['soon', ['no', 'sigue igual', 'no', 'no'], 'soon'],
    ['urgent', ['no', 'está peor'], 'urgent'],
    ['emergency', ['si'], 'emergency'],
  ])('reaches %s answered in words', async (_name, answers, level) => {
    const replies = await talk(paciente(), [...APERTURA, ...answers]);
    expect(dispositions(replies).map((d) => d.level)).toContain(level);
    expect(texts(replies)).not.toMatch(/\b(the|your|call)\b/i);
  });

  it('S1: a Spanish red flag at any question gets the emergency advice', async () => {
    const p = paciente('es-ES');
    await talk(p, [...APERTURA, 'no']);
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
    await talk(p, APERTURA);
    expect(texts(await p.say('ayuda'))).toMatch(/con sus propias palabras/);
    expect(texts(await p.say('qwerty'))).toMatch(/no lo he entendido/i);
    expect(texts(await p.say('qwerty'))).toMatch(/«No lo sé»/);
  });

  it('falls back to English for a language it does not offer', async () => {
    const replies = await paciente('nl-NL').say('hallo');
    expect(replies[0]!.text).toMatch(/automated helper/);
  });
});
