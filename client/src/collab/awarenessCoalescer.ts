import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '@accord/shared/protocol';
import type { WebsocketProvider } from 'y-websocket';

/** At most five cursor/selection messages per second per client. */
export const AWARENESS_INTERVAL_MS = 200;

function sendLocalState(provider: WebsocketProvider): void {
  const ws = provider.ws;
  if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(provider.awareness, [provider.doc.clientID]),
  );
  ws.send(encoding.toUint8Array(encoder));
}

/**
 * Replaces the provider's awareness sender with one that (1) sends only this client's own state,
 * never echoes other clients' states back (the server owns those and refuses foreign client
 * ids), and (2) coalesces cursor moves: the first change goes out at once, later ones within
 * `intervalMs` are merged into one trailing message carrying the latest state. With 300 devices
 * on one conference Wi-Fi, every keystroke also moves a cursor; this keeps that traffic bounded.
 * Returns a function that undoes the change.
 */
export function coalesceAwareness(
  provider: WebsocketProvider,
  intervalMs = AWARENESS_INTERVAL_MS,
): () => void {
  const awareness = provider.awareness;
  awareness.off('update', provider._awarenessUpdateHandler);
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

  // The server asks for awareness after it restarts a room: answer with our own state only.
  provider.messageHandlers[MessageType.queryAwareness] = (encoder, _decoder, current) => {
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(current.awareness, [current.doc.clientID]),
    );
  };

  return () => {
    if (timer !== null) clearTimeout(timer);
    awareness.off('update', onUpdate);
  };
}
