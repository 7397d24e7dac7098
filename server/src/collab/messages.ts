import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  writeAwarenessUpdate,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '@accord/shared/wire';

/**
 * The messages the relay sends, each a pure function of its input so that one encoding serves
 * every recipient. The wire format is the shared codec's (`@accord/shared/wire`, PROTOCOL.md).
 */

export { SyncStep } from '@accord/shared/wire';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  return frame((encoder) => writeSyncStep1(encoder, Y.encodeStateVector(doc)));
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return frame((encoder) => writeSyncStep2(encoder, Y.encodeStateAsUpdate(doc, stateVector)));
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return frame((encoder) => writeUpdate(encoder, update));
}

export function awarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  return frame((encoder) => writeAwarenessUpdate(encoder, awarenessUpdate));
}

export function permissionDeniedMessage(reason: string): Uint8Array {
  return frame((encoder) => writePermissionDenied(encoder, reason));
}
