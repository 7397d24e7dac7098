import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { COLLAB_PATH, CloseCode, isId, meetingColor, type AwarenessUser } from '@accord/shared';
import type { Authenticator } from '../auth/authenticator';
import { authorId, belongsTo, type Principal } from '../auth/principal';
import type { Logger } from '../logger';
import type { DocumentRef } from '../storage';
import { AdmissionQueue } from './admission';
import type { Peer } from './peer';
import { sharedFrame, sharedFrames } from './frame';
import { TokenBucket } from './rate-limit';
import type { Room } from './room';
import type { RoomRegistry } from './rooms';

export interface CollabLimits {
  /** Largest message accepted; larger ones close the socket with 1009. */
  maxMessageBytes: number;
  messagesPerSecond: number;
  messageBurst: number;
  connectionsPerParticipant: number;
  /** A peer that does not read (this many bytes queued) is dropped. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 8 * 1024 * 1024,
  messagesPerSecond: 60,
  messageBurst: 300,
  connectionsPerParticipant: 16,
  maxBufferedBytes: 32 * 1024 * 1024,
};

export interface CollabTransportOptions {
  registry: RoomRegistry;
  authenticator: Authenticator;
  /** The document's meeting, or null when there is no such document (O(1)). */
  resolveDocument: (id: string) => DocumentRef | null;
  logger: Logger;
  /** Origins a browser may connect from (besides the request's own host). */
  allowedOrigins: () => string[];
  limits?: Partial<CollabLimits>;
  pingIntervalMs?: number;
  /** The meeting's delegation colours by key (`meetingColours`); without it, the hashed one. */
  meetingColours?: (meetingId: string) => Readonly<Record<string, string>>;
}

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

class WebSocketPeer implements Peer {
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

/**
 * The WebSocket side of the relay: authenticates at upgrade, closes with a contract close code
 * before any document data when it must, then hands bytes to the document's room. One socket's
 * errors, floods or garbage close that socket only.
 */
export function attachCollab(server: HttpServer, options: CollabTransportOptions) {
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const perParticipant = new Map<string, number>();
  const { logger } = options;
  const admission = new AdmissionQueue(4, (error) =>
    logger.error('could not admit a connection', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );

  const originAllowed = (request: IncomingMessage): boolean => {
    const origin = request.headers.origin;
    // Programs other than browsers send no Origin; browsers always do.
    if (!origin) return true;
    const host = request.headers.host;
    if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
    return options.allowedOrigins().includes(origin);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://accord');
    if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!originAllowed(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Until its turn, the socket's bytes wait unread in the kernel (a client sends nothing
    // before the handshake's answer); one that hung up meanwhile is skipped.
    admission.admit(() => {
      if (socket.destroyed) return;
      wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, url));
    });
  };

  const onConnection = (ws: WebSocket, url: URL) => {
    ws.on('error', (error) => logger.warn('socket error', { error: error.message }));
    const principal = options.authenticator.authenticate(url.searchParams.get('token'));
    if (!principal) return ws.close(CloseCode.unauthorized, 'unknown or revoked token');
    let documentId: string;
    try {
      documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    } catch {
      return ws.close(CloseCode.notFound, 'unknown document');
    }
    const document = isId(documentId) ? options.resolveDocument(documentId) : null;
    if (!document) return ws.close(CloseCode.notFound, 'unknown document');
    if (!belongsTo(principal, document.meetingId)) {
      return ws.close(CloseCode.forbidden, 'participant of another meeting');
    }
    const who = authorId(principal);
    const open = perParticipant.get(who) ?? 0;
    if (principal.participant && open >= limits.connectionsPerParticipant) {
      return ws.close(CloseCode.tooManyMessages, 'too many connections for this link');
    }
    perParticipant.set(who, open + 1);

    const colours = options.meetingColours?.(document.meetingId) ?? null;
    const peer = new WebSocketPeer(ws, principal, limits, colours);
    const bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    ws.on('pong', () => (peer.alive = true));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return peer.close(CloseCode.malformed, 'binary messages only');
      if (!bucket.take()) return peer.close(CloseCode.tooManyMessages, 'too many messages');
      const bytes = toBytes(data);
      if (room) room.handleMessage(peer, bytes);
      else early.push(bytes);
    });
    ws.on('close', () => {
      const left = (perParticipant.get(who) ?? 1) - 1;
      if (left > 0) perParticipant.set(who, left);
      else perParticipant.delete(who);
      room?.handleClose(peer);
      alive.delete(peer);
    });
    alive.set(peer, ws);
    // Joined at once, within the admission slice (greeted now if the document is loaded, or as
    // soon as it is); only a room still closing from its last peer's departure is waited for.
    room = options.registry.connectNow(document.id, peer);
    if (room) return;
    options.registry
      .connect(document.id, peer)
      .then((joined) => {
        room = joined;
        if (!peer.isOpen) return joined.handleClose(peer);
        for (const bytes of early.splice(0)) joined.handleMessage(peer, bytes);
      })
      .catch((error: unknown) => {
        logger.error('could not open document', {
          documentId: document.id,
          error: error instanceof Error ? error.message : String(error),
        });
        peer.close(CloseCode.unavailable, 'document unavailable');
      });
  };

  // Dead connections (a laptop closed without a goodbye) are found by ping and dropped.
  const alive = new Map<WebSocketPeer, WebSocket>();
  const pinger = setInterval(() => {
    for (const [peer, ws] of alive) {
      if (!peer.alive) {
        ws.terminate();
        continue;
      }
      peer.alive = false;
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  server.on('upgrade', onUpgrade);
  return {
    /** Stops accepting connections; rooms are closed by the registry. */
    close(): void {
      clearInterval(pinger);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server closing');
      wss.close();
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
