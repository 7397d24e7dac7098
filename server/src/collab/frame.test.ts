import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, sharedFrames } from './frame';

const sizes = [0, 5, 125, 126, 65_535, 65_536, 200_000];
const payloads = () => sizes.map((size) => new Uint8Array(size).fill(size % 251));

/** What a stock `ws` client receives when the server writes `write`'s bytes to its socket. */
async function receivedBy(write: (raw: Socket) => void): Promise<Buffer[]> {
  const server = createServer();
  const wss = new WebSocketServer({ server });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  wss.on('connection', (ws) => write((ws as unknown as { _socket: Socket })._socket));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: Buffer[] = [];
  await new Promise<void>((done) => {
    client.on('message', (data: Buffer, isBinary) => {
      expect(isBinary).toBe(true);
      received.push(data);
      if (received.length === sizes.length) done();
    });
  });
  client.close();
  wss.close();
  server.close();
  return received;
}

describe('binary frames written straight to the socket', () => {
  it('[W1] a stock WebSocket client reads them, small, medium and large, in order', async () => {
    const received = await receivedBy((raw) => {
      for (const payload of payloads()) raw.write(binaryFrame(payload));
    });
    expect(received.map((b) => b.length)).toEqual(sizes);
    expect(received.every((b, i) => b.every((byte) => byte === sizes[i]! % 251))).toBe(true);
  });

  it('[W2] several frames joined into one write arrive as separate messages, in order', async () => {
    const messages = payloads();
    const joined = sharedFrames(messages);
    // One buffer per array, whoever it is written to.
    expect(sharedFrames(messages)).toBe(joined);
    const received = await receivedBy((raw) => raw.write(joined));
    expect(received.map((b) => b.length)).toEqual(sizes);
    expect(received.every((b, i) => b.every((byte) => byte === sizes[i]! % 251))).toBe(true);
  });
});
