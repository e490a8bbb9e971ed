import type { Server } from 'node:http';

/**
 * Stops accepting connections and resolves once every open one has ended. Node closes idle
 * keep-alive sockets when close() is called, but a socket that was busy then would stay open
 * until its keep-alive timeout (65 s) after its response; sweeping idle sockets every 50 ms
 * lets each in-flight request finish and then lets its socket go at once.
 */
export function closeGracefully(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
  });
}
