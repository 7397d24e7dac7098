import { Router } from 'express';
import { documentFor } from '../../domain/access';
import { readContent, readText } from '../../domain/content';
import type { DomainContext } from '../../domain/context';
import { exportDocument } from '../../domain/document-export';
import { documentSettingsRoutes } from './document-settings';
import { documentArchiveRoutes } from './document-archive';
import { presentDocument } from '../../domain/documents';
import { AccordError } from '../../domain/errors';
import { compareVersions } from '../../domain/history/comparison';
import { restoreVersion } from '../../domain/history/restore';
import { setDocumentStatus } from '../../domain/lock';
import { listVersions, nameVersion } from '../../domain/versions';
import { negotiationRoutes } from './negotiation';
import { principalOf } from '../principal';
import { commentRoutes } from './comments';
import { NewVersionBody } from '../schemas';
import { idParam, parseBody, queryString } from '../validate';
import { proposalRoutes } from './proposals';

/** One document: metadata, content, versions, lock. */
export function documentRoutes(context: DomainContext): Router {
  const router = Router();
  router.use(documentSettingsRoutes(context));
  router.use(documentArchiveRoutes(context));

  router.use(proposalRoutes(context));

  router.get('/:documentId', (request, response) => {
    const principal = principalOf(request, response);
    response.json(presentDocument(documentFor(context, principal, idParam(request, 'documentId'))));
  });

  router.get('/:documentId/content', async (request, response) => {
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    const format = queryString(request, 'format') ?? 'json';
    const version = queryString(request, 'version');
    if (format === 'json') {
      response.json(await readContent(context, document, version));
    } else if (format === 'text') {
      response.type('text/plain; charset=utf-8').send(await readText(context, document, version));
    } else {
      throw new AccordError('malformed', 'unknown_format', 'format must be "json" or "text".');
    }
  });

  router.get('/:documentId/versions', (request, response) => {
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    response.json(listVersions(context, document.id));
  });

  router.post('/:documentId/versions', async (request, response) => {
    const principal = principalOf(request, response);
    const documentId = idParam(request, 'documentId');
    const { label } = parseBody(request, NewVersionBody);
    response.status(201).json(await nameVersion(context, principal, documentId, label));
  });

  router.get('/:documentId/diff', async (request, response) => {
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    const from = queryString(request, 'from');
    const to = queryString(request, 'to') ?? 'current';
    if (!from) {
      throw new AccordError(
        'malformed',
        'missing_from',
        'Say which version to compare from (?from=<version id>).',
      );
    }
    response.json(await compareVersions(context, document, from, to));
  });

  router.post('/:documentId/versions/:versionId/restore', async (request, response) => {
    const principal = principalOf(request, response);
    const documentId = idParam(request, 'documentId');
    response
      .status(201)
      .json(await restoreVersion(context, principal, documentId, idParam(request, 'versionId')));
  });

  router.get('/:documentId/export', async (request, response) => {
    const principal = principalOf(request, response);
    const document = documentFor(context, principal, idParam(request, 'documentId'));
    const version = queryString(request, 'version');
    const compare = queryString(request, 'compare');
    const file = await exportDocument(context, document, {
      format: queryString(request, 'format'),
      ...(version ? { version } : {}),
      ...(compare ? { compare } : {}),
    });
    response.setHeader('Content-Type', file.contentType);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
    response.send(file.body);
  });

  router.post('/:documentId/lock', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(
      await setDocumentStatus(context, principal, idParam(request, 'documentId'), 'locked'),
    );
  });

  router.post('/:documentId/unlock', async (request, response) => {
    const principal = principalOf(request, response);
    response.json(
      await setDocumentStatus(context, principal, idParam(request, 'documentId'), 'drafting'),
    );
  });

  router.use(commentRoutes(context));
  router.use(negotiationRoutes(context));
  return router;
}
