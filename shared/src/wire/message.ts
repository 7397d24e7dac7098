import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../protocol';
import { readAuthMessage, writePermissionDenied, type PermissionDeniedMessage } from './auth';
import {
  readAwarenessMessage,
  writeAwarenessUpdate,
  writeQueryAwareness,
  type AwarenessMessage,
  type QueryAwarenessMessage,
} from './awareness';
import { readVarUint } from './checked';
import {
  readSyncMessage,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  type SyncMessage,
} from './sync';

/** One y-websocket message, as PROTOCOL.md's table lists them. */
export type Message =
  | SyncMessage
  | AwarenessMessage
  | PermissionDeniedMessage
  | QueryAwarenessMessage;

export type MessageKind = Message['kind'];

/** Readers of each message type's body, by the message's first varUint. */
const READERS: Record<number, (decoder: decoding.Decoder) => Message> = {
  [MessageType.sync]: readSyncMessage,
  [MessageType.awareness]: readAwarenessMessage,
  [MessageType.auth]: readAuthMessage,
  [MessageType.queryAwareness]: () => ({ kind: 'queryAwareness' }),
};

/**
 * Reads one message from `decoder` (or from a whole frame). Byte arrays in the result are views
 * into the frame, not copies. Throws a `RangeError` naming the problem for anything that is not
 * a message: an unknown type or sync step, a truncated payload, a varint past 2^53. Bytes after
 * the message are left unread, as y-websocket leaves them.
 */
export function readMessage(source: decoding.Decoder | Uint8Array): Message {
  const decoder = source instanceof Uint8Array ? decoding.createDecoder(source) : source;
  const type = readVarUint(decoder, 'the message type');
  const read = READERS[type];
  if (!read) throw new RangeError(`malformed message: unknown message type ${type}`);
  return read(decoder);
}

/**
 * The type of the message in `frame` (its first varUint, a `MessageType`), without reading the
 * rest: for code that only routes messages. Throws a `RangeError` for an empty frame.
 */
export function peekMessageType(frame: Uint8Array): number {
  return readVarUint(decoding.createDecoder(frame), 'the message type');
}

/** Writes `message` in its wire form; `readMessage` reads it back. */
export function writeMessage(encoder: encoding.Encoder, message: Message): void {
  switch (message.kind) {
    case 'syncStep1':
      return writeSyncStep1(encoder, message.stateVector);
    case 'syncStep2':
      return writeSyncStep2(encoder, message.update);
    case 'update':
      return writeUpdate(encoder, message.update);
    case 'awareness':
      return writeAwarenessUpdate(encoder, message.update);
    case 'permissionDenied':
      return writePermissionDenied(encoder, message.reason);
    case 'queryAwareness':
      return writeQueryAwareness(encoder);
  }
}

/** One message as a frame of its own. */
export function encodeMessage(message: Message): Uint8Array {
  const encoder = encoding.createEncoder();
  writeMessage(encoder, message);
  return encoding.toUint8Array(encoder);
}
