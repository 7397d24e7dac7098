import { Router } from 'express';
import type { DomainContext } from '../../domain/context';
import { changeDocumentSettings } from '../../domain/document-settings';
import { principalOf } from '../principal';
import { DocumentSettingsBody } from '../schemas-settings';
import { idParam, parseBody } from '../validate';

/** `PATCH /api/documents/:id`: the title, symbol and original language (chair, rapporteur). */
export function documentSettingsRoutes(context: DomainContext): Router {
  const router = Router();
  router.patch('/:documentId', async (request, response) => {
    const principal = principalOf(request, response);
    const settings = parseBody(request, DocumentSettingsBody);
    const documentId = idParam(request, 'documentId');
    response.json(await changeDocumentSettings(context, principal, documentId, settings));
  });
  return router;
}
