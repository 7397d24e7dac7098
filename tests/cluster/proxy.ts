import { connect, createServer, type Socket } from 'node:net';

/**
 * One address in front of several Accord processes, as a reverse proxy would be: each new
 * connection goes to the next backend in turn, or to the following one when that one does not
 * answer. No sticky sessions; a dead backend's connections simply end.
 */
export interface Proxy {
  port: number;
  wsUrl: string;
  close(): Promise<void>;
}

export function startProxy(backends: () => number[]): Promise<Proxy> {
  let turn = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const ports = backends();
    const start = turn++;
    const attempt = (tried: number) => {
      if (tried >= ports.length) {
        client.destroy();
        return;
      }
      const upstream = connect(ports[(start + tried) % ports.length]!, '127.0.0.1');
      let connected = false;
      upstream.once('error', () => {
        if (!connected) attempt(tried + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        wsUrl: `ws://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
