import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '@accord/shared';
import type { Principal } from '../../auth/principal';
import type { Room } from '../room';
import { Link, type LinkClient } from './test-network';

/**
 * A device as a stock y-websocket provider drives it: a real `Y.Doc` and y-protocols awareness,
 * speaking the protocol over a `Link` instead of a socket. On connecting it sends its sync
 * step 1 and its awareness state; it answers the server's step 1 with step 2; every local
 * change and every awareness change (echoes of others' included, as providers do) is sent at
 * once while connected. It never reconnects by itself: the test decides when.
 */
export class TestClient implements LinkClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  link: Link | null = null;
  /** Every connection this device opened, the closing ones included. */
  readonly links: Link[] = [];
  /** Close codes received, in order. */
  readonly closes: number[] = [];
  /** Reasons of auth (permission denied) messages received, in order. */
  readonly refusals: string[] = [];
  /** Whether the server's answer to this connection's step 1 has arrived. */
  synced = false;

  constructor(
    readonly name: string,
    readonly principal: Principal,
    clientId: number,
  ) {
    this.doc = new Y.Doc();
    this.doc.clientID = clientId;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(encodeSync((e) => syncProtocol.writeUpdate(e, update)));
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
        const changed = [...added, ...updated, ...removed];
        this.send(awarenessMessage(this.awareness, changed));
      },
    );
  }

  get connected(): boolean {
    return this.link !== null && this.link.clientOpen && this.link.peer.open;
  }

  /** Opens a connection to `room`, as a provider does on `connect()`. */
  connect(room: Room): Link {
    this.disconnect();
    const link = (this.link = new Link(room, this, this.principal));
    this.links.push(link);
    this.synced = false;
    room.handleConnect(link.peer);
    this.send(encodeSync((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    if (this.awareness.getLocalState() !== null) {
      this.send(awarenessMessage(this.awareness, [this.doc.clientID]));
    }
    return link;
  }

  /** Hangs up, forgetting everyone else's presence as a provider does on any close. */
  disconnect(): void {
    if (!this.link?.clientOpen) return;
    this.link.hangUp();
    this.forgetOthers();
  }

  /** Moves this device's caret (its awareness state). */
  moveCaret(position: number): void {
    this.awareness.setLocalStateField('cursor', { anchor: position, head: position });
  }

  private send(bytes: Uint8Array): void {
    if (this.connected) this.link!.send(bytes);
  }

  receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
    } else if (type === MessageType.awareness) {
      const update = decoding.readVarUint8Array(decoder);
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, this);
    } else if (type === MessageType.auth) {
      decoding.readVarUint(decoder);
      this.refusals.push(decoding.readVarString(decoder));
    }
  }

  closed(code: number): void {
    this.closes.push(code);
    this.forgetOthers();
  }

  private forgetOthers(): void {
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    awarenessProtocol.removeAwarenessStates(this.awareness, others, 'connection closed');
  }

  destroy(): void {
    this.link?.hangUp();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function encodeSync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
