import type * as Y from 'yjs';
import { awarenessMessage, syncStep1Message } from './messages';

/**
 * What a room sends every device the moment it joins: the server's sync request (its state
 * vector) and everyone's awareness, in one write. A reconnect storm greets hundreds of devices
 * in a row, so the greeting is one array while neither part changes: it is encoded, framed and
 * joined once, not once per device.
 */
export class Greeting {
  private step1: Uint8Array | null = null;
  private everyone: Uint8Array | null = null;
  private messages: Uint8Array[] | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The document changed: its state vector must be encoded again. */
  documentChanged(): void {
    this.step1 = null;
    this.messages = null;
  }

  /** The greeting, given the room's current awareness snapshot (null when nobody is here). */
  for(everyone: Uint8Array | null): readonly Uint8Array[] {
    if (!this.messages || this.everyone !== everyone) {
      this.step1 ??= syncStep1Message(this.doc);
      this.everyone = everyone;
      this.messages = everyone ? [this.step1, awarenessMessage(everyone)] : [this.step1];
    }
    return this.messages;
  }
}
