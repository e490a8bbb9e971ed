import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../helpers/app';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' }); });
afterAll(async () => { await running.stop(); });

const activity = { type: 'message', text: 'I cant breathe', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/uk/', conversation: { id: 'auth-1' }, from: { id: 'u' }, recipient: { id: 'bot' } };

async function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

describe('H16: Bot Framework authentication when credentials are configured', () => {
  it('H16: a request without a token gets 401 with a short JSON error, and no reply is sent', async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual({ error: 'unauthorized' });
  });

  it('H16: a token that is not a JWT gets 401, without any network lookup', async () => {
    for (const authorization of ['Bearer not-a-jwt', 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      const res = await post({ authorization });
      expect(res.status, authorization).toBe(401);
      expect(res.body).not.toMatch(/at |Error|stack/);
    }
  });

  it('H16: health stays open, and no audit record is written for a rejected request', async () => {
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect([...running.app.audit.records()]).toEqual([]);
  });
});
