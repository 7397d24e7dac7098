import type * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../protocol';
import { readVarUint, readVarUint8Array } from './checked';

/**
 * Sync messages (y-protocols' sync, inside y-websocket's `sync` message): step 1 asks with a
 * state vector, step 2 answers with what the asker lacks, update carries a live change. Each
 * writer writes a whole message, its type included.
 */

/** The second varUint of a sync message. */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

export type SyncMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array };

/** Asks for what the receiver has beyond `stateVector` (`Y.encodeStateVector`). */
export function writeSyncStep1(encoder: encoding.Encoder, stateVector: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step1);
  encoding.writeVarUint8Array(encoder, stateVector);
}

/** Answers a step 1 with `update` (`Y.encodeStateAsUpdate(doc, theirStateVector)`). */
export function writeSyncStep2(encoder: encoding.Encoder, update: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step2);
  encoding.writeVarUint8Array(encoder, update);
}

/** A live change: a Yjs update. */
export function writeUpdate(encoder: encoding.Encoder, update: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.update);
  encoding.writeVarUint8Array(encoder, update);
}

/**
 * Reads the rest of a sync message once its type has been read: the step and its payload (a
 * view into the message). Hocuspocus' sync reply carries the same body, which is why this is
 * exported apart from `readMessage`. Throws a `RangeError` for an unknown step or a truncated
 * payload.
 */
export function readSyncMessage(decoder: decoding.Decoder): SyncMessage {
  const step = readVarUint(decoder, 'the sync step');
  switch (step) {
    case SyncStep.step1:
      return { kind: 'syncStep1', stateVector: readVarUint8Array(decoder, 'the state vector') };
    case SyncStep.step2:
      return { kind: 'syncStep2', update: readVarUint8Array(decoder, 'the sync step 2 update') };
    case SyncStep.update:
      return { kind: 'update', update: readVarUint8Array(decoder, 'the update') };
    default:
      throw new RangeError(`malformed message: unknown sync step ${step}`);
  }
}
