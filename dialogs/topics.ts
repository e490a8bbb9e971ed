import type { Topic } from '../src/language/commands';
import type { Turn } from '../src/bot/turn';

/** The answer to one topic, with the safety net: from the menu, or typed instead of an answer to a question. */
export async function answerTopic(turn: Turn, topic: Topic): Promise<void> {
  const text = topic === 'repeatScan' && turn.deployment.hasRepeatWindow
    ? `${turn.t('faq:answers.repeatScanWindow', { context: turn.deployment.repeatWindowContext, count: turn.deployment.repeatWindowCount })} ${turn.t('faq:answers.repeatScan')}`
    : turn.t(`faq:answers.${topic}`);
  await turn.send({ kind: 'text', text }, { kind: 'text', text: turn.t('faq:safetyNet') });
}
