import { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { meetingColor, type AwarenessUser } from '@accord/shared';
import { authorId, type Principal } from '../auth/principal';
import { sharedFrame, sharedFrames } from './frame';
import type { CollabLimits } from './limits';
import type { Peer } from './peer';

function awarenessUser(
  principal: Principal,
  colours: Readonly<Record<string, string>> | null,
): AwarenessUser {
  const participant = principal.participant;
  const name = participant?.name ?? 'Secretariat';
  const delegation = participant?.delegation ?? null;
  return {
    participant: authorId(principal),
    name,
    delegation,
    role: principal.role,
    color: meetingColor(colours, delegation ?? name),
  };
}

/** The TCP socket under a `ws` WebSocket (not in its typings, stable across ws 8). */
function rawSocket(socket: WebSocket): Socket | null {
  const raw = (socket as unknown as { _socket?: unknown })._socket;
  return raw instanceof Socket ? raw : null;
}

export class WebSocketPeer implements Peer {
  readonly user: AwarenessUser;
  alive = true;

  constructor(
    private readonly socket: WebSocket,
    readonly principal: Principal,
    private readonly limits: CollabLimits,
    colours: Readonly<Record<string, string>> | null,
  ) {
    this.user = awarenessUser(principal, colours);
  }

  get isOpen(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  send(message: Uint8Array): void {
    this.write(sharedFrame(message), message);
  }

  sendAll(messages: readonly Uint8Array[]): void {
    // The text and the carets of one flush leave in one system call: at 300 peers, system
    // calls, not encoding, are the relay's cost.
    if (messages.length === 1) this.send(messages[0]!);
    else if (messages.length > 1) this.write(sharedFrames(messages), messages);
  }

  /** Writes frames made once for all peers; `ws` frames for sockets it wraps differently. */
  private write(frames: Buffer, messages: Uint8Array | readonly Uint8Array[]): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.socket.terminate();
      return;
    }
    // Frames go straight to the socket (no compression is negotiated, so `ws` queues nothing
    // of its own).
    const raw = rawSocket(this.socket);
    if (raw) raw.write(frames);
    else
      for (const message of messages instanceof Uint8Array ? [messages] : messages)
        this.socket.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (
      this.socket.readyState === this.socket.OPEN ||
      this.socket.readyState === this.socket.CONNECTING
    ) {
      this.socket.close(code, reason);
    }
  }
}
