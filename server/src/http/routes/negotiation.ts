import { Router } from 'express';
import type { DomainContext } from '../../domain/context';
import { documentFor } from '../../domain/access';
import { negotiationHistory } from '../../domain/history/negotiation-history';
import { principalOf } from '../principal';
import { idParam } from '../validate';

/**
 * `GET /api/documents/:documentId/negotiation` (participants): every bracket placed, joined,
 * left or removed and every status change since the document began, for the version timeline
 * (README, "Negotiation in the history").
 */
export function negotiationRoutes(context: DomainContext): Router {
  const router = Router();
  router.get('/:documentId/negotiation', async (request, response) => {
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    response.json(await negotiationHistory(context, document));
  });
  return router;
}
