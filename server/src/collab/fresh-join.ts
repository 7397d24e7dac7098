import * as Y from 'yjs';
import { syncStep2Message, updateMessage } from './messages';

/** A device with nothing yet asks with the empty state vector (no clients, encoded as `0`). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}

/**
 * The answer for devices that join with nothing: the whole document as last encoded, followed by
 * the changes relayed since, instead of a fresh encoding of the whole document for each turn in
 * which somebody joins. When fifty delegates open a 2 MB text over a few hundred milliseconds
 * while others type, their joins spread over many turns; each turn used to encode the 2 MB again.
 *
 * The changes since are merged once per change of them. Once they outweigh an eighth of the
 * encoded state (or 64 KB), the next joiner gets a fresh encoding instead: a joiner never
 * receives much more than the document's size.
 */
export class FreshJoinAnswer {
  private state: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private sinceBytes = 0;
  private messages: Uint8Array[] | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The messages to send, and how many bytes were encoded afresh for them (for the budget). */
  answer(): { messages: readonly Uint8Array[]; encodedBytes: number } {
    let encodedBytes = 0;
    if (!this.state) {
      this.state = syncStep2Message(this.doc, new Uint8Array([0]));
      encodedBytes = this.state.length;
    }
    if (!this.messages) {
      const merged =
        this.since.length === 0
          ? null
          : this.since.length === 1
            ? this.since[0]!
            : Y.mergeUpdates(this.since);
      this.messages = merged ? [this.state, updateMessage(merged)] : [this.state];
    }
    return { messages: this.messages, encodedBytes };
  }

  /** Called with every update the room relays, in order. */
  relayed(update: Uint8Array): void {
    if (!this.state) return;
    this.sinceBytes += update.length;
    if (this.sinceBytes > Math.max(64 * 1024, this.state.length / 8)) {
      this.forget();
      return;
    }
    this.since.push(update);
    this.messages = null;
  }

  /** Drops the cached encoding (the room is closing, or it no longer pays). */
  forget(): void {
    this.state = null;
    this.since = [];
    this.sinceBytes = 0;
    this.messages = null;
  }
}
