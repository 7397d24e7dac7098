import { DEFAULT_TIME_ZONE } from '@accord/shared/time-zone';
import {
  assignDelegationColors,
  randomId,
  type Language,
  type Meeting,
  type MeetingDetail,
} from '@accord/shared';
import { DEFAULT_PAPER_SIZE, type PaperSize } from '@accord/shared/paper';
import type { Principal } from '../auth/principal';
import type { MeetingRecord, MetadataReader } from '../storage';
import { authorise, meetingFor } from './access';
import { audit } from './audit';
import { save } from './save';
import type { DomainContext } from './context';
import { presentDocument } from './documents';

export interface NewMeeting {
  title: string;
  sector?: string | null;
  venue?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  languages?: Language[];
  paperSize?: PaperSize;

  timeZone?: string;
}

export function presentMeeting(record: Readonly<MeetingRecord>): Meeting {
  return {
    id: record.id,
    title: record.title,
    sector: record.sector,
    venue: record.venue,
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    languages: record.languages,
    paperSize: record.paperSize ?? DEFAULT_PAPER_SIZE,

    timeZone: record.timeZone ?? DEFAULT_TIME_ZONE,
    createdAt: record.createdAt,
  };
}

export async function createMeeting(
  context: DomainContext,
  principal: Principal,
  input: NewMeeting,
): Promise<Meeting> {
  authorise(principal, 'createMeeting');
  const now = context.now();
  const record: MeetingRecord = {
    id: `m${randomId(11)}`,
    title: input.title,
    sector: input.sector ?? null,
    venue: input.venue ?? null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    languages: input.languages ?? ['en'],
    paperSize: input.paperSize ?? DEFAULT_PAPER_SIZE,

    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
    createdAt: now.toISOString(),
  };
  await save(context, (change) => change.putMeeting(record));
  audit(context, record.id, 'meeting.created', principal, {
    text: `Meeting "${record.title}" created.`,
    key: 'langaudit.audit.meetingCreated',
    values: { title: record.title },
  });
  return presentMeeting(record);
}

/** The secretariat sees every meeting; a participant sees theirs. */
export function listMeetings(context: DomainContext, principal: Principal): Meeting[] {
  const metadata = context.storage.metadata;
  if (principal.role === 'admin') return metadata.meetings().map(presentMeeting);
  const own = metadata.meeting(principal.meetingId);
  return own ? [presentMeeting(own)] : [];
}

export function getMeeting(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
): MeetingDetail {
  const meeting = meetingFor(context, principal, meetingId);
  const documents = context.storage.metadata.documentsOf(meeting.id).map(presentDocument);
  const colors = meetingColours(context.storage.metadata, meeting.id);
  return { ...presentMeeting(meeting), documents, colors };
}

/**
 * The meeting's delegation colours, by delegation key: slots in the order delegations were
 * first invited (revoked invitations included, their edits are still theirs), so no two share
 * a colour and a new invitation moves no one's. People without a delegation count by name.
 */
export function meetingColours(
  metadata: MetadataReader,
  meetingId: string,
): Record<string, string> {
  return assignDelegationColors(
    metadata.participantsOf(meetingId).map((person) => person.delegation ?? person.name),
  );
}
