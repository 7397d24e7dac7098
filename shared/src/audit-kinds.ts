/**
 * Every kind of event the server writes to a meeting's audit log. The server's `audit()` takes
 * only these, so a new kind is added here first, and the audit panel must then name it in every
 * language (a test checks the catalogues against this list).
 */

/** Refusals and failures the relay and the HTTP layer report (see server `SecurityEvent`). */
export const SECURITY_KINDS = [
  'auth_failed',
  'limit_hit',
  'update_refused',
  'origin_refused',
  'storage_unavailable',
] as const;

export type SecurityKind = (typeof SECURITY_KINDS)[number];

export const AUDIT_KINDS = [
  ...SECURITY_KINDS,
  /** One line standing for a flood of events the log's rate limit held back. */
  'audit.suppressed',
  'admin.token_rotated',
  'meeting.created',
  'meeting.settings',
  'document.created',
  'document.settings',
  'document.mode',
  'document.paragraphMode',
  'document.locked',
  'document.unlocked',
  'document.archived',
  'document.unarchived',
  'participant.added',
  'participant.revoked',
  'participant.token_reissued',
  'participant.invitations_issued',
  'version.named',
  'version.auto',
  'version.restore',
  'version.lock',
  'proposal.accepted',
  'proposal.rejected',
  'proposal.withdrawn',
  'proposal.undone',
] as const;

export type AuditKind = (typeof AUDIT_KINDS)[number];

export function isAuditKind(kind: string): kind is AuditKind {
  return (AUDIT_KINDS as readonly string[]).includes(kind);
}
