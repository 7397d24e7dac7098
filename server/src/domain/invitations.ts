import type { Invitation } from '@accord/shared';
import type { Principal } from '../auth/principal';
import { hashToken, newToken } from '../auth/tokens';
import type { ParticipantRecord } from '../storage';
import { meetingFor } from './access';
import { audit } from './audit';
import type { DomainContext } from './context';
import { forbidden, invalid } from './errors';
import { describe, link, presentParticipant } from './participants';
import { save } from './save';

/**
 * The invitation sheet: new links for many participants at once, for the secretariat to print
 * as QR codes. Tokens are kept only as hashes, so a link cannot be shown twice: printing issues
 * a new link for each participant chosen and withdraws the old one (as "New link" does for one).
 * All or nothing: an unknown, revoked or repeated id changes no one's link.
 */
export async function issueInvitations(
  context: DomainContext,
  principal: Principal,
  meetingId: string,
  participantIds: readonly string[],
): Promise<Invitation[]> {
  // The sheet withdraws every chosen link at once: the secretariat's decision, not a chair's.
  if (principal.role !== 'admin') {
    throw forbidden('Only the secretariat prints invitation sheets.', 'role_not_allowed');
  }
  const meeting = meetingFor(context, principal, meetingId);
  const tokens = participantIds.map(() => newToken());
  // Read and write in one change, so a revocation meanwhile is never undone by a new link.
  const records = await save(context, (change) => {
    const seen = new Set<string>();
    const chosen = participantIds.map((id, index): ParticipantRecord => {
      const record = change.participant(id);
      if (!record || record.meetingId !== meeting.id || record.revokedAt !== null) {
        throw invalid(
          `participants.${index}`,
          'One of the chosen participants is not in this meeting or no longer has a link.',
          'participant_not_found',
        );
      }
      if (seen.has(id)) {
        throw invalid(
          `participants.${index}`,
          'A participant was chosen twice.',
          'duplicate_participant',
        );
      }
      seen.add(id);
      return { ...record, tokenHash: hashToken(tokens[index]!) };
    });
    for (const record of chosen) change.putParticipant(record);
    return chosen;
  });
  audit(context, meeting.id, 'participant.invitations_issued', principal, {
    text: `Invitation sheet: new links for ${records.map(describe).join(', ')}.`,
    key: 'langaudit.audit.invitationsIssued',
    values: { who: records.map(describe).join(', ') },
  });
  for (const record of records) context.rooms.closeParticipant(record.id);
  return records.map((record, index) => ({
    ...presentParticipant(record),
    token: tokens[index]!,
    link: link(context, tokens[index]!),
  }));
}
