/**
 * Walks one path of the symptom check through the real bot over HTTP, tapping the buttons the
 * bot offers the way each channel does (a suggested action on web chat, a card button on Teams,
 * a number on SMS). Shared by `npm run transcripts` and the test that checks every path.
 */
import { adviceShape, type Path } from '../src/triage';

export interface Shown {
  text: string;
  buttons: string[];
  level?: string;
}
export interface Exchange {
  said: string;
  shown: Shown[];
}

type Node = { type?: string; text?: string; title?: string; body?: Node[]; items?: Node[]; actions?: Node[]; columns?: Node[] };
interface Activity {
  text?: string; speak?: string;
  suggestedActions?: { actions: { title: string }[] };
  attachments?: { contentType: string; content: Node }[];
  entities?: { type: string; level?: string }[];
}

function walkCard(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of [...(node.body ?? []), ...(node.items ?? []), ...(node.actions ?? []), ...(node.columns ?? [])]) walkCard(child, visit);
}

/** Markdown as the patient sees it: escapes gone, bold gone, tap-to-call links shown as their words. */
const unescape = (s: string): string => s.replace(/\[([^\]]*)\]\(tel:[0-9+]*\)/g, '$1').replace(/\\([\\`*_{}[\]()#+!<>|~.-])/g, '$1').replace(/\*\*/g, '');

function shown(a: Activity): Shown {
  const buttons = a.suggestedActions?.actions.map((x) => x.title) ?? [];
  const cardText: string[] = [];
  for (const att of a.attachments ?? []) {
    walkCard(att.content, (n) => {
      if (n.type === 'TextBlock' && n.text) cardText.push(n.text);
      if (n.type === 'Action.Submit' && n.title) buttons.push(n.title);
    });
  }
  const text = unescape([a.text ?? '', ...cardText].filter((s) => s !== '').join('\n'));
  return { text, buttons, level: a.entities?.find((e) => e.type === 'disposition')?.level };
}

/** Button positions for each answer, in the order the dialogs offer them. */
const INDEX: Record<string, number> = { yes: 0, no: 1, unsure: 2, worse: 0, same: 1, better: 2, gone: 3 };
const TREND_UNSURE = 4;

export async function walkPath(url: string, path: Path, channelId: string, locale: string, conversationId: string): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  let last: Shown[] = [];
  const say = async (said: string): Promise<void> => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: said, channelId, locale, deliveryMode: 'expectReplies', conversation: { id: conversationId }, from: { id: `${conversationId}-u` }, recipient: { id: 'afterscan' } }),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    last = ((await res.json()) as { activities: Activity[] }).activities.map(shown);
    exchanges.push({ said, shown: last });
  };
  const tap = async (index: number): Promise<void> => {
    const buttons = last.flatMap((s) => s.buttons);
    await say(buttons.length > 0 ? buttons[index] ?? String(index + 1) : String(index + 1));
  };
  await say('hi');
  await tap(0); // consent: yes
  await tap(0); // eligibility: yes, an adult after a leg scan that found no clot
  await tap(1); // carry on
  for (const step of path.steps) await tap(step.question === 'legTrend' && step.answer === 'unsure' ? TREND_UNSURE : INDEX[step.answer] ?? 0);
  if (path.disposition.level === 'emergency') return exchanges;
  await tap(0); // teach-back: call the emergency number
  const offered = last.at(-1);
  const choices = offered ? offered.buttons.length || (offered.text.match(/^\d\) /gm) ?? []).length : 0;
  if (choices === 2) await tap(1); // follow-up offer: no thanks
  await tap(2); // what next: I am done
  return exchanges;
}

/**
 * One path for each wording of the advice the paths reach (the tier, the kind of emergency, the
 * urgent variant, the second-scan wording, the blood-thinner advice): the shortest, first in
 * order on a tie. The transcripts test walks these in every language other than English.
 */
export function advicePaths(paths: readonly Path[]): Path[] {
  const chosen = new Map<string, Path>();
  for (const p of paths) {
    const key = `${p.disposition.level} ${JSON.stringify(adviceShape(p.disposition, p.answers))}`;
    const held = chosen.get(key);
    if (!held || p.steps.length < held.steps.length) chosen.set(key, p);
  }
  return paths.filter((p) => [...chosen.values()].includes(p));
}
