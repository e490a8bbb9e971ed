import { createRequire } from 'node:module';

/** The parts of the adaptivecards object model these tests touch (its ES build fails under Node). */
interface AdaptiveCardsLib {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message?: string } };
}
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;

export interface CardAttachment {
  contentType: string;
  content: unknown;
}

type Node = { type?: string; text?: string; version?: string; body?: Node[]; items?: Node[]; actions?: Node[]; title?: string; data?: unknown };

/** The warnings the Adaptive Cards parser raises for a card (unknown elements, bad values): [] when clean. */
export function cardWarnings(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(json, ctx);
  return Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message ?? 'unknown warning');
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of [...(node.body ?? []), ...(node.items ?? []), ...(node.actions ?? [])]) walk(child, visit);
}

/** The words a card shows, TextBlock by TextBlock, as sent (markdown escapes kept, like an activity's text). */
export function cardText(content: unknown): string {
  const out: string[] = [];
  walk(content as Node, (n) => { if (n.type === 'TextBlock' && n.text) out.push(n.text); });
  return out.join('\n');
}

/** Every Action.Submit on a card. */
export function cardActions(content: unknown): { title: string; data: unknown }[] {
  const out: { title: string; data: unknown }[] = [];
  walk(content as Node, (n) => { if (n.type === 'Action.Submit') out.push({ title: n.title ?? '', data: n.data }); });
  return out;
}

export const isAdaptiveCard = (a: CardAttachment): boolean => a.contentType === 'application/vnd.microsoft.card.adaptive';

/** The card's schema version as a number (1.5 → 1.5), to compare against a host's limit. */
export const cardVersion = (content: unknown): number => Number((content as Node).version);
