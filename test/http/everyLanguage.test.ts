/**
 * Every offered language, end to end over the real HTTP server: a conversation started with a
 * typical locale of that language is answered in it, and reaches each tier by tapping that
 * language's own buttons (an imBack sends the label as text, as the channels do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { dispositions, Patient, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { TYPICAL_LOCALE } from '../helpers/locales';

const LOCALES = TYPICAL_LOCALE;

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ REGION: 'eu', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

const TIERS: readonly [level: string, answers: readonly string[]][] = [
  ['emergency', ['yes']],
  ['urgent', ['no', 'worse']],
  ['soon', ['no', 'same', 'no', 'no']],
  ['self-care', ['no', 'gone', 'no', 'no', 'no']],
];

describe('ten languages', () => {
  it('S6: all ten languages are complete and offered: en es fr de pl pt ro ar ur zh-Hans', () => {
    expect([...running.app.localizer.languages].sort()).toEqual(Object.keys(LOCALES).sort());
  });
});

describe.each(Object.keys(LOCALES))('%s, whole conversations over HTTP', (lng) => {
  const offered = (): boolean => running.app.localizer.languages.includes(lng);
  const t = (): TFunction => running.app.localizer.fixedT(lng);
  const label = (choice: string): string => t()(`common:choices.${choice}`);

  async function converse(answers: readonly string[]): Promise<Reply[]> {
    const p = new Patient(running.url, `every-${lng}-${(n += 1)}`, 'test', LOCALES[lng]);
    const all: Reply[] = [];
    for (const line of ['hi', label('consentYes'), label('carryOn'), ...answers.map(label)]) all.push(...(await p.say(line)));
    return all;
  }

  it(`H03 H06: a conversation started with ${LOCALES[lng]} is answered in ${lng} from the first message`, async () => {
    expect(offered()).toBe(true);
    const replies = await new Patient(running.url, `every-${lng}-${(n += 1)}`, 'test', LOCALES[lng]).say('hi');
    expect(replies[0]!.text).toBe(t()('welcome:hello', { emergencyNumber: '112' }));
    expect(replies.every((r) => r.locale === lng)).toBe(true);
    // H06: a draft translation says it awaits review before the consent question.
    const draft = running.app.localizer.status(lng) === 'draft';
    expect(replies.some((r) => r.text === t()('common:language.draft', { emergencyNumber: '112', careTeam: t()('common:careTeamDefault') }))).toBe(draft);
  });

  it.each(TIERS)('reaches %s by tapping the buttons in this language', async (level, answers) => {
    expect(offered()).toBe(true);
    const replies = await converse(answers);
    expect(dispositions(replies).map((d) => d.level)).toContain(level);
    expect(replies.every((r) => r.locale === lng)).toBe(true);
    const title = t()(`outcome:${level === 'self-care' ? 'selfCare' : level}.title`, { emergencyNumber: '112' });
    expect(texts(replies)).toContain(title);
  });
});
