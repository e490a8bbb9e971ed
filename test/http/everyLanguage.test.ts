/**
 * Every offered language, end to end over the real HTTP server: a conversation started with a
 * typical locale of that language is answered in it, and reaches each tier by tapping that
 * language's own buttons (an imBack sends the label as text, as the channels do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { toMarkdown } from '../../src/rendering/markdown';
import { dispositions, Patient, startApp, texts, type Reply, type RunningApp } from '../helpers/app';
import { TYPICAL_LOCALE } from '../helpers/locales';
import { answerById, CALM } from '../helpers/questions';

const LOCALES = TYPICAL_LOCALE;

let running: RunningApp;
let n = 0;
beforeAll(async () => { running = await startApp({ REGION: 'eu', CHECKIN_DAYS: 'off' }); });
afterAll(async () => { await running.stop(); });

/** Each tier's answers that differ from the calm ones, as choice values (common:choices.<value>), by question id. */
const TIERS: readonly [level: string, answers: Readonly<Record<string, string>>][] = [
  ['emergency', { signBreathing: 'yes' }],
  ['urgent', { legTrend: 'worse' }],
  ['soon', { legTrend: 'same' }],
  ['self-care', { legTrend: 'gone' }],
];
/** The calm choice at each question (every question id the bot asks is a key of CALM): agree, it is for me, carry on, else no. */
const CALM_CHOICE: Readonly<Record<string, string>> = { consent: 'consentYes', eligibility: 'yes', explain: 'carryOn', legTrend: 'gone' };
const ADVICE_ENDS_AT = 'teachBack';

describe('ten languages', () => {
  it('S6: all ten languages are complete and offered: en es fr de pl pt ro ar ur zh-Hans', () => {
    expect([...running.app.localizer.languages].sort()).toEqual(Object.keys(LOCALES).sort());
  });
});

describe.each(Object.keys(LOCALES))('%s, whole conversations over HTTP', (lng) => {
  const offered = (): boolean => running.app.localizer.languages.includes(lng);
  const t = (): TFunction => running.app.localizer.fixedT(lng);
  const label = (choice: string): string => t()(`common:choices.${choice}`);

  /** Taps this language's button for each question the bot asks, by its id, up to the teach-back. */
  async function converse(answers: Readonly<Record<string, string>>): Promise<{ replies: Reply[]; at: string | undefined }> {
    const p = new Patient(running.url, `every-${lng}-${(n += 1)}`, 'test', LOCALES[lng]);
    const taps = Object.fromEntries(Object.keys(CALM).filter((id) => id !== ADVICE_ENDS_AT)
      .map((id) => [id, label(answers[id] ?? CALM_CHOICE[id] ?? 'no')]));
    return answerById(p, await p.say('hi'), taps, ADVICE_ENDS_AT);
  }

  it(`H03 H06: a conversation started with ${LOCALES[lng]} is answered in ${lng} from the first message`, async () => {
    expect(offered()).toBe(true);
    const replies = await new Patient(running.url, `every-${lng}-${(n += 1)}`, 'test', LOCALES[lng]).say('hi');
    // The test channel is a markdown one: the words as locales/ has them, escaped for markdown.
    expect(replies[0]!.text).toBe(toMarkdown(t()('welcome:hello', { emergencyNumber: '112' })));
    expect(replies.every((r) => r.locale === lng)).toBe(true);
    // H06: a draft translation says it awaits review before the consent question.
    const draft = running.app.localizer.status(lng) === 'draft';
    expect(replies.some((r) => r.text === toMarkdown(t()('common:language.draft', { emergencyNumber: '112', careTeam: t()('common:careTeamDefault') })))).toBe(draft);
  });

  it.each(TIERS)('reaches %s by tapping the buttons in this language', async (level, answers) => {
    expect(offered()).toBe(true);
    const { replies, at } = await converse(answers);
    // Every question was understood from its button: the check ran to the advice (after the
    // emergency advice nothing more is asked; the others go on to the teach-back).
    expect(at).toBe(level === 'emergency' ? undefined : ADVICE_ENDS_AT);
    expect(dispositions(replies).map((d) => d.level)).toContain(level);
    expect(replies.every((r) => r.locale === lng)).toBe(true);
    const title = t()(`outcome:${level === 'self-care' ? 'selfCare' : level}.title`, { emergencyNumber: '112' });
    expect(texts(replies)).toContain(title);
  });
});
