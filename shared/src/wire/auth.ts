import type * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../protocol';
import { readVarString, readVarUint } from './checked';

/**
 * y-protocols' auth message. Its only kind is "permission denied", which the relay sends before
 * closing with 4409; the reason is a `RefusalReason` (see `protocol.ts`).
 */

/** The second varUint of an auth message. */
export const AuthKind = { permissionDenied: 0 } as const;

export interface PermissionDeniedMessage {
  kind: 'permissionDenied';
  reason: string;
}

export function writePermissionDenied(encoder: encoding.Encoder, reason: string): void {
  encoding.writeVarUint(encoder, MessageType.auth);
  encoding.writeVarUint(encoder, AuthKind.permissionDenied);
  encoding.writeVarString(encoder, reason);
}

/** Reads the rest of an auth message once its type has been read. */
export function readAuthMessage(decoder: decoding.Decoder): PermissionDeniedMessage {
  const kind = readVarUint(decoder, 'the auth kind');
  if (kind !== AuthKind.permissionDenied)
    throw new RangeError(`malformed message: unknown auth kind ${kind}`);
  return { kind: 'permissionDenied', reason: readVarString(decoder, 'the refusal reason') };
}
