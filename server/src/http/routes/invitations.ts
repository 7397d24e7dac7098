import { Router } from 'express';
import { z } from 'zod';
import { isId } from '@accord/shared';
import type { DomainContext } from '../../domain/context';
import { issueInvitations } from '../../domain/invitations';
import { principalOf } from '../principal';
import { idParam, parseBody } from '../validate';

/** How many links one sheet may issue: more than any OAS meeting has participants. */
export const MAX_SHEET_INVITATIONS = 500;

const InvitationsBody = z
  .object({
    participants: z
      .array(z.string().refine(isId, 'must be a participant id'))
      .min(1, 'choose at least one participant')
      .max(MAX_SHEET_INVITATIONS, `at most ${MAX_SHEET_INVITATIONS} participants`),
  })
  .strict();

/**
 * `POST /api/meetings/:id/invitations` (secretariat) `{"participants": [id…]}` → `200` the new
 * invitations, in the order asked: the printable sheet of QR codes.
 */
export function invitationRoutes(context: DomainContext): Router {
  const router = Router();
  router.post('/:meetingId/invitations', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    const body = parseBody(request, InvitationsBody);
    response.json(await issueInvitations(context, principal, meetingId, body.participants));
  });
  return router;
}
