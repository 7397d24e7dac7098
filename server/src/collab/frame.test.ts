import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './frame';

describe('binary frames written straight to the socket', () => {
  it('[W1] a stock WebSocket client reads them, small, medium and large, in order', async () => {
    const server = createServer();
    const wss = new WebSocketServer({ server });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const sizes = [0, 5, 125, 126, 65_535, 65_536, 200_000];
    wss.on('connection', (ws) => {
      const raw = (ws as unknown as { _socket: Socket })._socket;
      for (const size of sizes) raw.write(binaryFrame(new Uint8Array(size).fill(size % 251)));
    });
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: Buffer[] = [];
    await new Promise<void>((done) => {
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true);
        received.push(data);
        if (received.length === sizes.length) done();
      });
    });
    expect(received.map((b) => b.length)).toEqual(sizes);
    expect(received.every((b, i) => b.every((byte) => byte === sizes[i]! % 251))).toBe(true);
    client.close();
    wss.close();
    server.close();
  });
});
