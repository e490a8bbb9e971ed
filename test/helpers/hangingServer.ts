import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HangingServer {
  url: string;
  /** Requests received (method and path), none ever answered. */
  received: string[];
  /** Connections the other side has closed (a client giving up). */
  closedByClient: () => number;
  /** Connections still open. */
  open: () => number;
  stop: () => Promise<void>;
}

/** An HTTP server on loopback that reads every request and never answers: a channel or key endpoint that hangs. */
export async function startHangingServer(): Promise<HangingServer> {
  const received: string[] = [];
  let closed = 0;
  let open = 0;
  let stopping = false;
  const server = http.createServer((req) => { received.push(`${req.method} ${req.url}`); req.resume(); });
  server.on('connection', (socket) => {
    open += 1;
    socket.on('close', () => { open -= 1; if (!stopping) closed += 1; });
  });
  // Node's own server timeouts would end the request; a hung service keeps it open.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    closedByClient: () => closed,
    open: () => open,
    stop: async () => {
      stopping = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
