import type { AuditEvent as AuditView } from '@accord/shared';
import type { AuditKind } from '@accord/shared/audit-kinds';
import { authorId, type Principal } from '../auth/principal';
import { SERVER_WIDE, type AuditEvent } from '../storage';
import { authorise, meetingFor } from './access';
import type { DomainContext } from './context';

/**
 * A detail the reader's language can word: the English sentence, and the catalogue key and
 * values the client words it with (`langaudit.audit.*`), as version labels are.
 */
export interface AuditDetail {
  text: string;
  key: string;
  values: Record<string, string>;
}

/**
 * Records an audit event, after the change it describes is durable (a change that failed is
 * not in the log). `detail` is a sentence for the chair reading the log; `source` is whom the
 * rate limit counts against (defaults to the acting participant).
 */
export function audit(
  context: DomainContext,
  meetingId: string,
  kind: AuditKind,
  principal: Principal | null,
  detail: string | AuditDetail,
  source?: string,
): void {
  const at = context.now().toISOString();
  const event: AuditEvent =
    typeof detail === 'string'
      ? { meetingId, at, kind, detail }
      : {
          meetingId,
          at,
          kind,
          detail: detail.text,
          detailKey: detail.key,
          detailValues: detail.values,
        };
  if (principal) {
    event.participant = authorId(principal);
    const delegation = principal.participant?.delegation;
    if (delegation) event.delegation = delegation;
  }
  context.storage.audit.record(event, source ?? event.participant);
}

/** A meeting's audit log, for the roles that may read it, after a point in time if given. */
export async function readAudit(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  after?: Date,
): Promise<AuditView[]> {
  authorise(principal, 'readAudit');
  const meeting = meetingFor(context, principal, meetingId);
  const events = await context.storage.audit.list(meeting.id, after?.toISOString());
  return events.map(({ meetingId: _meeting, ...event }) => event);
}

/**
 * Events that belong to no meeting (secretariat token rotations, refused tokens that named no
 * meeting), for the secretariat only.
 */
export async function readServerAudit(
  context: DomainContext,
  principal: Principal,
  after?: Date,
): Promise<AuditView[]> {
  authorise(principal, 'rotateAdminToken');
  const events = await context.storage.audit.list(SERVER_WIDE, after?.toISOString());
  return events.map(({ meetingId: _meeting, ...event }) => event);
}
