import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { SERVER_AWARENESS_CLIENT } from '@accord/shared';

const AWARENESS_MESSAGE = 1;

/**
 * An awareness message without the server's own state (client 0). Each process announces the
 * document's status under that id with a clock of its own; relayed across, two clocks would
 * make clients ignore one process's announcements. Every process announces status changes it
 * hears of itself instead (see `Cluster`). Null when nothing else is left, or the message is
 * not an awareness message.
 */
export function withoutServerState(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== AWARENESS_MESSAGE) return null;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    const kept: [number, number, string][] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = decoding.readVarString(update);
      if (clientId !== SERVER_AWARENESS_CLIENT) kept.push([clientId, clock, state]);
    }
    if (kept.length === 0) return null;
    if (kept.length === count) return message;
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, kept.length);
    for (const [clientId, clock, state] of kept) {
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, state);
    }
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, AWARENESS_MESSAGE);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    return encoding.toUint8Array(outer);
  } catch {
    return null;
  }
}
