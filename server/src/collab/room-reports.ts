import { CloseCode, RefusalReason } from '@accord/shared';
import { authorId } from '../auth/principal';
import type { Logger } from '../logger';
import { permissionDeniedMessage } from './messages';
import type { Peer } from './peer';
import type { SecurityEvent } from './security-event';

/**
 * How a room says no, and who hears of it: the peer (an auth message and a close code), the
 * log, and the meeting's audit log through `onSecurityEvent`.
 */
export class RoomReports {
  constructor(
    private readonly documentId: string,
    private readonly logger: Logger,
    private readonly onSecurityEvent?: (event: SecurityEvent) => void,
  ) {}

  /** Logs a security-relevant event and passes it on. */
  report(kind: string, peer: Peer | null, detail: string): void {
    const event: SecurityEvent = { kind, documentId: this.documentId, detail };
    if (peer) {
      event.participant = authorId(peer.principal);
      if (peer.principal.meetingId) event.meetingId = peer.principal.meetingId;
    }
    const level = kind === 'storage_unavailable' ? 'error' : 'info';
    this.logger[level](kind.replaceAll('_', ' '), { ...event });
    this.onSecurityEvent?.(event);
  }

  /** Refused whole: the client is told why, then must reload the server's state. */
  refuse(peer: Peer, reason: RefusalReason, detail: string): void {
    const kind = reason === RefusalReason.participantBudget ? 'limit_hit' : 'update_refused';
    this.report(kind, peer, `${reason}: ${detail}`);
    peer.send(permissionDeniedMessage(reason));
    peer.close(CloseCode.refused, reason);
  }

  /** Past a limit that costs the client nothing to retry: closed with 4529, to come back. */
  overLimit(peer: Peer, reason: string, detail: string): void {
    this.report('limit_hit', peer, `${reason}: ${detail}`);
    peer.close(CloseCode.tooManyMessages, reason);
  }
}
