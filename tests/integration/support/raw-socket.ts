import { connect, type Socket } from 'node:net';

/**
 * Bytes on a bare TCP socket, for what no well-behaved client library would send: request
 * targets that are not URLs, frame headers announcing more than is ever sent.
 */
export function openTcp(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it hangs up. */
export function readAll(socket: Socket): Promise<Buffer> {
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    socket.on('close', () => resolve(Buffer.concat(chunks)));
    socket.on('error', () => undefined);
  });
}

/** Sends one raw HTTP request and returns the whole answer as text. */
export async function rawRequest(port: number, request: string): Promise<string> {
  const socket = await openTcp(port);
  const answer = readAll(socket);
  socket.write(request);
  return (await answer).toString('latin1');
}

export function upgradeRequest(target: string, host: string): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
  );
}

/**
 * A WebSocket opened by hand: resolves once the server has answered 101, with the bytes it
 * sends afterwards collected in `received`.
 */
export async function rawWebSocket(
  port: number,
  target: string,
): Promise<{ socket: Socket; received: Promise<Buffer> }> {
  const socket = await openTcp(port);
  const all = readAll(socket);
  let head = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      if (!head.subarray(0, 12).toString().includes('101')) {
        reject(new Error(head.subarray(0, end).toString()));
      } else resolve();
    };
    socket.on('data', onData);
    socket.write(upgradeRequest(target, `127.0.0.1:${port}`));
  });
  const headLength = head.indexOf('\r\n\r\n') + 4;
  return {
    socket,
    received: all.then((bytes) => bytes.subarray(headLength)),
  };
}

/** The close code of the first close frame among server frames (unmasked), or null. */
export function closeCode(frames: Buffer): number | null {
  let at = 0;
  while (at + 2 <= frames.length) {
    const opcode = frames[at]! & 0x0f;
    let length = frames[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = frames.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(frames.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(start) : 1005;
    at = start + length;
  }
  return null;
}

/** The header of a masked binary frame announcing `length` bytes of payload. */
export function frameHeader(length: number): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x82;
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(length), 2);
  header.writeUInt32BE(0x01020304, 10);
  return header;
}
