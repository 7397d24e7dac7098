import type { Peer } from './peer';
import type { RoomScheduler } from './room-options';

/**
 * The clustered mode's fan-out of what other processes relayed: a stored batch of text and the
 * carets that moved with it reach this process in one read from Redis, one message each. Sent
 * on at the end of that event-loop turn, they leave in one write per device (as a local flush's
 * text and carets do) instead of one write per message per device.
 */
export class RemoteFanOut {
  private messages: Uint8Array[] = [];
  private scheduled = false;

  constructor(
    private readonly scheduler: RoomScheduler,
    /** The devices that are sent what is relayed (greeted, still open). */
    private readonly recipients: () => Peer[],
  ) {}

  add(message: Uint8Array): void {
    this.messages.push(message);
    if (this.scheduled) return;
    this.scheduled = true;
    this.scheduler.soon(() => this.send());
  }

  private send(): void {
    this.scheduled = false;
    const messages = this.messages;
    this.messages = [];
    if (messages.length === 0) return;
    for (const peer of this.recipients()) {
      if (messages.length === 1) peer.send(messages[0]!);
      else peer.sendAll(messages);
    }
  }
}
