import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Posted {
  path: string;
  authorization?: string;
  activity: { type: string; text?: string; entities?: { type: string; level?: string; reasons?: string[] }[]; conversation?: { id: string } };
}

/**
 * A stand-in for a channel's Bot Connector service, speaking the documented REST protocol
 * (POST /v3/conversations/{id}/activities[/{replyToId}] → { id }). It records what the bot
 * sends proactively; `failNext` makes the next posts answer 503 like a channel outage.
 */
export async function startFakeConnector(): Promise<{ url: string; posted: Posted[]; failNext: (n: number) => void; stop: () => Promise<void> }> {
  const posted: Posted[] = [];
  let failures = 0;
  let seq = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"ServiceUnavailable"}}');
        return;
      }
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(req.url ?? '')) {
        posted.push({ path: req.url ?? '', authorization: req.headers.authorization, activity: JSON.parse(body) as Posted['activity'] });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${(seq += 1)}` }));
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    posted,
    failNext: (n) => { failures = n; },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A check-in booked for conversation `id` of channel "test", whose Bot Connector is at `serviceUrl`, with a 12-hour window. */
export const bookedCheckIn = (id: string, serviceUrl: string, dueAt: number) => ({
  id, userKey: `test/users/${id}-user`, locale: 'en', dueAt, expiresAt: dueAt + 12 * 3600_000,
  reference: { channelId: 'test', serviceUrl, conversation: { id }, user: { id: `${id}-user` }, bot: { id: 'afterscan' }, locale: 'en' },
});
