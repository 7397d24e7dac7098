/**
 * Something a secretariat should be able to see afterwards: a refused token, a limit reached,
 * a refused update or origin, storage that could not be written. The transport and the HTTP
 * layer only report these through an optional callback; the server wires it to the audit log,
 * so that neither layer depends on storage.
 */
export interface SecurityEvent {
  /** `auth_failed`, `limit_hit`, `update_refused`, `origin_refused`, `storage_unavailable`. */
  kind: string;
  documentId?: string;
  meetingId?: string;
  participant?: string;
  /** One sentence: what was refused and why (never a token). */
  detail: string;
}

export type SecurityEventSink = (event: SecurityEvent) => void;
