import { Router } from 'express';
import type { Health, SessionInfo } from '@accord/shared';
import { rotateAdminToken } from '../../domain/admin';
import { readServerAudit } from '../../domain/audit';
import type { DomainContext } from '../../domain/context';
import { presentParticipant } from '../../domain/participants';
import { principalOf } from '../principal';
import { timeQuery } from '../validate';

/** Health, "who am I", and the secretariat's token. */
export function systemRoutes(context: DomainContext, version: string): Router {
  const router = Router();

  router.get('/health', (_request, response) => {
    const health: Health = {
      ok: true,
      version,
      rooms: context.rooms.roomCount,
      connections: context.rooms.connectionCount,
      mode: context.deployment?.mode ?? 'embedded',
      node: context.deployment?.node ?? 'local',
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
    response.json(await rotateAdminToken(context, principalOf(request, response)));
  });

  router.get('/admin/audit', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await readServerAudit(context, principal, timeQuery(request, 'after')));
  });

  return router;
}
