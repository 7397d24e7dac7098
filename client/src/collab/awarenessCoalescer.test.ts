import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import {
  decodeAwarenessStates,
  encodeAwarenessStates,
  encodeMessage,
  readMessage,
  type AwarenessEntry,
} from '@accord/shared/wire';
import { awarenessQuietSocket, coalesceAwareness } from './awarenessCoalescer';

/**
 * A stock y-websocket provider, set up as the editor sets it up, talking over a real socket to a
 * server that records every message it receives.
 */

let server: WebSocketServer;
let serverSide: Promise<ServerSocket>;
/** Every message the server received, decoded. */
let received: ReturnType<typeof readMessage>[];
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  received = [];
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  serverSide = new Promise((resolve) =>
    server.once('connection', (socket) => {
      socket.on('message', (data: Buffer) => received.push(readMessage(new Uint8Array(data))));
      resolve(socket);
    }),
  );
  await new Promise((resolve) => server.once('listening', resolve));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await new Promise((resolve) => server.close(resolve));
});

function connect(): WebsocketProvider {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('server not listening');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${address.port}`, 'doc1', doc, {
    disableBc: true,
    connect: false,
    // The editor's socket class, over Node's WebSocket rather than the browser's.
    WebSocketPolyfill: awarenessQuietSocket(NodeWebSocket as unknown as typeof WebSocket),
  });
  const stop = coalesceAwareness(provider);
  cleanups.push(() => {
    stop();
    provider.destroy();
    doc.destroy();
  });
  provider.awareness.setLocalState({ user: { name: 'Belize' }, cursor: null });
  provider.connect();
  return provider;
}

/** The awareness entries the server received, message by message. */
function awarenessSent(): AwarenessEntry[][] {
  return received.flatMap((message) =>
    message.kind === 'awareness' ? [decodeAwarenessStates(message.update)] : [],
  );
}

describe('awareness coalescing', () => {
  it('[Q10] on connecting, the client sends its sync request and its own state', async () => {
    const provider = connect();
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(1));
    expect(received[0]?.kind).toBe('syncStep1');
    const [entry, ...others] = awarenessSent()[0] ?? [];
    expect(others).toEqual([]);
    expect(entry?.clientId).toBe(provider.doc.clientID);
    expect(entry?.state).toEqual({ user: { name: 'Belize' }, cursor: null });
  });

  it('[Q10] twenty cursor moves in a burst go out as at most two messages, the last one final', async () => {
    const provider = connect();
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(1));
    const before = awarenessSent().length;
    for (let anchor = 0; anchor < 20; anchor++)
      provider.awareness.setLocalStateField('cursor', { anchor, head: anchor });
    await vi.waitFor(() =>
      expect(awarenessSent().at(-1)?.[0]?.state).toMatchObject({ cursor: { anchor: 19 } }),
    );
    expect(awarenessSent().length - before).toBeLessThanOrEqual(2);
  });

  it("[Q10] others' states are never sent back, and a query is answered with the client's own", async () => {
    const provider = connect();
    const socket = await serverSide;
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(1));
    const peru = { clientId: 4242, clock: 1, state: { user: { name: 'Peru' }, cursor: null } };
    socket.send(encodeMessage({ kind: 'awareness', update: encodeAwarenessStates([peru]) }));
    await vi.waitFor(() => expect(provider.awareness.getStates().has(4242)).toBe(true));
    // The provider's own echo, had there been one, would have left before this answer.
    socket.send(encodeMessage({ kind: 'queryAwareness' }));
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(2));
    const clients = awarenessSent().flatMap((entries) => entries.map((entry) => entry.clientId));
    expect(clients).toEqual([provider.doc.clientID, provider.doc.clientID]);
    // Document changes still go out at once.
    provider.doc.getText('body').insert(0, 'To urge');
    await vi.waitFor(() => expect(received.at(-1)?.kind).toBe('update'));
  });

  it('[Q10] leaving is said at once, and a cursor move waiting to go out is dropped', async () => {
    const provider = connect();
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(1));
    provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 });
    provider.awareness.setLocalState(null);
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(2));
    const leaving = awarenessSent()[1];
    expect(leaving?.map((entry) => [entry.clientId, entry.state])).toEqual([
      [provider.doc.clientID, null],
    ]);
    // Back again: had the waiting move been kept, it would arrive before this state.
    provider.awareness.setLocalState({ user: { name: 'Belize' }, cursor: null });
    await vi.waitFor(() => expect(awarenessSent()).toHaveLength(3));
    expect(awarenessSent()[2]?.[0]?.state).toEqual({ user: { name: 'Belize' }, cursor: null });
  });
});
