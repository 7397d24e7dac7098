import express, { Router } from 'express';
import type { AuditEvent } from '@accord/shared';
import { authorise, meetingFor } from '../../domain/access';
import type { DomainContext } from '../../domain/context';
import { createDocumentFromTemplate } from '../../domain/document-from-template';
import { importDocument } from '../../domain/document-import';
import { IMPORT_TYPES, MAX_IMPORT_CHARS } from '../../domain/import';
import { AccordError } from '../../domain/errors';
import { createMeeting, getMeeting, listMeetings } from '../../domain/meetings';
import {
  addParticipant,
  listParticipants,
  reissueToken,
  revokeParticipant,
} from '../../domain/participants';
import { principalOf } from '../principal';
import { NewDocumentBody, NewMeetingBody, NewParticipantBody } from '../schemas';
import { idParam, parseBody, queryString } from '../validate';

/** Meetings, their participants, their audit log, and creating their documents. */
export function meetingRoutes(context: DomainContext): Router {
  const router = Router();

  router.post('/', async (request, response) => {
    const principal = principalOf(request, response);
    const body = parseBody(request, NewMeetingBody);
    response.status(201).json(await createMeeting(context, principal, body));
  });

  router.get('/', (request, response) => {
    response.json(listMeetings(context, principalOf(request, response)));
  });

  router.get('/:meetingId', (request, response) => {
    const principal = principalOf(request, response);
    response.json(getMeeting(context, principal, idParam(request, 'meetingId')));
  });

  router.post('/:meetingId/participants', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    authorise(principal, 'manageParticipants');
    const body = parseBody(request, NewParticipantBody);
    response.status(201).json(await addParticipant(context, principal, meetingId, body));
  });

  router.get('/:meetingId/participants', (request, response) => {
    const principal = principalOf(request, response);
    response.json(listParticipants(context, principal, idParam(request, 'meetingId')));
  });

  router.delete('/:meetingId/participants/:participantId', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    await revokeParticipant(context, principal, meetingId, idParam(request, 'participantId'));
    response.status(204).end();
  });

  router.post('/:meetingId/participants/:participantId/token', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    response.json(
      await reissueToken(context, principal, meetingId, idParam(request, 'participantId')),
    );
  });

  router.get('/:meetingId/audit', (request, response) => {
    const principal = principalOf(request, response);
    authorise(principal, 'readAudit');
    const meeting = meetingFor(context, principal, idParam(request, 'meetingId'));
    const after = queryString(request, 'after');
    if (after !== undefined && Number.isNaN(Date.parse(after))) {
      throw new AccordError('invalid', 'invalid_time', 'after must be an ISO 8601 time.', 'after');
    }
    const since = after === undefined ? -Infinity : Date.parse(after);
    const events: AuditEvent[] = context.storage.metadata.data.audit
      .filter((e) => e.meetingId === meeting.id && Date.parse(e.at) > since)
      .map(({ meetingId: _meeting, ...event }) => event);
    response.json(events);
  });

  router.post('/:meetingId/documents', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    authorise(principal, 'createDocument');
    meetingFor(context, principal, meetingId);
    const body = parseBody(request, NewDocumentBody);
    response
      .status(201)
      .json(await createDocumentFromTemplate(context, principal, meetingId, body));
  });

  // The upload is the raw body: text, Markdown or a .docx, up to a few megabytes.
  router.post(
    '/:meetingId/documents/import',
    express.raw({ type: () => true, limit: MAX_IMPORT_CHARS * 4 }),
    async (request, response) => {
      const principal = principalOf(request, response);
      const meetingId = idParam(request, 'meetingId');
      authorise(principal, 'createDocument');
      meetingFor(context, principal, meetingId);
      const contentType = request.headers['content-type'] ?? '';
      const body: unknown = request.body;
      if (
        !Buffer.isBuffer(body) ||
        !IMPORT_TYPES.some((t) => contentType.toLowerCase().startsWith(t))
      ) {
        throw new AccordError(
          'unsupported_media_type',
          'unsupported_import_type',
          'Upload plain text, Markdown or a Word (.docx) file.',
        );
      }
      if (body.length === 0) {
        throw new AccordError('invalid', 'empty_import', 'The uploaded file is empty.', 'body');
      }
      const title = queryString(request, 'title');
      const upload = { contentType, body, ...(title ? { title } : {}) };
      response.status(201).json(await importDocument(context, principal, meetingId, upload));
    },
  );

  return router;
}
