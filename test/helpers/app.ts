import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../../src/app';
import { cardText, isAdaptiveCard, type CardAttachment } from './cards';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';

export interface Reply {
  type: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  suggestedActions?: { actions: { title: string; value: string }[] };
  entities?: { type: string; level?: string; reasons?: string[]; rulesVersion?: string }[];
  speak?: string;
  inputHint?: string;
  attachments?: CardAttachment[];
}

export interface RunningApp {
  app: App;
  url: string;
  dataDir: string;
  logLines: string[];
  stop: (keepData?: boolean) => Promise<void>;
}

/** The real app on a loopback ephemeral port with a temporary DATA_DIR and captured logs. */
export async function startApp(env: Record<string, string> = {}, now?: () => number, existingDataDir?: string): Promise<RunningApp> {
  const dataDir = existingDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'afterscan-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const logLines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
  const app = buildApp(config, createLogger(config.logLevel, sink), now);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    app, dataDir, logLines, url: `http://127.0.0.1:${port}`,
    stop: async (keepData = false) => {
      await app.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A patient talking to the bot over HTTP the way a channel does, with replies in the body. */
export class Patient {
  private seq = 0;
  constructor(
    private readonly url: string,
    readonly conversationId: string,
    readonly channelId = 'test',
    readonly locale = 'en-GB',
    readonly userId = `${conversationId}-user`,
  ) {}

  async say(text: string): Promise<Reply[]> {
    return this.send({ type: 'message', text });
  }

  async send(partial: Record<string, unknown>): Promise<Reply[]> {
    this.seq += 1;
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `${this.conversationId}-${this.seq}`,
        channelId: this.channelId,
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:1/unused',
        conversation: { id: this.conversationId },
        from: { id: this.userId },
        recipient: { id: 'afterscan' },
        locale: this.locale,
        ...partial,
      }),
    });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { activities?: Reply[] };
    return body.activities ?? [];
  }
}

/** Says each line in turn and returns every reply, in order. */
export async function talk(p: Patient, lines: readonly string[]): Promise<Reply[]> {
  const all: Reply[] = [];
  for (const line of lines) all.push(...(await p.say(line)));
  return all;
}

/** A tap-to-call link as the patient sees it: its words ("[999](tel:999)" shows "999"). */
const linkWords = (text: string): string => text.replace(/\[([^\]]*)\]\(tel:[0-9+]*\)/g, '$1');

/** What the patient sees of one reply: its text, then the words of any card under it. */
export const seen = (reply: Reply): string =>
  [reply.text ?? '', ...(reply.attachments ?? []).filter(isAdaptiveCard).map((a) => cardText(a.content))].filter((s) => s !== '').map(linkWords).join('\n');
export const texts = (replies: Reply[]): string => replies.map(seen).join('\n');
export const dispositions = (replies: Reply[]) => replies.flatMap((r) => r.entities ?? []).filter((e) => e.type === 'disposition');
export const buttons = (replies: Reply[]): string[] => replies.flatMap((r) => r.suggestedActions?.actions.map((a) => a.title) ?? []);
