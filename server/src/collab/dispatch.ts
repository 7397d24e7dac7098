import { readMessage } from '@accord/shared/wire';

/** What a room does with each kind of incoming message. */
export interface MessageHandlers {
  /** A client's state vector: it asks for what it lacks. */
  syncRequest(stateVector: Uint8Array): void;
  /** A sync step 2 or an update: a change to the document. */
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  queryAwareness(): void;
}

/**
 * Reads one y-websocket message with the shared codec and calls its handler. Throws a
 * `RangeError` naming the problem for a frame that is not a message: unknown type, truncated,
 * garbage. Auth messages only ever go from the server to clients; one from a client is ignored.
 */
export function dispatch(message: Uint8Array, handlers: MessageHandlers): void {
  const read = readMessage(message);
  switch (read.kind) {
    case 'syncStep1':
      return handlers.syncRequest(read.stateVector);
    case 'syncStep2':
    case 'update':
      return handlers.update(read.update);
    case 'awareness':
      return handlers.awareness(read.update);
    case 'queryAwareness':
      return handlers.queryAwareness();
    case 'permissionDenied':
      return;
  }
}
