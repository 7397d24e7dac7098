import { Router } from 'express';
import type { DomainContext } from '../../domain/context';
import { setDocumentArchived } from '../../domain/document-archive';
import { principalOf } from '../principal';
import { idParam } from '../validate';

/** `POST /api/documents/:id/archive` and `/unarchive` (secretariat, chair) → `200` the document. */
export function documentArchiveRoutes(context: DomainContext): Router {
  const router = Router();
  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    router.post(`/:documentId/${path}`, async (request, response) => {
      const principal = principalOf(request, response);
      const documentId = idParam(request, 'documentId');
      response.json(await setDocumentArchived(context, principal, documentId, archived));
    });
  }
  return router;
}
