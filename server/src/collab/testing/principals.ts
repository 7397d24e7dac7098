import { delegationColor, type AwarenessUser, type ParticipantRole } from '@accord/shared';
import { authorId, type Principal } from '../../auth/principal';

export const TEST_MEETING = 'meeting-test';

/** A participant of the test meeting, as the authenticator would resolve their token. */
export function participant(
  id: string,
  role: ParticipantRole = 'delegate',
  delegation: string | null = id,
): Principal {
  return {
    role,
    meetingId: TEST_MEETING,
    participant: {
      id,
      meetingId: TEST_MEETING,
      name: `Name of ${id}`,
      role,
      delegation,
      tokenHash: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      revokedAt: null,
      expiresAt: null,
    },
  };
}

export const secretariat: Principal = { role: 'admin', participant: null, meetingId: null };

/** The `user` the server shows for a principal (as the WebSocket transport builds it). */
export function awarenessUserOf(principal: Principal): AwarenessUser {
  const name = principal.participant?.name ?? 'Secretariat';
  const delegation = principal.participant?.delegation ?? null;
  return {
    participant: authorId(principal),
    name,
    delegation,
    role: principal.role,
    color: delegationColor(delegation ?? name),
  };
}
