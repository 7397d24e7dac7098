import type { Role } from '@accord/shared';
import type { ParticipantRecord } from '../storage';

/** Who is acting: the secretariat (admin), or a participant of one meeting. */
export type Principal =
  | { role: 'admin'; participant: null; meetingId: null }
  | { role: Exclude<Role, 'admin'>; participant: Readonly<ParticipantRecord>; meetingId: string };

export const ADMIN_AUTHOR = 'admin';
export const SYSTEM_AUTHOR = 'system';

/** The id under which a principal's changes are attributed in the update log. */
export function authorId(principal: Principal): string {
  return principal.participant ? principal.participant.id : ADMIN_AUTHOR;
}

/** Whether the principal may act in the given meeting. */
export function belongsTo(principal: Principal, meetingId: string): boolean {
  return principal.role === 'admin' || principal.meetingId === meetingId;
}
