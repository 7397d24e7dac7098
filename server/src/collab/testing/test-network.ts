import type { AwarenessUser } from '@accord/shared';
import type { Principal } from '../../auth/principal';
import type { Peer } from '../peer';
import type { Room } from '../room';
import { awarenessUserOf } from './principals';

/** What travels on a link: one message, or the closing of the connection. */
export type Packet = { kind: 'message'; bytes: Uint8Array } | { kind: 'close'; code: number };

export type Direction = 'toServer' | 'toClient';

/** The client end of a link: what a device does with what arrives. */
export interface LinkClient {
  readonly name: string;
  receive(bytes: Uint8Array): void;
  /** The server closed the connection (the close frame arrived). */
  closed(code: number): void;
}

/**
 * One connection between a device and a room, as two queues of packets in flight. Nothing
 * moves until the test delivers it: packets of one direction arrive in order (as over TCP),
 * and the test decides which link and direction goes next, or cuts the link.
 */
export class Link {
  readonly toServer: Packet[] = [];
  readonly toClient: Packet[] = [];
  readonly peer: LinkPeer;
  /** Set once the room has been told the connection closed. */
  ended = false;
  /** Cleared when the client hangs up (what it sent before still arrives). */
  clientOpen = true;

  constructor(
    readonly room: Room,
    readonly client: LinkClient,
    principal: Principal,
  ) {
    this.peer = new LinkPeer(this, principal);
  }

  get inFlight(): number {
    return this.toServer.length + this.toClient.length;
  }

  /** The client sends a message (queued until delivered). */
  send(bytes: Uint8Array): void {
    if (this.clientOpen && this.peer.open) this.toServer.push({ kind: 'message', bytes });
  }

  /** The client hangs up: the room hears of it when the close is delivered. */
  hangUp(): void {
    if (!this.clientOpen) return;
    this.clientOpen = false;
    this.toClient.length = 0;
    if (!this.ended) this.toServer.push({ kind: 'close', code: 1000 });
  }

  /** Delivers the next packet in `direction`; returns what was delivered, or null. */
  deliver(direction: Direction): Packet | null {
    const packet = this[direction].shift();
    if (!packet) return null;
    if (direction === 'toServer') {
      if (packet.kind === 'close') this.end();
      else if (!this.ended) this.room.handleMessage(this.peer, packet.bytes);
    } else if (!this.clientOpen) {
      // The device hung up: what the server sent meanwhile is never read.
    } else if (packet.kind === 'close') {
      this.clientOpen = false;
      this.client.closed(packet.code);
      this.end();
    } else {
      this.client.receive(packet.bytes);
    }
    return packet;
  }

  /** Loses the next packet in `direction` (the connection stays up). */
  drop(direction: Direction): Packet | null {
    return this[direction].shift() ?? null;
  }

  /** The connection breaks: everything in flight is lost and both ends learn it closed. */
  cut(code = 1006): void {
    this.toServer.length = 0;
    this.toClient.length = 0;
    const wasOpen = this.clientOpen;
    this.clientOpen = false;
    this.peer.open = false;
    if (wasOpen) this.client.closed(code);
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.peer.open = false;
    this.room.handleClose(this.peer);
  }
}

/** The room's side of a link: a `Peer` whose sends are queued on the link. */
export class LinkPeer implements Peer {
  readonly user: AwarenessUser;
  open = true;
  /** Close codes and reasons the room used, in order. */
  readonly closes: { code: number; reason: string }[] = [];
  /** Writes the room made, as a socket counts them: `sendAll` is one write. */
  writes = 0;

  constructor(
    private readonly link: Link,
    readonly principal: Principal,
  ) {
    this.user = awarenessUserOf(principal);
  }

  get isOpen(): boolean {
    return this.open;
  }

  send(message: Uint8Array): void {
    if (!this.open) return;
    this.writes += 1;
    this.link.toClient.push({ kind: 'message', bytes: message });
  }

  sendAll(messages: readonly Uint8Array[]): void {
    if (!this.open) return;
    this.writes += 1;
    for (const message of messages) this.link.toClient.push({ kind: 'message', bytes: message });
  }

  close(code: number, reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.closes.push({ code, reason });
    this.link.toClient.push({ kind: 'close', code });
  }
}
