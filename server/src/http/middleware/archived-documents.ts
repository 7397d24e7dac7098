import { Router } from 'express';
import { belongsTo, type Principal } from '../../auth/principal';
import type { DomainContext } from '../../domain/context';
import { refuseIfArchived } from '../../domain/document-archive';

/** Requests that change nothing. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The only changes an archived document takes: being archived again, or brought back. */
const ARCHIVE_SWITCHES = new Set(['/archive', '/unarchive']);

/**
 * Under `/api/documents`: every request that would change an archived document is answered
 * `409 document_archived` before any route sees it, so a route added later is covered too
 * (the relay refuses its edits through `isLocked`). A request the route itself would refuse
 * (no token, another meeting's document, an unknown id) is left to the route, so archiving
 * changes no other answer.
 */
export function archivedDocumentGuard(context: DomainContext): Router {
  const router = Router();
  router.use('/:documentId', (request, response, next) => {
    const rest = request.path.replace(/\/+$/, '');
    if (READS.has(request.method) || ARCHIVE_SWITCHES.has(rest)) {
      next();
      return;
    }
    const principal = response.locals.principal as Principal | null | undefined;
    const id = request.params.documentId;
    const document = id === undefined ? null : context.storage.metadata.document(id);
    if (principal && document && belongsTo(principal, document.meetingId)) {
      refuseIfArchived(document);
    }
    next();
  });
  return router;
}
