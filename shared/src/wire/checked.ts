import * as decoding from 'lib0/decoding';

/**
 * lib0's readers, made to throw a `RangeError` that names what was being read. lib0 throws a
 * plain `Error` ("Unexpected end of array", "Integer out of Range") that says neither where nor
 * what; a relay closing a socket with 4400 wants to log which part of which message was bad.
 */

function malformed(what: string, cause: unknown): RangeError {
  const problem =
    cause instanceof Error && /out of range/i.test(cause.message)
      ? 'is a varint larger than 2^53'
      : 'is truncated';
  return new RangeError(`malformed message: ${what} ${problem}`, { cause });
}

/** Reads a varUint; `what` names it in the error. */
export function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch (cause) {
    throw malformed(what, cause);
  }
}

/**
 * Reads a length-prefixed byte array. The result is a view into the message, not a copy: keep
 * it no longer than the message (Yjs copies what it applies).
 */
export function readVarUint8Array(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch (cause) {
    throw malformed(what, cause);
  }
}

/** Reads a length-prefixed UTF-8 string. */
export function readVarString(decoder: decoding.Decoder, what: string): string {
  try {
    return decoding.readVarString(decoder);
  } catch (cause) {
    throw malformed(what, cause);
  }
}
