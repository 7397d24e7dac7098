import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@accord/shared/protocol';
import { peekMessageType, writeAwarenessUpdate } from '@accord/shared/wire';
import type { WebsocketProvider } from 'y-websocket';

/** At most five cursor/selection messages per second per client. */
export const AWARENESS_INTERVAL_MS = 200;

type SocketData = Parameters<WebSocket['send']>[0];

/** How the coalescer sends past the socket's filter. */
const SEND_OWN = Symbol('sendOwnAwareness');

interface AwarenessQuietSocket {
  [SEND_OWN](message: Uint8Array): void;
}

function isAwarenessQuiet(socket: unknown): socket is AwarenessQuietSocket {
  return typeof socket === 'object' && socket !== null && SEND_OWN in socket;
}

function isAwarenessMessage(data: SocketData): boolean {
  const bytes =
    data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return bytes !== null && bytes.length > 0 && peekMessageType(bytes) === MessageType.awareness;
}

/**
 * The WebSocket class to give the provider (its `WebSocketPolyfill` option): a `Base` socket
 * that carries everything the provider sends except awareness messages. The stock provider
 * sends, at every awareness change, the states of every client that changed, others' included
 * (echoes the server ignores), and sends each cursor move at once; `coalesceAwareness` sends
 * this client's own state instead, at a bounded rate.
 */
export function awarenessQuietSocket(Base: typeof WebSocket = WebSocket): typeof WebSocket {
  return class AwarenessQuietWebSocket extends Base implements AwarenessQuietSocket {
    override send(data: SocketData): void {
      if (isAwarenessMessage(data)) return;
      super.send(data);
    }

    [SEND_OWN](message: Uint8Array): void {
      super.send(message);
    }
  };
}

function sendLocalState(provider: WebsocketProvider): void {
  const ws = provider.ws;
  if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
  const encoder = encoding.createEncoder();
  writeAwarenessUpdate(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(provider.awareness, [provider.doc.clientID]),
  );
  const message = encoding.toUint8Array(encoder);
  // A provider made without the quiet socket sends its own messages too; ours still go out.
  if (isAwarenessQuiet(ws)) ws[SEND_OWN](message);
  else ws.send(message);
}

/**
 * Makes this client's awareness traffic (1) only its own state, never others' states echoed
 * back (the server owns those and ignores echoes), and (2) coalesced: the first change goes out
 * at once, later ones within `intervalMs` are merged into one trailing message carrying the
 * latest state. With 300 devices on one conference Wi-Fi, every keystroke also moves a cursor;
 * this keeps that traffic bounded. The provider must have been made with
 * `WebSocketPolyfill: awarenessQuietSocket()`, so that its own awareness messages stay home.
 * Returns a function that undoes the change.
 */
export function coalesceAwareness(
  provider: WebsocketProvider,
  intervalMs = AWARENESS_INTERVAL_MS,
): () => void {
  const awareness = provider.awareness;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSent = -Infinity;

  const flush = () => {
    timer = null;
    lastSent = performance.now();
    sendLocalState(provider);
  };

  const onUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID;
    const touchesOwn =
      changes.added.includes(own) || changes.updated.includes(own) || changes.removed.includes(own);
    if (!touchesOwn) return;
    if (awareness.getLocalState() === null) {
      // Leaving: say so at once, it is the last message of this client.
      if (timer !== null) clearTimeout(timer);
      flush();
      return;
    }
    if (timer !== null) return; // A send is already scheduled; it will carry this state too.
    const wait = Math.max(0, lastSent + intervalMs - performance.now());
    timer = setTimeout(flush, wait);
  };
  awareness.on('update', onUpdate);

  // The quiet socket keeps back the state the provider sends on connecting: send ours, after
  // the provider's sync request as the stock provider does ('connected' is emitted before it).
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected')
      queueMicrotask(() => {
        if (awareness.getLocalState() !== null) flush();
      });
  };
  provider.on('status', onStatus);

  // The Accord server never asks (it sends everyone's states on connection), but another peer
  // may: answer with our own state only, where the stock answer would send everyone's.
  // (Sent past the quiet socket, not as the handler's reply, which the socket would keep back.)
  provider.messageHandlers[MessageType.queryAwareness] = (_encoder, _decoder, current) =>
    sendLocalState(current);

  return () => {
    if (timer !== null) clearTimeout(timer);
    awareness.off('update', onUpdate);
    provider.off('status', onStatus);
  };
}
