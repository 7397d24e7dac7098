import * as decoding from 'lib0/decoding';
import { MessageType } from '@accord/shared';
import { SyncStep } from './messages';

/** What a room does with each kind of incoming message. */
export interface MessageHandlers {
  /** A client's state vector: it asks for what it lacks. */
  syncRequest(stateVector: Uint8Array): void;
  /** A sync step 2 or an update: a change to the document. */
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  queryAwareness(): void;
}

type Reader = (decoder: decoding.Decoder, handlers: MessageHandlers) => void;

const SYNC_STEPS: Record<number, Reader> = {
  [SyncStep.step1]: (decoder, handlers) =>
    handlers.syncRequest(decoding.readVarUint8Array(decoder)),
  [SyncStep.step2]: (decoder, handlers) => handlers.update(decoding.readVarUint8Array(decoder)),
  [SyncStep.update]: (decoder, handlers) => handlers.update(decoding.readVarUint8Array(decoder)),
};

const MESSAGES: Record<number, Reader> = {
  [MessageType.sync]: (decoder, handlers) => {
    const step = decoding.readVarUint(decoder);
    const read = SYNC_STEPS[step];
    if (!read) throw new RangeError(`unknown sync step ${step}`);
    read(decoder, handlers);
  },
  [MessageType.awareness]: (decoder, handlers) =>
    handlers.awareness(decoding.readVarUint8Array(decoder)),
  [MessageType.queryAwareness]: (_decoder, handlers) => handlers.queryAwareness(),
  // Auth messages only ever go from the server to clients.
  [MessageType.auth]: () => undefined,
};

/**
 * Reads one y-websocket message and calls its handler. Throws a `RangeError` (or lib0's
 * decoding error) for a message that is not one: unknown type, truncated, garbage.
 */
export function dispatch(message: Uint8Array, handlers: MessageHandlers): void {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  const read = MESSAGES[type];
  if (!read) throw new RangeError(`unknown message type ${type}`);
  read(decoder, handlers);
}
