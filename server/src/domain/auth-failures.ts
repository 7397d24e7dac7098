import type { AuthFailure } from '../auth/authenticator';
import { audit, type AuditDetail } from './audit';
import type { DomainContext } from './context';

/** What a refused request was aiming at, when its path names it. */
export interface AuthTarget {
  meetingId?: string;
  documentId?: string;
}

/**
 * Records a request refused for its token (a token was given, but it is unknown, revoked or
 * expired) in the audit log of the meeting it aimed at, server-wide otherwise. Counted
 * against the caller's address, so a guessing flood is one summary line.
 */
export function recordAuthFailure(
  context: DomainContext,
  failure: AuthFailure,
  target: AuthTarget,
  address: string,
): void {
  const metadata = context.storage.metadata;
  const meetingId =
    failure.reason === 'expired'
      ? failure.meetingId
      : target.meetingId !== undefined && metadata.meeting(target.meetingId)
        ? target.meetingId
        : target.documentId !== undefined
          ? (metadata.resolveDocument(target.documentId)?.meetingId ?? '')
          : '';
  const detail: AuditDetail =
    failure.reason === 'expired'
      ? {
          text: `Expired invitation of participant ${failure.participantId} refused (from ${address}).`,
          key: 'langaudit.audit.expiredLinkRefused',
          values: { participant: failure.participantId, address },
        }
      : {
          text: `Unknown or revoked token refused (from ${address}).`,
          key: 'langaudit.audit.unknownLinkRefused',
          values: { address },
        };
  audit(context, meetingId, 'auth_failed', null, detail, address);
}
