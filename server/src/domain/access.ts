import { can, type Action } from '@accord/shared';
import { belongsTo, type Principal } from '../auth/principal';
import type { DocumentRecord, MeetingRecord } from '../storage';
import type { DomainContext } from './context';
import { forbidden, notFound } from './errors';

/** Throws unless the principal's role may do `action` (SPEC.md "Roles"). */
export function authorise(principal: Principal, action: Action): void {
  if (!can(principal.role, action)) {
    throw forbidden(`Your role (${principal.role}) may not do this.`, 'role_not_allowed');
  }
}

/** The meeting, if it exists and the principal takes part in it. */
export function meetingFor(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
): Readonly<MeetingRecord> {
  const meeting = context.storage.metadata.meeting(meetingId);
  if (!meeting) throw notFound('This meeting', 'meeting_not_found');
  if (!belongsTo(principal, meeting.id)) {
    throw forbidden('You are not a participant of this meeting.', 'other_meeting');
  }
  return meeting;
}

/** The document, if it exists and the principal takes part in its meeting. */
export function documentFor(
  context: DomainContext,
  principal: Principal,
  documentId: string,
): Readonly<DocumentRecord> {
  const document = context.storage.metadata.document(documentId);
  if (!document) throw notFound('This document', 'document_not_found');
  if (!belongsTo(principal, document.meetingId)) {
    throw forbidden('This document belongs to another meeting.', 'other_meeting');
  }
  return document;
}
