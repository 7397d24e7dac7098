/**
 * Something the secretariat should know about: a refused token, a limit hit, a refused update,
 * a write that could not be stored. The transport and the room report these; the server
 * records them in the meeting's audit log.
 */
export interface SecurityEvent {
  kind: string;
  documentId?: string;
  meetingId?: string;
  participant?: string;
  detail: string;
}
