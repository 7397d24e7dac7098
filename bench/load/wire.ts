import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@accord/shared/protocol';
import {
  SyncStep,
  encodeAwarenessStates,
  readSyncMessage,
  writeAwarenessUpdate,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  type SyncMessage,
} from '@accord/shared/wire';
import type { Dialect } from '../types';

/**
 * The y-websocket wire protocol as the load generator speaks it, framed either bare (Accord,
 * the reference server) or Hocuspocus-style (every message starts with the document name, and
 * an auth message must come first). The messages are the shared codec's; readers never build a
 * Y.Doc.
 */

export const MESSAGE_SYNC = MessageType.sync;
export const MESSAGE_AWARENESS = MessageType.awareness;
export const STEP1 = SyncStep.step1;
export const STEP2 = SyncStep.step2;
export const UPDATE = SyncStep.update;
/** Hocuspocus answers a sync request with this type; the payload is a sync message. */
const HOCUSPOCUS_SYNC_REPLY = 4;
/** Hocuspocus' auth message, which carries a token where y-protocols' carries a refusal. */
const HOCUSPOCUS_AUTH = MessageType.auth;
const HOCUSPOCUS_AUTH_TOKEN = 0;

const SYNC_WRITERS: Record<number, (encoder: encoding.Encoder, payload: Uint8Array) => void> = {
  [STEP1]: writeSyncStep1,
  [STEP2]: writeSyncStep2,
  [UPDATE]: writeUpdate,
};

const STEP_OF: Record<SyncMessage['kind'], number> = {
  syncStep1: STEP1,
  syncStep2: STEP2,
  update: UPDATE,
};

/** An empty Yjs update (no structs, empty delete set): a reader's answer to sync step 1. */
export const EMPTY_UPDATE = new Uint8Array([0, 0]);
/** The state vector of an empty document. */
export const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export class Wire {
  constructor(
    private readonly dialect: Dialect,
    private readonly documentName: string,
  ) {}

  /** An encoder with the document name already written where the dialect wants it. */
  private start(): encoding.Encoder {
    const encoder = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(encoder, this.documentName);
    return encoder;
  }

  /** Hocuspocus refuses everything until this arrives; the others need nothing. */
  hello(): Uint8Array | null {
    if (this.dialect !== 'hocuspocus') return null;
    const encoder = this.start();
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
    encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
    encoding.writeVarString(encoder, '');
    return encoding.toUint8Array(encoder);
  }

  sync(step: number, payload: Uint8Array): Uint8Array {
    const write = SYNC_WRITERS[step];
    if (!write) throw new RangeError(`unknown sync step ${step}`);
    const encoder = this.start();
    write(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  /** An awareness update with one client's state. */
  awareness(clientId: number, clock: number, state: unknown): Uint8Array {
    const encoder = this.start();
    writeAwarenessUpdate(encoder, encodeAwarenessStates([{ clientId, clock, state }]));
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
    const sync = readSyncMessage(decoder);
    const payload = sync.kind === 'syncStep1' ? sync.stateVector : sync.update;
    return { type: MESSAGE_SYNC, step: STEP_OF[sync.kind], payload };
  }
}

export interface Incoming {
  type: number;
  step: number;
  payload: Uint8Array | null;
}
