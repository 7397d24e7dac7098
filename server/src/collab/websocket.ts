import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { COLLAB_PATH, CloseCode, isId } from '@accord/shared';
import type { Authenticator } from '../auth/authenticator';
import { deviceToken } from '../auth/device-cookie';
import { authorId, belongsTo, type Principal } from '../auth/principal';
import type { Logger } from '../logger';
import type { DocumentRef } from '../storage';
import { AdmissionQueue } from './admission';
import { DEFAULT_LIMITS, REFUSED_MESSAGE_BYTES, type CollabLimits } from './limits';
import { MessageThrottle } from './rate-limit';
import type { Room } from './room';
import type { RoomRegistry } from './rooms';
import { WebSocketPeer } from './websocket-peer';
import {
  oncePerMinute,
  securityDetail,
  type SecurityDetail,
  type SecurityEventSink,
} from '../security-event';

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
  /** Refused tokens and origins, limits reached (for the audit log). */
  onSecurityEvent?: SecurityEventSink;
  /** The meeting's delegation colours by key (`meetingColours`); without it, the hashed one. */
  meetingColours?: (meetingId: string) => Readonly<Record<string, string>>;
}

/**
 * The WebSocket side of the relay: authenticates at upgrade, closes with a contract close code
 * before any document data when it must, then hands bytes to the document's room. One socket's
 * errors, floods or garbage close that socket only.
 */
export function attachCollab(server: HttpServer, options: CollabTransportOptions) {
  const limits: CollabLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // `ws` takes its message limit per server: one for each limit in use, so that a socket about
  // to be refused, a budgeted participant and the chair each get their own.
  const servers = new Map<number, WebSocketServer>();
  const serverFor = (maxPayload: number): WebSocketServer => {
    let found = servers.get(maxPayload);
    if (!found) {
      found = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
      servers.set(maxPayload, found);
    }
    return found;
  };
  const perParticipant = new Map<string, number>();
  /** Per link: the documents it has open, with how many connections each. */
  const openDocuments = new Map<string, Map<string, number>>();
  const { logger } = options;
  // One report a minute per source: a flood of bad tokens is one line, not thousands.
  const report = oncePerMinute((event) => {
    try {
      options.onSecurityEvent?.(event);
    } catch (error) {
      logger.error('could not record a security event', {
        kind: event.kind,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
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

  /** Answers an upgrade that will not become a WebSocket, and hangs up. */
  const refuseUpgrade = (socket: Duplex, status: string) => {
    if (!socket.destroyed) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // From the first byte on, one socket's errors (a reset, a write after the peer left) are
    // that socket's: without a listener, an 'error' event would stop the process.
    socket.on('error', (error) => logger.warn('upgrade socket error', { error: error.message }));
    try {
      let url: URL;
      try {
        url = new URL(request.url ?? '/', 'http://accord');
      } catch {
        // The request target is not a URL at all (`GET http://[/collab/x`).
        return refuseUpgrade(socket, '400 Bad Request');
      }
      if (!url.pathname.startsWith(`${COLLAB_PATH}/`)) {
        return refuseUpgrade(socket, '404 Not Found');
      }
      if (!originAllowed(request)) {
        const origin = String(request.headers.origin).slice(0, 200);
        logger.warn('connection from a foreign origin refused', {
          origin: request.headers.origin,
        });
        report(`origin ${request.socket.remoteAddress}`, {
          kind: 'origin_refused',
          ...securityDetail({
            text: `A WebSocket connection from the origin ${origin} was refused.`,
            key: 'langaudit.audit.originRefused',
            values: { origin },
          }),
        });
        return refuseUpgrade(socket, '403 Forbidden');
      }
      // Until its turn, the socket's bytes wait unread in the kernel (a client sends nothing
      // before the handshake's answer); one that hung up meanwhile is skipped.
      admission.admit(() => {
        if (socket.destroyed) return;
        try {
          const address = request.socket.remoteAddress ?? 'unknown';
          // Decided before the handshake, so that the socket's message limit fits who it is.
          const verdict = decide(request, url, address);
          const maxPayload =
            'refusal' in verdict
              ? REFUSED_MESSAGE_BYTES
              : limits.catchUpRoles.includes(verdict.principal.role)
                ? limits.maxCatchUpBytes
                : limits.maxMessageBytes;
          serverFor(maxPayload).handleUpgrade(request, socket, head, (ws) =>
            onConnection(ws, verdict, maxPayload),
          );
        } catch (error) {
          logger.error('could not complete an upgrade', {
            error: error instanceof Error ? error.message : String(error),
          });
          socket.destroy();
        }
      });
    } catch (error) {
      logger.error('could not handle an upgrade', {
        error: error instanceof Error ? error.message : String(error),
      });
      socket.destroy();
    }
  };

  /** Who is connecting to which document, or why they may not (closed once upgraded). */
  type Verdict =
    | { refusal: { code: number; reason: string } }
    | {
        principal: Principal;
        document: DocumentRef;
        who: string;
        limitHit: (detail: SecurityDetail) => void;
      };

  const decide = (request: IncomingMessage, url: URL, address: string): Verdict => {
    const refuse = (code: number, reason: string): Verdict => ({ refusal: { code, reason } });
    // The link's token, or the sign-in kept on this device (a browser's cookie; the Origin
    // check above keeps other sites' pages from using it).
    const token = url.searchParams.get('token') || deviceToken(request.headers.cookie);
    const principal = options.authenticator.authenticate(token);
    if (!principal) {
      report(`auth ${address}`, {
        kind: 'auth_failed',
        ...securityDetail({
          text: `A WebSocket connection from ${address} with an unknown or revoked token.`,
          key: 'langaudit.audit.socketLinkRefused',
          values: { address },
        }),
      });
      return refuse(CloseCode.unauthorized, 'unknown or revoked token');
    }
    let documentId: string;
    try {
      documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    } catch {
      return refuse(CloseCode.notFound, 'unknown document');
    }
    const document = isId(documentId) ? options.resolveDocument(documentId) : null;
    if (!document) return refuse(CloseCode.notFound, 'unknown document');
    if (!belongsTo(principal, document.meetingId)) {
      return refuse(CloseCode.forbidden, 'participant of another meeting');
    }
    const who = authorId(principal);
    const limitHit = (detail: SecurityDetail) => {
      logger.warn('limit reached', {
        documentId: document.id,
        participant: who,
        detail: detail.text,
      });
      report(`limit ${who} ${detail.text}`, {
        kind: 'limit_hit',
        documentId: document.id,
        meetingId: document.meetingId,
        participant: who,
        ...securityDetail(detail),
      });
    };
    const open = perParticipant.get(who) ?? 0;
    const documents = openDocuments.get(who);
    if (principal.participant) {
      if (open >= limits.connectionsPerParticipant) {
        limitHit({
          text: `More than ${limits.connectionsPerParticipant} connections for one link.`,
          key: 'langaudit.audit.connectionsPerLink',
          values: { count: String(limits.connectionsPerParticipant) },
        });
        return refuse(CloseCode.tooManyMessages, 'too many connections for this link');
      }
      if (
        documents &&
        !documents.has(document.id) &&
        documents.size >= limits.documentsPerParticipant
      ) {
        limitHit({
          text: `More than ${limits.documentsPerParticipant} documents open for one link.`,
          key: 'langaudit.audit.documentsPerLink',
          values: { count: String(limits.documentsPerParticipant) },
        });
        return refuse(CloseCode.tooManyMessages, 'too many documents open for this link');
      }
    }
    return { principal, document, who, limitHit };
  };

  const onConnection = (ws: WebSocket, verdict: Verdict, maxPayload: number) => {
    ws.on('error', (error) => logger.warn('socket error', { error: error.message }));
    try {
      if ('refusal' in verdict) return ws.close(verdict.refusal.code, verdict.refusal.reason);
      accept(ws, verdict, maxPayload);
    } catch (error) {
      logger.error('could not accept a connection', {
        error: error instanceof Error ? error.message : String(error),
      });
      ws.terminate();
    }
  };

  const accept = (
    ws: WebSocket,
    { principal, document, who, limitHit }: Extract<Verdict, { principal: Principal }>,
    maxPayload: number,
  ) => {
    // Counted now, in the same turn as the verdict that checked them.
    const open = perParticipant.get(who) ?? 0;
    const documents = openDocuments.get(who) ?? new Map<string, number>();
    perParticipant.set(who, open + 1);
    documents.set(document.id, (documents.get(document.id) ?? 0) + 1);
    openDocuments.set(who, documents);

    const colours = options.meetingColours?.(document.meetingId) ?? null;
    const peer = new WebSocketPeer(ws, principal, limits, colours);
    const throttle = new MessageThrottle(
      limits.messagesPerSecond,
      limits.messageBurst,
      limits.throttleCeilingMs,
    );
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    const deliver = (bytes: Uint8Array) => {
      if (room) room.handleMessage(peer, bytes);
      else early.push(bytes);
    };
    // Messages read past the rate wait here, in order, while the socket's reads are paused;
    // there are never more than one read's worth.
    const held: Uint8Array[] = [];
    let releaseTimer: NodeJS.Timeout | null = null;
    const floodCeiling = () => {
      const seconds = String(Math.round(limits.throttleCeilingMs / 1000));
      limitHit({
        text: `Kept sending faster than ${limits.messagesPerSecond} messages a second for over ${seconds} s.`,
        key: 'langaudit.audit.messageFlood',
        values: { rate: String(limits.messagesPerSecond), seconds },
      });
      held.length = 0;
      // The client still holds what was not handled: a stock provider reconnects later and
      // sends it again in its sync answer, so closing loses nothing.
      peer.close(CloseCode.tooManyMessages, 'too many messages');
      // Read on, so that the client's answer to the close arrives and the socket ends now.
      ws.resume();
    };
    const release = () => {
      releaseTimer = null;
      // A backlog read in one go can outlast the ceiling without another read ever arriving.
      if (held.length > 0 && throttle.pastCeiling) return floodCeiling();
      while (held.length > 0 && peer.isOpen) {
        if (!throttle.release()) {
          releaseTimer = setTimeout(release, throttle.waitMs);
          return;
        }
        deliver(held.shift()!);
      }
      // All handled, or the socket is closing (then reading on lets its close complete).
      held.length = 0;
      ws.resume();
    };
    ws.on('pong', () => (peer.alive = true));
    ws.on('error', (error: Error & { code?: string }) => {
      // `ws` refuses a frame whose header announces more than maxPayload, and closes with 1009.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        limitHit({
          text: `A message larger than ${maxPayload} bytes.`,
          key: 'langaudit.audit.messageTooLarge',
          values: { bytes: String(maxPayload) },
        });
      }
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // Frames already read when the socket was closed still arrive here.
      if (!peer.isOpen) return;
      if (!isBinary) return peer.close(CloseCode.malformed, 'binary messages only');
      const verdict = throttle.admit(held.length > 0);
      if (verdict === 'handle') return deliver(toBytes(data));
      if (verdict === 'close') return floodCeiling();
      held.push(toBytes(data));
      if (!releaseTimer) {
        ws.pause();
        releaseTimer = setTimeout(release, throttle.waitMs);
      }
    });
    ws.on('close', () => {
      if (releaseTimer) clearTimeout(releaseTimer);
      held.length = 0;
      const left = (perParticipant.get(who) ?? 1) - 1;
      if (left > 0) perParticipant.set(who, left);
      else perParticipant.delete(who);
      const sameDocument = (documents.get(document.id) ?? 1) - 1;
      if (sameDocument > 0) documents.set(document.id, sameDocument);
      else documents.delete(document.id);
      if (documents.size === 0 && openDocuments.get(who) === documents) openDocuments.delete(who);
      room?.handleClose(peer);
      alive.delete(peer);
      throttled.delete(peer);
    });
    alive.set(peer, ws);
    throttled.set(peer, throttle);
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
  // A throttled socket's pongs wait unread behind its paused reads; the throttle's ceiling,
  // not the ping, bounds how long it lives.
  const throttled = new Map<WebSocketPeer, MessageThrottle>();
  const pinger = setInterval(() => {
    for (const [peer, ws] of alive) {
      if (throttled.get(peer)?.throttled) continue;
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
      for (const wss of servers.values()) {
        for (const ws of wss.clients) ws.close(CloseCode.goingAway, 'server closing');
        wss.close();
      }
    },
  };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
