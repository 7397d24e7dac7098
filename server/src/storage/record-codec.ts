import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { crc32 } from 'node:zlib';
import type { BindingRecord, LogEntry, UpdateRecord } from './types';

/**
 * The on-disk framing of log entries and checkpoints:
 *
 *     u32 LE payload length | u32 LE CRC-32 of payload | payload
 *
 * A frame whose length runs past the end of the file or whose checksum does not match is a
 * torn write (the process died mid-append): readers stop there and report it. So is a frame of
 * length zero: no entry, checkpoint or state is ever empty, and eight zero bytes would otherwise
 * pass as a frame (the CRC-32 of nothing is 0) — exactly what a filesystem leaves when it
 * extended a file but never wrote its data.
 */

const HEADER = 8;
const KIND_UPDATE = 1;
const KIND_BIND = 2;

export function frame(payload: Uint8Array): Buffer {
  if (payload.length === 0) throw new RangeError('An empty payload cannot be framed');
  const out = Buffer.allocUnsafe(HEADER + payload.length);
  out.writeUInt32LE(payload.length, 0);
  out.writeUInt32LE(crc32(payload), 4);
  out.set(payload, HEADER);
  return out;
}

export interface FrameScan {
  payloads: Uint8Array[];
  /** Bytes of whole, valid frames; anything after is torn or corrupt. */
  validBytes: number;
}

/** Whether everything from `offset` on is zero bytes (a tail the filesystem never wrote). */
export function zeroFilledFrom(data: Uint8Array, offset: number): boolean {
  for (let i = offset; i < data.length; i++) if (data[i] !== 0) return false;
  return offset < data.length;
}

export function readFrames(data: Uint8Array): FrameScan {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const payloads: Uint8Array[] = [];
  let offset = 0;
  while (offset + HEADER <= buffer.length) {
    const length = buffer.readUInt32LE(offset);
    const checksum = buffer.readUInt32LE(offset + 4);
    const end = offset + HEADER + length;
    if (length === 0 || end > buffer.length) break;
    const payload = buffer.subarray(offset + HEADER, end);
    if (crc32(payload) !== checksum) break;
    payloads.push(payload);
    offset = end;
  }
  return { payloads, validBytes: offset };
}

export function encodeEntry(entry: LogEntry): Uint8Array {
  const encoder = encoding.createEncoder();
  if (entry.kind === 'update') {
    encoding.writeUint8(encoder, KIND_UPDATE);
    encoding.writeVarUint(encoder, entry.seq);
    encoding.writeVarUint(encoder, entry.at);
    encoding.writeVarString(encoder, entry.author);
    encoding.writeVarUint8Array(encoder, entry.update);
  } else {
    encoding.writeUint8(encoder, KIND_BIND);
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarString(encoder, entry.author);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeEntry(payload: Uint8Array): LogEntry {
  const decoder = decoding.createDecoder(payload);
  const kind = decoding.readUint8(decoder);
  if (kind === KIND_UPDATE) {
    const seq = decoding.readVarUint(decoder);
    const at = decoding.readVarUint(decoder);
    const author = decoding.readVarString(decoder);
    const update = decoding.readVarUint8Array(decoder);
    return { kind: 'update', seq, at, author, update } satisfies UpdateRecord;
  }
  if (kind === KIND_BIND) {
    const clientId = decoding.readVarUint(decoder);
    const author = decoding.readVarString(decoder);
    return { kind: 'bind', clientId, author } satisfies BindingRecord;
  }
  throw new RangeError(`Unknown log entry kind ${kind}`);
}

/** A checkpoint: the state as of `lastSeq` and every binding so far. */
export interface Checkpoint {
  lastSeq: number;
  state: Uint8Array;
  bindings: Map<number, string>;
}

export function encodeCheckpoint(checkpoint: Checkpoint): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, checkpoint.lastSeq);
  encoding.writeVarUint8Array(encoder, checkpoint.state);
  encoding.writeVarUint(encoder, checkpoint.bindings.size);
  for (const [clientId, author] of checkpoint.bindings) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarString(encoder, author);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeCheckpoint(payload: Uint8Array): Checkpoint {
  const decoder = decoding.createDecoder(payload);
  const lastSeq = decoding.readVarUint(decoder);
  const state = decoding.readVarUint8Array(decoder);
  const bindings = new Map<number, string>();
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    bindings.set(decoding.readVarUint(decoder), decoding.readVarString(decoder));
  }
  return { lastSeq, state, bindings };
}
