import { SERVER_WIDE, type AuditEvent } from '../storage';
import type { SecurityEvent } from '../security-event';
import type { DomainContext } from './context';

/**
 * Puts a security event from the relay (refused update, limit hit, refused origin, storage
 * unavailable, refused token) in the audit log of the meeting it concerns: the document's
 * meeting when only the document is known, server-wide when neither is. Rate-limited per
 * participant, or per kind for events without one, so a flood is one summary line.
 */
export function recordSecurityEvent(context: DomainContext, reported: SecurityEvent): void {
  const meetingId =
    reported.meetingId ??
    (reported.documentId !== undefined
      ? context.storage.metadata.resolveDocument(reported.documentId)?.meetingId
      : undefined) ??
    SERVER_WIDE;
  const event: AuditEvent = {
    meetingId,
    at: context.now().toISOString(),
    kind: reported.kind,
    detail: reported.detail,
  };
  if (reported.detailKey !== undefined) {
    event.detailKey = reported.detailKey;
    event.detailValues = reported.detailValues ?? {};
  }
  if (reported.participant !== undefined) {
    event.participant = reported.participant;
    const delegation = context.storage.metadata.participant(reported.participant)?.delegation;
    if (delegation) event.delegation = delegation;
  }
  context.storage.audit.record(event, reported.participant ?? `relay:${reported.kind}`);
}
