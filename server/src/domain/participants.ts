import { randomId, type Invitation, type Participant, type ParticipantRole } from '@accord/shared';
import { hashToken, newToken } from '../auth/tokens';
import type { Principal } from '../auth/principal';
import type { ParticipantRecord } from '../storage';
import { authorise, meetingFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { notFound } from './errors';

export interface NewParticipant {
  name: string;
  role: ParticipantRole;
  delegation?: string | null;
}

export function presentParticipant(record: ParticipantRecord): Participant {
  return { id: record.id, name: record.name, role: record.role, delegation: record.delegation };
}

/** An invitation link: the app's home with the token, which the app keeps and strips. */
function link(context: DomainContext, token: string): string {
  return `${context.publicUrl()}/?token=${token}`;
}

function describe(record: ParticipantRecord): string {
  return record.delegation ? `${record.name} (${record.delegation})` : record.name;
}

export async function addParticipant(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  input: NewParticipant,
): Promise<Invitation> {
  authorise(principal, 'manageParticipants');
  const meeting = meetingFor(context, principal, meetingId);
  const token = newToken();
  const now = context.now();
  const record: ParticipantRecord = {
    id: `u${randomId(11)}`,
    meetingId: meeting.id,
    name: input.name,
    role: input.role,
    delegation: input.delegation ?? null,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    revokedAt: null,
  };
  await context.storage.metadata.change((data) => {
    data.participants.push(record);
    audit(
      data,
      now,
      meeting.id,
      'participant.added',
      principal,
      `${describe(record)} invited as ${record.role}.`,
    );
  });
  return { ...presentParticipant(record), token, link: link(context, token) };
}

export function listParticipants(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
): Participant[] {
  authorise(principal, 'manageParticipants');
  const meeting = meetingFor(context, principal, meetingId);
  return context.storage.metadata.data.participants
    .filter((p) => p.meetingId === meeting.id && p.revokedAt === null)
    .map(presentParticipant);
}

function activeParticipant(
  context: DomainContext,
  meetingId: string,
  participantId: string,
): ParticipantRecord {
  const record = context.storage.metadata.data.participants.find(
    (p) => p.id === participantId && p.meetingId === meetingId && p.revokedAt === null,
  );
  if (!record) throw notFound('This participant', 'participant_not_found');
  return record;
}

/**
 * Revokes a participant's link: the token stops working at once and open connections close.
 * The record stays (without a token) so that history still names who made each change.
 */
export async function revokeParticipant(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  participantId: string,
): Promise<void> {
  authorise(principal, 'manageParticipants');
  const meeting = meetingFor(context, principal, meetingId);
  const record = activeParticipant(context, meeting.id, participantId);
  const now = context.now();
  await context.storage.metadata.change((data) => {
    record.tokenHash = null;
    record.revokedAt = now.toISOString();
    audit(
      data,
      now,
      meeting.id,
      'participant.revoked',
      principal,
      `${describe(record)}: link revoked.`,
    );
  });
  context.rooms.closeParticipant(record.id);
}

/** A lost link re-issued: a new token, the old one stops working. */
export async function reissueToken(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  participantId: string,
): Promise<{ token: string; link: string }> {
  authorise(principal, 'manageParticipants');
  const meeting = meetingFor(context, principal, meetingId);
  const record = activeParticipant(context, meeting.id, participantId);
  const token = newToken();
  const now = context.now();
  await context.storage.metadata.change((data) => {
    record.tokenHash = hashToken(token);
    audit(
      data,
      now,
      meeting.id,
      'participant.token_reissued',
      principal,
      `${describe(record)}: new link issued.`,
    );
  });
  context.rooms.closeParticipant(record.id);
  return { token, link: link(context, token) };
}
