import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalizer } from '../../src/language/localizer';
import { buttons, dispositions, Patient, startApp, texts, type RunningApp, talk } from '../helpers/app';
import { TYPICAL_LOCALE } from '../helpers/locales';
import { questionId } from '../helpers/questions';

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ REGION: 'eu', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

const patient = (locale: string, channel = 'test', user?: string): Patient => {
  n += 1;
  return new Patient(running.url, `lang-${n}`, channel, locale, user ?? `lang-user-${n}`);
};
/** The menu's order: the default language first, then the others by code. */
const offered = (): readonly string[] => ['en', ...running.app.localizer.languages.filter((l) => l !== 'en')];
/** A new SMS user: no locale, a phone number of their own. */
const smsUser = (): Patient => patient('', 'sms', `+4477007${String(n + 1).padStart(5, '0')}`);
const nameOf = (lng: string): string => running.app.localizer.fixedT(lng)('common:language.name');
/**
 * The languages the app offers, known before it starts so that a test needing one that is switched
 * off (incomplete or a draft) shows as skipped rather than passing without checking anything.
 */
const LANGUAGES = createLocalizer('en').languages;
const has = (...lngs: string[]): boolean => lngs.every((lng) => LANGUAGES.includes(lng));

it('the languages the skips below are decided on are the ones the running app offers', () => {
  expect([...offered()].sort()).toEqual([...LANGUAGES].sort());
});

describe('choosing the language', () => {
  it('"language" at any turn lists every offered language by its own name, and the choice is used at once', async () => {
    const p = patient('en-GB');
    const onScreen = await talk(p, ['hi', 'yes go on']);
    expect(questionId(onScreen)).toBe('eligibility');
    const menu = await p.say('language');
    expect(buttons(menu)).toEqual(offered().map(nameOf));
    const chosen = await p.say('Español');
    expect(chosen.every((r) => r.locale === 'es')).toBe(true);
    expect(texts(chosen)).toMatch(/le hablaré en español/);
    expect(texts(chosen)).toMatch(/traducción nueva/); // Spanish is a draft: the bot says so
    // ...and the question that was on screen is asked again, in Spanish.
    expect(questionId(chosen)).toBe('eligibility');
    const es = running.app.localizer.fixedT('es');
    expect(buttons(chosen)).toEqual(['yes', 'no', 'unsure'].map((c) => es(`common:choices.${c}`)));
    expect(buttons(chosen)).not.toEqual(buttons(onScreen));
  });

  it('the language command works in another language\'s word too ("idioma" in an English chat)', async () => {
    const p = patient('en-GB');
    await p.say('hi');
    expect(buttons(await p.say('idioma'))).toContain('English');
  });

  it('H03: an explicit choice is kept for the user and beats the channel\'s locale in a later conversation', async () => {
    const user = `keeper-${n}`;
    const first = patient('en-GB', 'test', user);
    await first.say('hi');
    await first.say('español');
    const later = patient('en-US', 'test', user);
    const replies = await later.say('hello');
    expect(replies[0]!.locale).toBe('es');
    expect(replies[0]!.text).toMatch(/asistente automático/);
  });

  it('S1 H17: after choosing Spanish on an English channel, a Spanish red flag is caught (screen re-run in the chosen language)', async () => {
    const p = patient('en-GB');
    await p.say('hi');
    await p.say('español');
    const replies = await p.say('me desmayé hace un rato');
    expect(dispositions(replies)).toEqual([expect.objectContaining({ level: 'emergency' })]);
    expect(replies[0]!.locale).toBe('es');
  });

  it('S1 H17: an English red flag is still caught after choosing another language', async () => {
    const p = patient('en-GB');
    await p.say('hi');
    await p.say('español');
    expect(dispositions(await p.say('I passed out')).map((d) => d.level)).toEqual(['emergency']);
  });

  it('a language name that answers the question on screen is not taken as a switch; an unknown choice is asked again', async () => {
    const p = patient('en-GB');
    await p.say('hi');
    await p.say('language');
    const again = await p.say('klingon');
    expect(texts(again)).toMatch(/did not understand/);
    expect(buttons(again)).toEqual(offered().map(nameOf));
  });
});

describe('SMS: no locale, so the first message\'s language is used', () => {

  it('a first text in Spanish is answered in Spanish, with how to change language', async () => {
    const p = smsUser();
    const replies = await p.send({ type: 'message', text: 'hola, me hicieron una ecografía de la pierna', locale: undefined });
    expect(replies[0]!.text).toMatch(/Le responderé en español/);
    expect(texts(replies)).toMatch(/asistente automático/);
    // ...and the choice sticks for the next texts.
    const next = await p.send({ type: 'message', text: 'no', locale: undefined });
    expect(next.every((r) => r.locale === 'es')).toBe(true);
  });

  it('a first text in English is answered in English with the same offer', async () => {
    const replies = await smsUser().send({ type: 'message', text: 'hello I had a scan on my leg today', locale: undefined });
    expect(replies[0]!.text).toMatch(/I will reply in English/);
    expect(texts(replies)).toMatch(/automated helper/);
  });

  it('H03: a first text that says nothing about its language gets the default, plus the word "language" in every offered language', async () => {
    const replies = await smsUser().send({ type: 'message', text: '👋', locale: undefined });
    expect(replies[0]!.text).toMatch(/I will reply in English/);
    const words = running.app.localizer.languages.map((lng) => running.app.localizer.fixedT(lng)('common:language.name'));
    expect(words.length).toBeGreaterThan(1);
    const hint = replies[1]!.text ?? '';
    expect(hint).toMatch(/language/);
    if (offered().includes('es')) expect(hint).toMatch(/idioma/);
    if (offered().includes('zh-Hans')) expect(hint).toMatch(/语言/);
    expect(texts(replies)).toMatch(/automated helper/);
  });

  it('S1 H17: a red flag in the first SMS text, in Spanish, wins over everything else', async () => {
    const replies = await smsUser().send({ type: 'message', text: 'me falta el aire', locale: undefined });
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
  });

  it('the SMS language menu is numbered and a number chooses', async () => {
    const p = smsUser();
    await p.send({ type: 'message', text: 'hello', locale: undefined });
    const menu = await p.send({ type: 'message', text: 'language', locale: undefined });
    const list = texts(menu);
    offered().forEach((lng, i) => expect(list).toContain(`${i + 1}) ${nameOf(lng)}`));
    const es = offered().indexOf('es') + 1;
    const chosen = await p.send({ type: 'message', text: String(es), locale: undefined });
    expect(chosen[0]!.locale).toBe('es');
  });
});

describe('H17: a red flag written in a third language', () => {
  for (const [text, lng] of [['nie mogę złapać tchu, dusi mnie', 'pl'], ['我喘不过气来，胸口很痛', 'zh-Hans'], ['je n\'arrive plus à respirer', 'fr']] as const) {
    it.runIf(has(lng))(`S1 H17: an English web chat gets a ${lng} red flag right (the message's own language is screened too)`, async () => {
      const p = patient('en-GB', 'webchat');
      await p.say('hi');
      expect(dispositions(await p.say(text)).map((d) => d.level), text).toEqual(['emergency']);
    });
  }
});

describe('the language menu as the very first message', () => {
  it('a question typed at the language menu is answered and the menu asked again (no error)', async () => {
    const p = patient('en-GB', 'sms', `+4477008${String(n).padStart(5, '0')}`);
    await p.send({ type: 'message', text: 'language', locale: undefined });
    const replies = await p.send({ type: 'message', text: 'can I fly on a plane next week?', locale: undefined });
    expect(texts(replies)).not.toMatch(/something went wrong/i);
    expect(texts(replies)).toMatch(/1\) English/);
    expect(running.logLines.filter((l) => l.includes('"event":"turn_error"'))).toEqual([]);
  });
});

describe('review findings: language and the safety screen', () => {
  it('S1 H17: "no chest pain but i cant breathe" is an emergency in a conversation in every offered language', async () => {
    for (const lng of offered()) {
      const p = patient(TYPICAL_LOCALE[lng] ?? lng);
      await p.say('hi');
      expect(dispositions(await p.say('no chest pain but i cant breathe')).map((d) => d.level), lng).toEqual(['emergency']);
    }
  });

  it.runIf(has('pl'))('S1 H17: a first SMS that is an emergency is answered in the language it is written in', async () => {
    const replies = await smsUser().send({ type: 'message', text: 'nie mogę oddychać, duszę się', locale: undefined });
    expect(dispositions(replies).map((d) => d.level)).toEqual(['emergency']);
    expect(replies[0]!.locale).toBe('pl');
  });

  it.runIf(has('pl'))('H03: a first SMS that shows no language ("START") does not fix it: a later Polish text still sets Polish', async () => {
    const p = smsUser();
    await p.send({ type: 'message', text: 'START', locale: undefined });
    const later = await p.send({ type: 'message', text: 'dzień dobry, miałam badanie nogi wczoraj', locale: undefined });
    expect(later[0]!.locale).toBe('pl');
  });

  it('H03: one Chinese word at the end of an English first SMS does not make the conversation Chinese', async () => {
    const replies = await smsUser().send({ type: 'message', text: 'hello, I had my leg scanned yesterday, 谢谢', locale: undefined });
    expect(replies[0]!.locale).toBe('en');
  });

  it.runIf(has('es'))('"language" twice, then a choice: one menu, the choice is used, and the next answer is read in it', async () => {
    const p = patient('en-GB');
    await p.say('hi');
    await p.say('language');
    await p.say('language');
    const chosen = await p.say('Español');
    expect(chosen[0]!.locale).toBe('es');
    expect(texts(await p.say('sí'))).not.toMatch(/no lo he entendido/i);
    expect(running.logLines.filter((l) => l.includes('"event":"turn_error"'))).toEqual([]);
  });

  it.runIf(has('pt'))('a language\'s name is never read as a red flag ("espanhol" in a Portuguese chat)', async () => {
    const p = patient('pt-BR');
    await p.say('oi');
    expect(dispositions(await p.say('espanhol'))).toEqual([]);
  });
});
