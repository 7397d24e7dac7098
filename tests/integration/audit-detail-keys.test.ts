import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AuditEvent } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let fixture: Fixture;

beforeEach(async () => {
  server = await startTestServer();
  fixture = await setUpMeeting(server.url, server.admin, {
    chair: { role: 'chair', name: 'María Pérez', delegation: 'Panama' },
    chile: { role: 'delegate', name: 'Ana Rojas', delegation: 'Chile' },
  });
});
afterEach(async () => {
  await server.stop();
});

it('[Y39] the audit log records its details as catalogue keys with values, beside the English sentence', async () => {
  const revoked = await api(
    server.url,
    'DELETE',
    `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
    { token: fixture.people.chair!.token },
  );
  expect(revoked.status).toBe(204);
  const answer = await api<AuditEvent[]>(
    server.url,
    'GET',
    `/api/meetings/${fixture.meeting.id}/audit`,
    { token: fixture.people.chair!.token },
  );
  expect(answer.status).toBe(200);
  const worded = (kind: string) =>
    answer.body
      .filter((event) => event.kind === kind)
      .map(({ detail, detailKey, detailValues }) => ({ detail, detailKey, detailValues }));
  expect(worded('meeting.created')).toEqual([
    {
      detail: 'Meeting "Ministerial Meeting on MSMEs" created.',
      detailKey: 'langaudit.audit.meetingCreated',
      detailValues: { title: 'Ministerial Meeting on MSMEs' },
    },
  ]);
  expect(worded('participant.added')).toContainEqual({
    detail: 'Ana Rojas (Chile) invited as delegate.',
    detailKey: 'langaudit.audit.participantAdded',
    detailValues: { who: 'Ana Rojas (Chile)', role: 'delegate' },
  });
  expect(worded('document.created')).toEqual([
    expect.objectContaining({
      detailKey: 'langaudit.audit.documentCreated',
      detailValues: { title: fixture.document.title },
    }),
  ]);
  expect(worded('participant.revoked')).toEqual([
    {
      detail: 'Ana Rojas (Chile): link revoked.',
      detailKey: 'langaudit.audit.linkRevoked',
      detailValues: { who: 'Ana Rojas (Chile)' },
    },
  ]);
});
