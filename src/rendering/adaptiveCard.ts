import type { Level } from '../triage/types';
import { toMarkdown, type Dialect } from './markdown';
import type { Choice } from './message';

/**
 * Adaptive Cards as plain typed data (no SDK, no adaptivecards runtime): only the elements this
 * bot uses, at schema 1.5 — the newest Teams renders for bots, and Web Chat 4.18 renders it too.
 */
export const CARD_VERSION = '1.5';
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  spacing?: 'Medium';
}

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface Container {
  type: 'Container';
  style: ContainerStyle;
  items: TextBlock[];
}

/** A button whose tap Teams turns into an ordinary message with `value` as its text. */
export interface SubmitImBack {
  type: 'Action.Submit';
  title: string;
  data: { msteams: { type: 'imBack'; value: string } };
}

/** A button that opens a URL; with a tel: URL, a phone offers to dial it. */
export interface OpenUrl {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: (SubmitImBack | OpenUrl)[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  body: (Container | ActionSet)[];
  /** Read aloud by voice clients, and by Web Chat's screen-reader text for the card. */
  speak?: string;
  /** Shown by a host that cannot render the card. */
  fallbackText?: string;
  /** Right-to-left languages (Arabic, Urdu): the host lays the card out from the right. */
  rtl?: boolean;
}

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD;
  content: AdaptiveCard;
}

/**
 * The colour of each tier's card. Emergency uses the host's "attention" (red) style; the
 * words still say everything, so nothing depends on seeing the colour.
 */
export const LEVEL_STYLE: Readonly<Record<Level, ContainerStyle>> = {
  emergency: 'attention',
  urgent: 'warning',
  soon: 'accent',
  'self-care': 'good',
};

/** Buttons per row: three short labels fit a phone's width without being cut off. */
const ROW = 3;

/** Choices as rows of imBack buttons, so a menu longer than the host's per-row limit still shows every option. */
export function buttonRows(choices: readonly Choice[]): ActionSet[] {
  const rows: ActionSet[] = [];
  for (let i = 0; i < choices.length; i += ROW) {
    rows.push({
      type: 'ActionSet',
      actions: choices.slice(i, i + ROW).map((c) => ({ type: 'Action.Submit', title: c.label, data: { msteams: { type: 'imBack', value: c.label } } })),
    });
  }
  return rows;
}

export interface CardContent {
  style: ContainerStyle;
  /** Paragraphs of locale text; "- " lines become a list. */
  lines: readonly string[];
  /** The same content as plain text, for `speak` and `fallbackText`. */
  plain: string;
  dialect: Dialect;
  /** Buttons on the card itself (channels whose choices are card buttons). */
  choices?: readonly Choice[];
  /** Phone numbers in the lines to link for tap-to-call. */
  phones?: readonly string[];
  /** A tap-to-call button under the lines (advice that says to call a number). */
  call?: { title: string; url: string };
}

/** One card: the lines in a styled container, then a call button if any, then answer buttons. */
export function contentCard(content: CardContent): CardAttachment {
  const items: TextBlock[] = content.lines.map((line, i) => ({
    type: 'TextBlock', text: toMarkdown(line, content.dialect, content.phones), wrap: true, ...(i > 0 ? { spacing: 'Medium' as const } : {}),
  }));
  const body: AdaptiveCard['body'] = [];
  if (items.length > 0) body.push({ type: 'Container', style: content.style, items });
  if (content.call) body.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: content.call.title, url: content.call.url }] });
  body.push(...buttonRows(content.choices ?? []));
  return {
    contentType: ADAPTIVE_CARD,
    content: {
      type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, body,
      ...(content.plain ? { speak: content.plain, fallbackText: content.plain } : {}),
    },
  };
}
