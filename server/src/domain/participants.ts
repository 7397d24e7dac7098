import {
  randomId,
  type Invitation,
  type Participant,
  type ParticipantRole,
  type RevokedBy,
} from '@accord/shared';
import { hashToken, newToken } from '../auth/tokens';
import { authorId, type Principal } from '../auth/principal';
import type { ParticipantRecord } from '../storage';
import { authorise, meetingFor } from './access';
import { audit } from './audit';
import { save } from './save';
import type { DomainContext } from './context';
import { invalid, notFound } from './errors';

export interface NewParticipant {
  name: string;
  role: ParticipantRole;
  delegation?: string | null;
  /** When the invitation stops working; must be in the future. */
  expiresAt?: Date | null;
}

export function presentParticipant(record: Readonly<ParticipantRecord>): Participant {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    delegation: record.delegation,
    revokedAt: record.revokedAt,
    revokedBy: record.revokedBy ?? null,
  };
}

/** An invitation link: the app's home with the token, which the app keeps and strips. */
export function link(context: DomainContext, token: string): string {
  return `${context.publicUrl()}/?token=${token}`;
}

export function describe(record: Readonly<ParticipantRecord>): string {
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
  const now = context.now();
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw invalid('expiresAt', 'expiresAt must be in the future.', 'expiry_in_past');
  }
  const token = newToken();
  const record: ParticipantRecord = {
    id: `u${randomId(11)}`,
    meetingId: meeting.id,
    name: input.name,
    role: input.role,
    delegation: input.delegation ?? null,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    revokedAt: null,
    expiresAt: input.expiresAt ? input.expiresAt.toISOString() : null,
  };
  await save(context, (change) => change.putParticipant(record));
  audit(context, meeting.id, 'participant.added', principal, {
    text: `${describe(record)} invited as ${record.role}.`,
    key: 'langaudit.audit.participantAdded',
    values: { who: describe(record), role: record.role },
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
  // Revoked people stay listed, with when and by whom: the chair sees who no longer takes part.
  return context.storage.metadata.participantsOf(meeting.id).map(presentParticipant);
}

/** The acting principal as a revoked participant's record keeps it. */
function actor(principal: Principal): RevokedBy {
  return {
    participant: authorId(principal),
    name: principal.participant?.name ?? null,
    role: principal.role,
    delegation: principal.participant?.delegation ?? null,
  };
}

export function activeParticipant(
  context: DomainContext,
  meetingId: string,
  participantId: string,
): Readonly<ParticipantRecord> {
  const record = context.storage.metadata.participant(participantId);
  if (!record || record.meetingId !== meetingId || record.revokedAt !== null) {
    throw notFound('This participant', 'participant_not_found');
  }
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
  const revokedAt = context.now().toISOString();
  const revokedBy = actor(principal);
  await save(context, (change) =>
    change.putParticipant({ ...record, tokenHash: null, revokedAt, revokedBy }),
  );
  audit(context, meeting.id, 'participant.revoked', principal, {
    text: `${describe(record)}: link revoked.`,
    key: 'langaudit.audit.linkRevoked',
    values: { who: describe(record) },
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
  await save(context, (change) =>
    change.putParticipant({ ...record, tokenHash: hashToken(token) }),
  );
  audit(context, meeting.id, 'participant.token_reissued', principal, {
    text: `${describe(record)}: new link issued.`,
    key: 'langaudit.audit.linkReissued',
    values: { who: describe(record) },
  });
  context.rooms.closeParticipant(record.id);
  return { token, link: link(context, token) };
}
