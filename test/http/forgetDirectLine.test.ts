import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, texts, type RunningApp } from '../helpers/app';
import { call, DirectLineClient } from '../helpers/directLine';

let running: RunningApp;
beforeAll(async () => { running = await startApp(); });
afterAll(async () => { await running.stop(); });

const everything = async (client: DirectLineClient) =>
  (await call<{ activities: { text?: string }[] }>(`${client.activitiesUrl}?watermark=`, { token: client.token })).body.activities;

describe('issue 16 item 10: forget me also empties the local Direct Line conversation', () => {
  it('I16-10a: after a confirmed "forget me" the typed text is no longer returned by GET .../activities', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    await client.say('my neighbour Zebedee Quartermaine drove me to the scan');
    expect((await everything(client)).some((a) => a.text?.includes('Zebedee Quartermaine'))).toBe(true);
    expect(texts(await client.say('forget me'))).toMatch(/Do you want me to delete everything/);
    expect(texts(await client.say('yes'))).toMatch(/I have deleted what I kept about you/);
    const after = await everything(client);
    expect(after.some((a) => a.text?.includes('Zebedee Quartermaine'))).toBe(false);
    expect(after.some((a) => a.text === 'forget me')).toBe(false);
    // The confirmation itself is still there for the page to show.
    expect(texts(after as never)).toMatch(/I have deleted what I kept about you/);
  });

  it('I16-10b: "forget me" answered no keeps the conversation as it was', async () => {
    const client = await DirectLineClient.start(running.url);
    await client.poll();
    await client.say('Quentin Blackwood here');
    await client.say('forget me');
    expect(texts(await client.say('no'))).not.toMatch(/I have deleted/);
    expect((await everything(client)).some((a) => a.text?.includes('Quentin Blackwood'))).toBe(true);
  });
});
