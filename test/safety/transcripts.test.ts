import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advicePaths, walkPath } from '../../scripts/transcriptWalker';
import { createLocalizer } from '../../src/language/localizer';
import { bookPaths, LEVELS, optionsFor, QUESTIONS, RULES, type Path } from '../../src/triage';
import { startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ RATE_LIMIT_PER_CLIENT: '0' }); });
afterAll(async () => { await running.stop(); });

/** Whitespace-free text: SMS cuts messages at spaces and cards put lines in blocks, the words stay. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/**
 * The paths of the transcripts book (bookPaths: every leg path after a calm screen, and each
 * screening answer other than "no" once; src/triage/paths.ts). English walks them all on every
 * channel. Every other language walks one path per wording of the advice (advicePaths), each on
 * one channel, turning the channel round from language to language: each language shows every
 * wording of the advice, each channel shows each wording in several languages, and the test
 * stays within about 30 seconds (a walk is some 17 HTTP turns).
 */
describe('the paths of the transcripts book, walked through the real bot', () => {
  const book = bookPaths();
  const tour = advicePaths(book);
  const channels = ['webchat', 'msteams', 'sms'] as const;
  let n = 0;
  const localizer = createLocalizer('en');
  for (const [l, lng] of localizer.languages.entries()) {
    const t = localizer.fixedT(lng);
    const net = { seenToday: squash(t('outcome:safetyNetUrgent')), call: squash(t('outcome:safetyNetEmergency', { emergencyNumber: '999' })) };
    for (const [c, channel] of channels.entries()) {
      const paths: Path[] = lng === 'en' ? book : tour.filter((_, i) => (i + l) % channels.length === c);
      it(`S4 H04 H09: ${lng} ${channel}: each of ${paths.length} paths ends with its disposition and the safety net`, async () => {
        expect(paths.length).toBeGreaterThan(0);
        for (const path of paths) {
          const exchanges = await walkPath(running.url, path, channel, lng, `book-${lng}-${channel}-${(n += 1)}`);
          const shown = exchanges.flatMap((x) => x.shown);
          const levels = shown.flatMap((s) => (s.level ? [s.level] : []));
          const label = `${lng}/${channel}: ${path.steps.map((s) => `${s.question}=${s.answer}`).join(', ')}`;
          expect(levels, label).toEqual([path.disposition.level]);
          const afterAdvice = shown.slice(shown.findIndex((s) => s.level !== undefined)).map((s) => s.text).join('\n');
          expect(afterAdvice, label).toMatch(/999/);
          if (path.disposition.level !== 'emergency') {
            // Urgent advice is already "get seen today"; its safety net is the emergency line.
            if (path.disposition.level !== 'urgent') expect(squash(afterAdvice), label).toContain(net.seenToday);
            expect(squash(afterAdvice), label).toContain(net.call);
          }
        }
      }, 120_000);
    }
  }

  it('H20: the book asks every question with every answer, and reaches every rule and every tier', () => {
    const asked = new Set(book.flatMap((p) => p.steps.map((s) => `${s.question}=${s.answer}`)));
    const all = new Set(QUESTIONS.flatMap((q) => optionsFor(q).map((a) => `${q.id}=${a}`)));
    expect([...all].filter((x) => !asked.has(x))).toEqual([]);
    const reasons = new Set(book.flatMap((p) => p.disposition.reasons));
    expect(RULES.map((r) => r.id).filter((id) => !reasons.has(id))).toEqual([]);
    expect(new Set(book.map((p) => p.disposition.level))).toEqual(new Set(LEVELS));
    expect(new Set(tour.map((p) => p.disposition.level))).toEqual(new Set(LEVELS));
    expect(tour.length).toBeGreaterThanOrEqual(channels.length);
  });
});
