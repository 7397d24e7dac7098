import { connect as connectTcp } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, MessageType, RefusalReason } from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

describe('relay: who may connect, and bad input', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await startTestServer({
      // Small enough for a flood to reach them within a test.
      limits: {
        maxMessageBytes: 64 * 1024,
        messagesPerSecond: 100,
        messageBurst: 100,
        throttleCeilingMs: 500,
      },
    });
    fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
      belize: { role: 'delegate', delegation: 'Belize' },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  const expectClosedBeforeData = async (documentId: string, token: string, code: number) => {
    const client = await RawClient.connect(server.wsUrl, documentId, token);
    const closed = await client.closed;
    expect(closed.code).toBe(code);
    expect(client.received).toEqual([]);
  };

  it('[A1] unknown tokens get 4401, before any data', async () => {
    await expectClosedBeforeData(fixture.document.id, 'x'.repeat(43), CloseCode.unauthorized);
    await expectClosedBeforeData(fixture.document.id, 'short', CloseCode.unauthorized);
  });

  it('[A2] unknown documents get 4404 and path tricks are unknown documents', async () => {
    const token = fixture.people.chile!.token;
    await expectClosedBeforeData('dNoSuchDocument', token, CloseCode.notFound);
    await expectClosedBeforeData('../../accord.json', token, CloseCode.notFound);
    await expectClosedBeforeData('%2e%2e%2fadmin-token', token, CloseCode.notFound);
  });

  it('[A3] a participant of another meeting gets 4403', async () => {
    const other = await setUpMeeting(server.url, server.admin, {
      mexico: { role: 'delegate', delegation: 'Mexico' },
    });
    await expectClosedBeforeData(
      fixture.document.id,
      other.people.mexico!.token,
      CloseCode.forbidden,
    );
  });

  it('[A4] revoking a link closes its open connections with 4401 and refuses new ones', async () => {
    const chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(chile);
    await whenSynced(chile);
    const revoked = await api(
      server.url,
      'DELETE',
      `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
      { token: server.admin },
    );
    expect(revoked.status).toBe(204);
    await vi.waitFor(() => expect(chile.closes).toContain(CloseCode.unauthorized));
    await expectClosedBeforeData(
      fixture.document.id,
      fixture.people.chile!.token,
      CloseCode.unauthorized,
    );
  });

  it('[A5] garbage, truncated, text and oversized frames close that socket only', async () => {
    const belize = connectClient(server.wsUrl, fixture.document.id, fixture.people.belize!.token);
    clients.push(belize);
    await whenSynced(belize);

    // Each frame has one right answer (PROTOCOL.md "Connecting"): 4400 for what is not a
    // protocol message; 4409, after an auth message saying why, for a well-formed sync
    // message whose Yjs update does not decode.
    const frames: [frame: Uint8Array | string, code: number][] = [
      [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), CloseCode.malformed],
      [new Uint8Array([0, 2, 50, 1, 2]), CloseCode.malformed], // promises 50 bytes, has 2
      [new Uint8Array([0, 2, 3, 9, 9, 9]), CloseCode.refused], // 3 bytes that do not decode
      [new Uint8Array([7]), CloseCode.malformed], // an unknown message type
      ['hello', CloseCode.malformed],
    ];
    for (const [frame, code] of frames) {
      const client = await RawClient.connect(
        server.wsUrl,
        fixture.document.id,
        fixture.people.chile!.token,
      );
      client.socket.send(frame);
      const closed = await client.closed;
      expect(closed.code, String(frame)).toBe(code);
      const told = client.received.filter((m) => m.type === MessageType.auth);
      expect(told.map((m) => m.reason)).toEqual(
        code === CloseCode.refused ? [RefusalReason.invalid] : [],
      );
    }
    const big = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people.chile!.token,
    );
    big.socket.send(new Uint8Array(65 * 1024));
    expect((await big.closed).code).toBe(CloseCode.tooLarge);

    // The server and the other client go on.
    appendOperative(belize.doc, 'op-after', 'Still working');
    const check = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(check);
    await vi.waitFor(() => expect(blockTexts(check.doc)).toContain('Still working'));
  });

  it('[A6] a flood of messages is slowed, then cut off with 4529', async () => {
    const client = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people.chile!.token,
    );
    await client.sync();
    for (let i = 0; i < 1000; i++)
      client.sendAwareness(client.doc.clientID, i + 1, { cursor: null });
    expect((await client.closed).code).toBe(CloseCode.tooManyMessages);
  });

  it('[A7] a browser page from another origin cannot open the relay', async () => {
    await expect(
      RawClient.connect(
        server.wsUrl,
        fixture.document.id,
        fixture.people.chile!.token,
        'http://evil.example',
      ),
    ).rejects.toThrow('HTTP 403');
  });
  it('[A8] devices that hang up while waiting to be admitted leave the server serving', async () => {
    // A hall's Wi-Fi flapping: a burst of handshakes, each reset by its device before its turn.
    const { port } = new URL(server.url);
    const path = `/collab/${fixture.document.id}?token=${fixture.people.chile!.token}`;
    await Promise.all(
      Array.from(
        { length: 100 },
        () =>
          new Promise<void>((resolve) => {
            const socket = connectTcp(Number(port), '127.0.0.1', () => {
              socket.write(
                `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
                  'Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
                  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
                () => {
                  socket.resetAndDestroy();
                  resolve();
                },
              );
            });
            socket.on('error', () => resolve());
          }),
      ),
    );
    const belize = connectClient(server.wsUrl, fixture.document.id, fixture.people.belize!.token);
    clients.push(belize);
    await whenSynced(belize);
    appendOperative(belize.doc, 'op-belize', 'To keep serving after a burst of resets');
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(
        'after a burst of resets',
      ),
    );
  });
});
