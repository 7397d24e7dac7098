import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../protocol';
import { readVarString, readVarUint, readVarUint8Array } from './checked';

/**
 * Awareness messages: who is here and where their caret is. The payload is a y-protocols
 * awareness update (`encodeAwarenessUpdate`); `encodeAwarenessStates` writes one by hand for
 * programs that hold no `Awareness` (the load generator, raw test clients).
 */

export interface AwarenessMessage {
  kind: 'awareness';
  update: Uint8Array;
}

export interface QueryAwarenessMessage {
  kind: 'queryAwareness';
}

/** One client's entry in an awareness update; a `null` state says the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function writeAwarenessUpdate(encoder: encoding.Encoder, update: Uint8Array): void {
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
}

/** Asks the receiver for every awareness state it knows. */
export function writeQueryAwareness(encoder: encoding.Encoder): void {
  encoding.writeVarUint(encoder, MessageType.queryAwareness);
}

/** Reads the rest of an awareness message once its type has been read. */
export function readAwarenessMessage(decoder: decoding.Decoder): AwarenessMessage {
  return { kind: 'awareness', update: readVarUint8Array(decoder, 'the awareness update') };
}

/** An awareness update in y-protocols' encoding, the same bytes `encodeAwarenessUpdate` makes. */
export function encodeAwarenessStates(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state ?? null));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Reads an awareness update's entries without applying them. Throws a `RangeError` for a
 * truncated update or a state that is not JSON.
 */
export function decodeAwarenessStates(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder, 'the awareness entry count');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder, `awareness entry ${i}'s client id`);
    const clock = readVarUint(decoder, `awareness entry ${i}'s clock`);
    const json = readVarString(decoder, `awareness entry ${i}'s state`);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch (cause) {
      throw new RangeError(`malformed awareness update: entry ${i}'s state is not JSON`, {
        cause,
      });
    }
    entries.push({ clientId, clock, state });
  }
  return entries;
}
