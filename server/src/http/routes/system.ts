import { Router } from 'express';
import type { Health, SessionInfo } from '@accord/shared';
import { newToken } from '../../auth/tokens';
import { saveAdminToken } from '../../auth/admin-token';
import { authorise } from '../../domain/access';
import type { DomainContext } from '../../domain/context';
import { presentParticipant } from '../../domain/participants';
import { principalOf } from '../principal';

/** Health, "who am I", and the secretariat's token. */
export function systemRoutes(context: DomainContext, version: string): Router {
  const router = Router();

  router.get('/health', (_request, response) => {
    const health: Health = {
      ok: true,
      version,
      rooms: context.rooms.roomCount,
      connections: context.rooms.connectionCount,
    };
    response.json(health);
  });

  router.get('/session', (request, response) => {
    const principal = principalOf(request, response);
    const session: SessionInfo = {
      role: principal.role,
      participant: principal.participant ? presentParticipant(principal.participant) : null,
      meetingId: principal.meetingId,
    };
    response.json(session);
  });

  router.post('/admin/token', async (request, response) => {
    const principal = principalOf(request, response);
    authorise(principal, 'rotateAdminToken');
    const token = newToken();
    await saveAdminToken(context.dataDir, token);
    context.authenticator.rotateAdminToken(token);
    context.logger.info('admin token rotated');
    response.json({ token });
  });

  return router;
}
