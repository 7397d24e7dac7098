/** The API calls the app makes, typed with the shapes in `@accord/shared/api`. */
import type {
  AuditEvent,
  DocumentInfo,
  Invitation,
  Meeting,
  MeetingDetail,
  Participant,
  SessionInfo,
  TemplateSummary,
} from '@accord/shared/api';
import type { PaperSize } from '@accord/shared/paper';
import type { ParticipantRole } from '@accord/shared/roles';
import { apiRequest } from './client';

export interface NewMeeting {
  title: string;
  sector?: string;
  venue?: string;
  startsOn?: string;
  endsOn?: string;
  timeZone?: string;
  /** The paper its documents print on; US Letter when absent. */
  paperSize?: PaperSize;
}

export interface NewParticipant {
  name: string;
  role: ParticipantRole;
  delegation?: string;
}

const enc = encodeURIComponent;

export const api = {
  session: () => apiRequest<SessionInfo>('/session'),
  meetings: () => apiRequest<Meeting[]>('/meetings'),
  createMeeting: (body: NewMeeting) => apiRequest<Meeting>('/meetings', { method: 'POST', body }),
  meeting: (id: string) => apiRequest<MeetingDetail>(`/meetings/${enc(id)}`),
  participants: (meetingId: string) =>
    apiRequest<Participant[]>(`/meetings/${enc(meetingId)}/participants`),
  addParticipant: (meetingId: string, body: NewParticipant) =>
    apiRequest<Invitation>(`/meetings/${enc(meetingId)}/participants`, { method: 'POST', body }),
  revokeParticipant: (meetingId: string, participantId: string) =>
    apiRequest<void>(`/meetings/${enc(meetingId)}/participants/${enc(participantId)}`, {
      method: 'DELETE',
    }),
  reissueLink: (meetingId: string, participantId: string) =>
    apiRequest<{ token: string; link: string }>(
      `/meetings/${enc(meetingId)}/participants/${enc(participantId)}/token`,
      { method: 'POST' },
    ),
  audit: (meetingId: string) => apiRequest<AuditEvent[]>(`/meetings/${enc(meetingId)}/audit`),
  templates: () => apiRequest<TemplateSummary[]>('/templates'),
  createDocument: (meetingId: string, body: { templateId: string; title?: string }) =>
    apiRequest<DocumentInfo>(`/meetings/${enc(meetingId)}/documents`, { method: 'POST', body }),
  document: (id: string) => apiRequest<DocumentInfo>(`/documents/${enc(id)}`),
  lockDocument: (id: string, lock: boolean) =>
    apiRequest<{ id: string; status: DocumentInfo['status'] }>(
      `/documents/${enc(id)}/${lock ? 'lock' : 'unlock'}`,
      { method: 'POST' },
    ),
};
