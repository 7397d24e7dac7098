import { Router } from 'express';
import type { DomainContext } from '../../domain/context';
import { changeMeetingSettings } from '../../domain/meeting-settings';
import { principalOf } from '../principal';
import { MeetingSettingsBody } from '../schemas-settings';
import { idParam, parseBody } from '../validate';

/** `PATCH /api/meetings/:id` `{"paperSize"}`: how the meeting's documents print (chair). */
export function meetingSettingsRoutes(context: DomainContext): Router {
  const router = Router();
  router.patch('/:meetingId', async (request, response) => {
    const principal = principalOf(request, response);
    const settings = parseBody(request, MeetingSettingsBody);
    const meetingId = idParam(request, 'meetingId');
    response.json(await changeMeetingSettings(context, principal, meetingId, settings));
  });
  return router;
}
