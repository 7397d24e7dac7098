import { authorId, type Principal } from '../auth/principal';
import type { AuditRecord, MetadataShape } from '../storage';

/**
 * Adds an audit event inside a metadata change (so the event and the change are written
 * together). `detail` is a sentence for the chair reading the log.
 */
export function audit(
  data: MetadataShape,
  at: Date,
  meetingId: string,
  kind: string,
  principal: Principal | null,
  detail: string,
): void {
  const event: AuditRecord = { meetingId, at: at.toISOString(), kind, detail };
  if (principal) {
    event.participant = authorId(principal);
    const delegation = principal.participant?.delegation;
    if (delegation) event.delegation = delegation;
  }
  data.audit.push(event);
}
