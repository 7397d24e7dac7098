import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Dialect } from '../types';

/**
 * The y-websocket wire protocol as the load generator speaks it, framed either bare (Accord,
 * the reference server) or Hocuspocus-style (every message starts with the document name, and
 * an auth message must come first). Hand-encoded so that readers never build a Y.Doc.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;
/** Hocuspocus answers a sync request with this type; the payload is a sync message. */
const HOCUSPOCUS_SYNC_REPLY = 4;
const AUTH_TOKEN = 0;

/** An empty Yjs update (no structs, empty delete set): a reader's answer to sync step 1. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** The state vector of an empty document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export class Wire {
  constructor(
    private readonly dialect: Dialect,
    private readonly documentName: string,
  ) {}

  private start(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.documentName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  /** Hocuspocus refuses everything until this arrives; the others need nothing. */
  hello(): Uint8Array | null {
    if (this.dialect !== 'hocuspocus') return null;
    const encoder = this.start(MESSAGE_AUTH);
    encoding.writeVarUint(encoder, AUTH_TOKEN);
    encoding.writeVarString(encoder, '');
    return encoding.toUint8Array(encoder);
  }

  sync(step: number, payload: Uint8Array): Uint8Array {
    const encoder = this.start(MESSAGE_SYNC);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  /** An awareness update with one client's state (y-protocols' encoding, written by hand). */
  awareness(clientId: number, clock: number, state: unknown): Uint8Array {
    const encoder = this.start(MESSAGE_AWARENESS);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    return encoding.toUint8Array(encoder);
  }

  /**
   * Reads just the header of an incoming message. Sync messages yield their step and a view
   * of the payload (no copy); everything else only its type.
   */
  parse(message: Uint8Array): Incoming {
    const decoder = decoding.createDecoder(message);
    if (this.dialect === 'hocuspocus') {
      // Skip the document name without decoding it into a string. (The length must be read
      // before `pos` is: `pos += read()` would add to the old position.)
      const nameLength = decoding.readVarUint(decoder);
      decoder.pos += nameLength;
    }
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== HOCUSPOCUS_SYNC_REPLY)
      return { type, step: -1, payload: null };
    const step = decoding.readVarUint(decoder);
    return { type: MESSAGE_SYNC, step, payload: decoding.readVarUint8Array(decoder) };
  }
}

export interface Incoming {
  type: number;
  step: number;
  payload: Uint8Array | null;
}
