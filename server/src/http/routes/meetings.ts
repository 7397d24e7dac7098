import express, { Router } from 'express';
import { readAudit } from '../../domain/audit';
import type { DomainContext } from '../../domain/context';
import { createDocumentFromTemplate } from '../../domain/document-from-template';
import { importDocument } from '../../domain/document-import';
import { MAX_IMPORT_CHARS } from '../../domain/import';
import { createMeeting, getMeeting, listMeetings } from '../../domain/meetings';
import {
  addParticipant,
  listParticipants,
  reissueToken,
  revokeParticipant,
} from '../../domain/participants';
import { principalOf } from '../principal';
import { meetingSettingsRoutes } from './meeting-settings';
import { invitationRoutes } from './invitations';
import { NewDocumentBody, NewMeetingBody, NewParticipantBody } from '../schemas';
import { idParam, parseBody, queryString, timeQuery } from '../validate';

/** Meetings, their participants, their audit log, and creating their documents. */
export function meetingRoutes(context: DomainContext): Router {
  const router = Router();
  router.use(meetingSettingsRoutes(context));
  router.use(invitationRoutes(context));

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

  router.get('/:meetingId/audit', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
    response.json(await readAudit(context, principal, meetingId, timeQuery(request, 'after')));
  });

  router.post('/:meetingId/documents', async (request, response) => {
    const principal = principalOf(request, response);
    const meetingId = idParam(request, 'meetingId');
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
      const contentType = request.headers['content-type'] ?? '';
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const title = queryString(request, 'title');
      const upload = { contentType, body, ...(title ? { title } : {}) };
      response.status(201).json(await importDocument(context, principal, meetingId, upload));
    },
  );

  return router;
}
