import { contentCard, LEVEL_STYLE } from './adaptiveCard';
import type { Capabilities } from './capabilities';
import { bold, escapeMarkdown, toMarkdown, type Dialect } from './markdown';
import { dispositionEntity, questionEntities, type Choice, type OutActivity, type OutMessage } from './message';
import { firstPhone, telUri } from './phones';
import { splitForSms } from './smsSplit';
import { RLM, startRightToLeft } from '../language/bidi';

type CardMessage = Extract<OutMessage, { kind: 'advice' | 'summary' }>;

function choicesOf(message: OutMessage, caps: Capabilities): readonly Choice[] {
  const all = message.kind === 'question' || message.kind === 'advice' ? message.choices ?? [] : [];
  return all.slice(0, caps.maxActions);
}

/** The lines of an advice or summary message; a summary is one list. */
function cardLines(message: CardMessage): string[] {
  return message.kind === 'advice' ? [...message.lines] : [message.lines.map((l) => `- ${l}`).join('\n')];
}

/** Everything a message says, as plain text: the SMS body, and `speak` where a card carries the words. */
function plainText(message: OutMessage): string {
  return message.kind === 'text' || message.kind === 'question' ? message.text : [message.title, ...cardLines(message)].join('\n\n');
}

/** The number advice tells the patient to call in its heading ("Call 999 now"), if it does. */
function callNumber(message: OutMessage, phones: readonly string[]): string | undefined {
  if (message.kind !== 'advice') return undefined;
  return firstPhone(message.title, phones)?.replace(/[\u2066-\u2069]/g, '');
}

/** SMS: advice that says to call a number puts the number alone on the line under the heading, where a phone makes it tappable. */
function smsText(message: OutMessage, phones: readonly string[]): string {
  const number = callNumber(message, phones);
  if (!number || message.kind !== 'advice') return plainText(message);
  return [`${message.title}\n${number}`, ...cardLines(message)].join('\n\n');
}

const numbered = (choices: readonly Choice[], label: (c: Choice) => string = (c) => c.label): string =>
  choices.map((c, i) => `${i + 1}) ${label(c)}`).join('\n');

/**
 * Plain channels (SMS, unknown): no markup, choices as a numbered list, and on SMS the text cut
 * into messages of at most `maxSegments` segments. The disposition entity rides on the first
 * piece (it holds the instruction) and `expectingInput` on the last (it holds the choices).
 */
function renderPlain(message: OutMessage, caps: Capabilities, direction: 'ltr' | 'rtl', phones: readonly string[]): OutActivity[] {
  const choices = choicesOf(message, caps);
  const body = smsText(message, phones);
  const text = choices.length > 0 ? `${body}\n\n${numbered(choices)}` : body;
  // Plain channels have no dir attribute: a phone lays out each paragraph by its first strong
  // letter, so in a right-to-left language a line that opens with a Latin word ("Afterscan …") or a
  // number is started with an RLM, and so is a piece cut mid-line (measured with its mark, so the
  // mark never pushes a piece over its segments).
  const rtl = direction === 'rtl';
  const marked = rtl ? text.split('\n').map((line) => (line.trim() === '' ? line : startRightToLeft(line))).join('\n') : text;
  const split = caps.maxSegments === null ? [marked] : splitForSms(marked, caps.maxSegments, rtl ? RLM : '');
  const pieces = rtl ? split.map(startRightToLeft) : split;
  return pieces.map((piece, i) => {
    const activity: OutActivity = { type: 'message', text: piece, textFormat: 'plain' };
    if (i === 0 && message.kind === 'advice') activity.entities = [dispositionEntity(message.disposition)];
    if (i === 0 && message.kind === 'text' && message.entities) activity.entities = [...message.entities];
    if (i === pieces.length - 1 && choices.length > 0) activity.inputHint = 'expectingInput';
    if (i === pieces.length - 1 && message.kind === 'question') activity.entities = questionEntities(message);
    return activity;
  });
}

/**
 * Advice and summaries on card channels. Web Chat shows `text` in one bubble and each attachment
 * in its own bubble below it, so the same words in both would be read twice. The heading (the one
 * instruction that matters most, e.g. "Call 999 now") is the `text` — what notifications,
 * transcripts that keep only text, and clients without cards show — and the card holds the rest,
 * coloured by tier. `speak` and the card's `fallbackText` hold everything, for voice clients and
 * hosts that cannot render the card.
 */
function renderCardMessage(message: CardMessage, caps: Capabilities, dialect: Dialect, choices: readonly Choice[], phones: readonly string[]): OutActivity {
  const style = message.kind === 'advice' ? LEVEL_STYLE[message.level] : 'emphasis';
  const plain = plainText(message);
  const number = caps.callActions ? callNumber(message, phones) : undefined;
  const card = contentCard({
    style, lines: cardLines(message), plain, dialect, phones,
    ...(caps.choices === 'cardButtons' ? { choices } : {}),
    ...(number ? { call: { title: message.title, url: telUri(number) } } : {}),
  });
  return { type: 'message', text: bold(message.title, dialect, phones), textFormat: 'markdown', speak: plain, attachments: [card] };
}

function markdownBody(message: OutMessage, dialect: Dialect, phones: readonly string[]): string {
  if (message.kind === 'text' || message.kind === 'question') return toMarkdown(message.text, dialect, phones);
  return [bold(message.title, dialect, phones), ...cardLines(message).map((l) => toMarkdown(l, dialect, phones))].join('\n\n');
}

/** Markdown channels: escaped text, cards where the channel has them, buttons in the channel's way. */
function renderRich(message: OutMessage, caps: Capabilities, phones: readonly string[]): OutActivity {
  const dialect: Dialect = caps.text === 'teams' ? 'teams' : 'markdown';
  const choices = choicesOf(message, caps);
  const activity: OutActivity = (message.kind === 'advice' || message.kind === 'summary') && caps.cards
    ? renderCardMessage(message, caps, dialect, choices, phones)
    : { type: 'message', text: markdownBody(message, dialect, phones), textFormat: 'markdown' };
  if (choices.length > 0) {
    activity.inputHint = 'expectingInput';
    if (caps.choices === 'suggestedActions') {
      activity.suggestedActions = { to: [], actions: choices.map((c) => ({ type: 'imBack', title: c.label, value: c.label })) };
    } else if (caps.choices === 'cardButtons') {
      // Words in `text`, buttons on a card of their own (or on the advice card already built).
      activity.attachments ??= [contentCard({ style: 'default', lines: [], plain: '', dialect, choices })];
    } else {
      activity.text = `${activity.text}\n\n${numbered(choices, (c) => escapeMarkdown(c.label, dialect))}`;
    }
  }
  if (message.kind === 'advice') activity.entities = [dispositionEntity(message.disposition)];
  if (message.kind === 'question') activity.entities = questionEntities(message);
  if (message.kind === 'text' && message.entities) activity.entities = [...message.entities];
  return activity;
}

/**
 * Renders one channel-neutral message for a channel's capabilities. Returns several activities
 * when SMS needs the text cut; every piece of triage advice carries its disposition entity once (S4).
 * `phones` are the deployment's numbers (emergency, urgent line): wherever the text names one it
 * becomes a tel: link, and advice whose heading says to call one gets a call button (Teams) or
 * the number on a line of its own (SMS).
 */
export function render(message: OutMessage, caps: Capabilities, direction: 'ltr' | 'rtl' = 'ltr', phones: readonly string[] = []): OutActivity[] {
  if (caps.text === 'plain') return renderPlain(message, caps, direction, phones);
  const activity = renderRich(message, caps, caps.telLinks ? phones : []);
  if (direction === 'rtl') for (const card of activity.attachments ?? []) card.content.rtl = true;
  return [activity];
}
