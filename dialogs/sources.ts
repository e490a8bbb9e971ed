import { citationLines, citationsFor } from '../src/content/citations';
import { CLINICAL_REVIEW, lastUpdated } from '../src/content/registry';
import { CONTENT_VERSION } from '../src/content/version';
import type { OutMessage } from '../src/rendering';
import { RULES_VERSION } from '../src/triage';
import type { Turn } from '../src/bot/turn';
import { draftText } from './languageDialog';

/** "Why?" / "sources": the numbered references for the advice just given. */
export function sourcesMessage(turn: Turn): OutMessage {
  const last = turn.session.lastDisposition;
  if (!last) return { kind: 'text', text: turn.t('common:sources.none') };
  return { kind: 'summary', title: turn.t('common:sources.intro'), lines: citationLines(citationsFor(last)) };
}

/** "About": which rules and which content the patient is reading, and whether it was reviewed. */
export function aboutMessage(turn: Turn): OutMessage {
  const about = turn.t('common:about', {
    context: CLINICAL_REVIEW.status, rules: RULES_VERSION, content: CONTENT_VERSION, updated: lastUpdated(),
    by: CLINICAL_REVIEW.by, on: CLINICAL_REVIEW.on,
  });
  const draft = draftText(turn);
  return { kind: 'text', text: draft === undefined ? about : `${about} ${draft}` };
}
