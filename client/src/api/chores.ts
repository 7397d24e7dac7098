/** The secretariat's chores over the API: invitation sheets, renaming and archiving documents. */
import type { DocumentInfo, Invitation } from '@accord/shared/api';
import { apiRequest } from './client';

const enc = encodeURIComponent;

/** New links for the chosen participants (their old ones stop working), in the order asked. */
export const issueInvitations = (meetingId: string, participants: string[]) =>
  apiRequest<Invitation[]>(`/meetings/${enc(meetingId)}/invitations`, {
    method: 'POST',
    body: { participants },
  });

export const renameDocument = (documentId: string, title: string) =>
  apiRequest<DocumentInfo>(`/documents/${enc(documentId)}`, { method: 'PATCH', body: { title } });

export const setArchived = (documentId: string, archived: boolean) =>
  apiRequest<DocumentInfo>(`/documents/${enc(documentId)}/${archived ? 'archive' : 'unarchive'}`, {
    method: 'POST',
  });
