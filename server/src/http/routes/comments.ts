import { Router } from 'express';
import { z } from 'zod';
import { isId, MAX_COMMENT_QUOTE, MAX_COMMENT_TEXT } from '@accord/shared';
import type { DomainContext } from '../../domain/context';
import { addComment, addReply, listComments, setCommentResolved } from '../../domain/comments';
import { principalOf } from '../principal';
import { idParam, parseBody } from '../validate';

const commentText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_COMMENT_TEXT, `at most ${MAX_COMMENT_TEXT} characters`);

const NewCommentBody = z.object({
  paragraphId: z.string().refine(isId, 'must be a paragraph id'),
  quote: z.string().max(MAX_COMMENT_QUOTE, `at most ${MAX_COMMENT_QUOTE} characters`).optional(),
  text: commentText,
});

const NewReplyBody = z.object({ text: commentText });

/** A document's comment threads: `/api/documents/:documentId/comments…` (README, "Comment threads"). */
export function commentRoutes(context: DomainContext): Router {
  const router = Router();

  router.get('/:documentId/comments', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(await listComments(context, principal, idParam(request, 'documentId')));
  });

  router.post('/:documentId/comments', async (request, response) => {
    const principal = principalOf(request, response);
    const documentId = idParam(request, 'documentId');
    const body = parseBody(request, NewCommentBody);
    response.status(201).json(await addComment(context, principal, documentId, body));
  });

  router.post('/:documentId/comments/:commentId/replies', async (request, response) => {
    const principal = principalOf(request, response);
    const documentId = idParam(request, 'documentId');
    const commentId = idParam(request, 'commentId');
    const { text } = parseBody(request, NewReplyBody);
    response.status(201).json(await addReply(context, principal, documentId, commentId, text));
  });

  for (const [action, resolved] of [
    ['resolve', true],
    ['reopen', false],
  ] as const) {
    router.post(`/:documentId/comments/:commentId/${action}`, async (request, response) => {
      const principal = principalOf(request, response);
      const documentId = idParam(request, 'documentId');
      const commentId = idParam(request, 'commentId');
      response.json(await setCommentResolved(context, principal, documentId, commentId, resolved));
    });
  }

  return router;
}
