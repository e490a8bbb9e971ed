import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkPath } from '../../scripts/transcriptWalker';
import { createLocalizer } from '../../src/i18n';
import { allPaths } from '../../src/triage';
import { startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ RATE_LIMIT_PER_CLIENT: '0' }); });
afterAll(async () => { await running.stop(); });

/** Whitespace-free text: SMS cuts messages at spaces and cards put lines in blocks, the words stay. */
const squash = (text: string): string => text.replace(/\s+/g, '');

describe('every path through the conversation, as the transcripts book shows it', () => {
  const paths = allPaths();
  let n = 0;
  for (const lng of createLocalizer('en').languages) {
    const t = createLocalizer('en').fixedT(lng);
    const net = { seenToday: squash(t('outcome:safetyNetUrgent')), call: squash(t('outcome:safetyNetEmergency', { emergencyNumber: '999' })) };
    for (const channel of ['webchat', 'msteams', 'sms']) {
      it(`S4 H04 H09: ${lng} ${channel}: each of the ${paths.length} paths ends with its disposition and the safety net`, async () => {
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
      });
    }
  }
});
