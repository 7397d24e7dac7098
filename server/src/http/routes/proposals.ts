import { Router } from 'express';
import { z } from 'zod';
import { documentFor } from '../../domain/access';
import type { DomainContext } from '../../domain/context';
import {
  decideProposal,
  decideProposals,
  listProposals,
  setDraftingMode,
  type Decision,
} from '../../domain/proposals';
import { exportCompilation } from '../../domain/proposals-export';
import { listParagraphModes, setParagraphMode } from '../../domain/proposals-paragraph-modes';
import { listDecisions, undoDecision } from '../../domain/proposals-undo';
import { principalOf } from '../principal';
import { idParam, parseBody, queryString } from '../validate';

const ModeBody = z.object({ mode: z.enum(['open', 'proposals', 'penholder']) });

/** A paragraph's own mode, or null to follow the document's again. */
const ParagraphModeBody = z.object({ mode: z.enum(['open', 'proposals', 'penholder']).nullable() });

/** Decides every proposal of one delegation, or in one paragraph (at least one is named). */
const BulkDecisionBody = z
  .object({
    delegation: z.string().trim().min(1).max(120).optional(),
    paragraphId: z.string().trim().min(1).max(64).optional(),
  })
  .refine((body) => body.delegation !== undefined || body.paragraphId !== undefined, {
    message: 'name a delegation or a paragraphId',
    path: ['delegation'],
  });

/**
 * Drafting modes and proposals (issue #17): the mode, the open proposals, the chair's decisions,
 * and the compilation export (answered here before the document's own export route).
 */
export function proposalRoutes(context: DomainContext): Router {
  const router = Router();

  router.put('/:documentId/mode', async (request, response) => {
    const principal = principalOf(request, response);
    const { mode } = parseBody(request, ModeBody);
    response.json(await setDraftingMode(context, principal, idParam(request, 'documentId'), mode));
  });

  router.get('/:documentId/paragraph-modes', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await listParagraphModes(context, principal, idParam(request, 'documentId')));
  });

  router.put('/:documentId/paragraphs/:paragraphId/mode', async (request, response) => {
    const principal = principalOf(request, response);
    const { mode } = parseBody(request, ParagraphModeBody);
    response.json(
      await setParagraphMode(
        context,
        principal,
        idParam(request, 'documentId'),
        idParam(request, 'paragraphId'),
        mode,
      ),
    );
  });

  router.get('/:documentId/proposals', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await listProposals(context, principal, idParam(request, 'documentId')));
  });

  router.get('/:documentId/proposals/decisions', (request, response) => {
    const principal = principalOf(request, response);
    response.json(listDecisions(context, principal, idParam(request, 'documentId')));
  });

  router.post('/:documentId/proposals/decisions/:decisionId/undo', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(
      await undoDecision(
        context,
        principal,
        idParam(request, 'documentId'),
        idParam(request, 'decisionId'),
      ),
    );
  });

  for (const decision of ['accept', 'reject'] as const satisfies readonly Decision[]) {
    router.post(`/:documentId/proposals/${decision}`, async (request, response) => {
      const principal = principalOf(request, response);
      const filter = parseBody(request, BulkDecisionBody);
      const decided = await decideProposals(
        context,
        principal,
        idParam(request, 'documentId'),
        filter,
        decision,
      );
      response.json(decided);
    });

    router.post(`/:documentId/proposals/:proposalId/${decision}`, async (request, response) => {
      const principal = principalOf(request, response);
      response.json(
        await decideProposal(
          context,
          principal,
          idParam(request, 'documentId'),
          idParam(request, 'proposalId'),
          decision,
        ),
      );
    });
  }

  router.get('/:documentId/export', async (request, response, next) => {
    if (queryString(request, 'compilation') === undefined) {
      next();
      return;
    }
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    const file = await exportCompilation(
      context,
      document,
      queryString(request, 'format'),
      queryString(request, 'form'),
    );
    response.setHeader('Content-Type', file.contentType);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    response.send(file.body);
  });

  return router;
}
