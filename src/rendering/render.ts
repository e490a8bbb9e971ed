import type { Capabilities } from './capabilities';
import { escapeMarkdown, toMarkdown } from './markdown';
import { dispositionEntity, type Choice, type OutActivity, type OutMessage } from './message';

function numbered(choices: readonly Choice[]): string {
  return choices.map((c, i) => `${i + 1}) ${c.label}`).join('\n');
}

function body(message: OutMessage, caps: Capabilities): string {
  const format = (text: string): string => (caps.markdown ? toMarkdown(text) : text);
  const title = (text: string): string => (caps.markdown ? `**${escapeMarkdown(text)}**` : text);
  switch (message.kind) {
    case 'text':
      return format(message.text);
    case 'question':
      return format(message.text);
    case 'advice':
      return [title(message.title), ...message.lines.map(format)].join('\n\n');
    case 'summary':
      return [title(message.title), format(message.lines.map((l) => `- ${l}`).join('\n'))].join('\n\n');
  }
}

function choicesOf(message: OutMessage): readonly Choice[] {
  return message.kind === 'question' || message.kind === 'advice' ? message.choices ?? [] : [];
}

/**
 * Renders one channel-neutral message for a channel's capabilities: escaped markdown or
 * plain text, buttons as suggested actions or a numbered list, and the disposition entity
 * on every piece of triage advice (S4).
 */
export function render(message: OutMessage, caps: Capabilities): OutActivity {
  const choices = choicesOf(message).slice(0, caps.maxActions);
  let text = body(message, caps);
  const activity: OutActivity = { type: 'message', text, textFormat: caps.markdown ? 'markdown' : 'plain' };
  if (choices.length > 0) {
    activity.inputHint = 'expectingInput';
    if (caps.suggestedActions) {
      activity.suggestedActions = { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c.label, value: c.label })) };
    } else if (caps.numberedChoices) {
      text = `${text}\n\n${numbered(choices)}`;
      activity.text = text;
    }
  }
  if (message.kind === 'advice') activity.entities = [dispositionEntity(message.disposition)];
  return activity;
}
