import { Router } from 'express';
import { z } from 'zod';
import { LANGUAGES } from '@accord/shared';
import type { DomainContext } from '../../domain/context';
import {
  addNewParagraphs,
  alignTranslation,
  createTranslation,
  listTranslations,
  staleParagraphs,
} from '../../domain/translations';
import { principalOf } from '../principal';
import { idParam, parseBody } from '../validate';

const NewTranslationBody = z.object({ language: z.enum(LANGUAGES) });

/** Language versions of a document (PROTOCOL.md "Language versions"), under /api/documents. */
export function translationRoutes(context: DomainContext): Router {
  const router = Router();

  router.post('/:documentId/translations', async (request, response) => {
    const principal = principalOf(request, response);
    const { language } = parseBody(request, NewTranslationBody);
    response
      .status(201)
      .json(await createTranslation(context, principal, idParam(request, 'documentId'), language));
  });

  router.get('/:documentId/translations', (request, response) => {
    const principal = principalOf(request, response);
    response.json(listTranslations(context, principal, idParam(request, 'documentId')));
  });

  router.get('/:documentId/stale', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await staleParagraphs(context, principal, idParam(request, 'documentId')));
  });

  router.get('/:documentId/alignment', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await alignTranslation(context, principal, idParam(request, 'documentId')));
  });

  router.post('/:documentId/alignment/new-paragraphs', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await addNewParagraphs(context, principal, idParam(request, 'documentId')));
  });

  return router;
}
