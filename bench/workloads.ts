/**
 * What the benchmark sends. Every request is a Web Chat message activity with
 * deliveryMode expectReplies (the replies come back in the HTTP answer), a fresh patient
 * (conversation and user ids unique to the run), and en-GB.
 *
 *   (a) fresh     "hi" as the first message of a new conversation, every request
 *   (b) tiers     whole conversations answered in free text, one per tier, round robin;
 *                 each connection walks its own conversation, one request = one turn
 *   (c) redflag   a conversation on the "soon" path with "I can't breathe" typed at a
 *                 random step (0 = as the very first message); the conversation ends there
 *
 * The echo bot gets exactly the same requests (it ignores their content). The SDK's dialog
 * sample (sampleBot.ts) gets the same requests, conversation ids and turns per conversation, with
 * the words of its own dialog in (b) and in the RSS run (SAMPLE_TURNS: start, a transport, yes),
 * so it walks its waterfall to the end and starts again instead of asking the same question.
 */
import { checkTurns } from './conversation';
import { prng, type Shot, type Walker } from './load';

export type Level = 'emergency' | 'urgent' | 'soon' | 'self-care';

/** A conversation answered in words, and the advice it must reach (checked before measuring). */
export interface Script {
  tier: Level;
  turns: string[];
  /** Index of the turn whose answer carries the disposition. */
  adviceAt: number;
}

/** The check up to its advice (questions from the clinical core), then what the patient says after it. */
function script(tier: Level, check: string[], after: string[]): Script {
  return { tier, turns: [...check, ...after], adviceAt: check.length - 1 };
}

export const SCRIPTS: Script[] = [
  script('emergency', checkTurns({ signBreathing: 'yes' }), []),
  script('urgent', checkTurns({ legTrend: 'worse' }), ['I am done']),
  script('soon', checkTurns({ legTrend: 'same' }), ['call 999', 'no thanks', 'I am done']),
  script('self-care', checkTurns({ legTrend: 'gone' }), ['call 999', 'no thanks', 'I am done']),
];

export const RED_FLAG = "I can't breathe";
/** The path (c) walks until its red flag. */
export const RED_FLAG_PATH = SCRIPTS[2]!.turns;

export function activity(conversation: string, user: string, text: string, seq: number): Buffer {
  return Buffer.from(JSON.stringify({
    type: 'message',
    id: `m${seq}`,
    timestamp: new Date().toISOString(),
    serviceUrl: 'https://webchat.botframework.com/',
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: user, role: 'user' },
    recipient: { id: 'afterscan', role: 'bot' },
    locale: 'en-GB',
    text,
    textFormat: 'plain',
  }));
}

/** What a user of the SDK's dialog sample types, turn after turn (its dialog restarts after the third). */
export const SAMPLE_TURNS = ['hi', 'Car', 'Yes'] as const;
const sampleSays = (turn: number): string => SAMPLE_TURNS[turn % SAMPLE_TURNS.length]!;

/** Unique per benchmark process, so two runs against one DATA_DIR never share a conversation. */
const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
let counter = 0;
const nextId = (): string => `${RUN}-${(counter += 1).toString(36)}`;

export type WorkloadName = 'fresh' | 'tiers' | 'redflag';

export const WORKLOADS: { name: WorkloadName; label: string }[] = [
  { name: 'fresh', label: '(a) first message of a fresh conversation ("hi")' },
  { name: 'tiers', label: '(b) whole conversations, each tier, free text' },
  { name: 'redflag', label: `(c) "${RED_FLAG}" at a random step` },
];

/** The request sequence of one connection for a workload; `sample`: in the words of the SDK's dialog sample. */
export function walker(name: WorkloadName, connection: number, seed = 1, sample = false): Walker {
  switch (name) {
    case 'fresh':
      return {
        next(): Shot {
          const id = nextId();
          return { body: activity(`a-${id}`, `ua-${id}`, 'hi', 0), tag: 'first' };
        },
      };
    case 'tiers': {
      let script = SCRIPTS[connection % SCRIPTS.length]!;
      let nth = connection;
      let step = 0;
      let id = nextId();
      return {
        next(): Shot {
          if (step >= script.turns.length) {
            nth += 1;
            script = SCRIPTS[nth % SCRIPTS.length]!;
            step = 0;
            id = nextId();
          }
          const text = sample ? sampleSays(step) : script.turns[step]!;
          step += 1;
          return { body: activity(`b-${id}`, `ub-${id}`, text, step), tag: script.tier };
        },
      };
    }
    case 'redflag': {
      const random = prng(seed * 7919 + connection);
      let flagAt = 0;
      let step = 0;
      let id = '';
      const fresh = (): void => {
        flagAt = Math.floor(random() * RED_FLAG_PATH.length);
        step = 0;
        id = nextId();
      };
      fresh();
      return {
        next(): Shot {
          if (step > flagAt) fresh();
          const isFlag = step === flagAt;
          const text = isFlag ? RED_FLAG : RED_FLAG_PATH[step]!;
          step += 1;
          return { body: activity(`c-${id}`, `uc-${id}`, text, step), tag: isFlag ? 'red flag' : 'other' };
        },
      };
    }
  }
}

/** Two turns of a brand-new conversation, the first with a word seen nowhere else (fills the recognizer's bounded token memo as real traffic would). */
export function shortConversation(sample = false): Shot[] {
  const id = nextId();
  const word = `zq${id.replace(/[^a-z0-9]/g, '')}`;
  return [
    { body: activity(`r-${id}`, `ur-${id}`, `hi, it is ${word} here`, 1), tag: 'first' },
    { body: activity(`r-${id}`, `ur-${id}`, sample ? sampleSays(1) : 'yes', 2), tag: 'second' },
  ];
}

/** Walker that plays a queue of short conversations, two turns each, `count` conversations shared by all connections. */
export function shortConversations(count: number, sample = false): { walkerFor: (c: number) => Walker; done: () => number } {
  let started = 0;
  let finished = 0;
  return {
    walkerFor: () => {
      let queue: Shot[] = [];
      return {
        next(): Shot | null {
          if (queue.length === 0) {
            if (started >= count) return null;
            started += 1;
            queue = shortConversation(sample);
          }
          const shot = queue.shift()!;
          if (queue.length === 0) finished += 1;
          return shot;
        },
      };
    },
    done: () => finished,
  };
}

interface Reply { type?: string; text?: string; entities?: { type?: string; level?: string }[] }

/** POSTs one activity and returns the parsed replies (for the sanity check, not for load). */
async function ask(port: number, body: Buffer): Promise<Reply[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return ((JSON.parse(text) as { activities?: Reply[] }).activities ?? []);
}

const levelsIn = (replies: Reply[]): string[] => replies.flatMap((a) => (a.entities ?? []).filter((e) => e.type === 'disposition').map((e) => e.level ?? '?'));

/**
 * Walks each script once against the real bot and checks that the advice turn carries the
 * tier's disposition and that a red flag at every step gets emergency advice. Returns
 * problems (empty when the workloads still exercise what they claim to).
 */
export async function checkScripts(port: number): Promise<string[]> {
  const problems: string[] = [];
  for (const script of SCRIPTS) {
    const id = nextId();
    for (const [i, text] of script.turns.entries()) {
      const replies = await ask(port, activity(`v-${id}`, `uv-${id}`, text, i));
      if (replies.length === 0) problems.push(`tier ${script.tier}: no reply to "${text}" (turn ${i + 1})`);
      if (i === script.adviceAt) {
        const levels = levelsIn(replies);
        if (!levels.includes(script.tier)) problems.push(`tier ${script.tier}: turn ${i + 1} ("${text}") gave ${levels.length ? levels.join(', ') : 'no disposition'}, expected ${script.tier}`);
      }
    }
  }
  for (let at = 0; at < RED_FLAG_PATH.length; at += 1) {
    const id = nextId();
    for (let i = 0; i <= at; i += 1) {
      const text = i === at ? RED_FLAG : RED_FLAG_PATH[i]!;
      const replies = await ask(port, activity(`vf-${id}`, `uvf-${id}`, text, i));
      if (i === at && !levelsIn(replies).includes('emergency')) problems.push(`red flag at step ${at + 1}: no emergency disposition`);
    }
  }
  return problems;
}

/** Walks the dialog sample once: each turn must answer, and the third must end its waterfall with the summary. */
export async function checkSample(port: number): Promise<string[]> {
  const id = nextId();
  const problems: string[] = [];
  for (const [i, text] of SAMPLE_TURNS.entries()) {
    const replies = await ask(port, activity(`vs-${id}`, `uvs-${id}`, text, i));
    if (replies.length === 0) problems.push(`sample: no reply to "${text}"`);
    if (i === SAMPLE_TURNS.length - 1 && !replies.some((r) => /remember that you travel by Car/.test(r.text ?? ''))) problems.push(`sample: "${text}" did not end the dialog with its summary`);
  }
  return problems;
}
