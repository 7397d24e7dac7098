import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApiErrorBody,
  AuditEvent,
  Invitation,
  Meeting,
  MeetingDetail,
  Participant,
  SessionInfo,
} from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { startTestServer, type TestServer } from './support/server';

describe('HTTP API: meetings, participants, audit, session, admin token', () => {
  let server: TestServer;
  let fixture: Fixture;
  let other: Fixture;
  const call = <T = unknown>(
    method: string,
    path: string,
    options: Parameters<typeof api>[3] = {},
  ) => api<T>(server.url, method, path, options);
  const token = (who: string) => fixture.people[who]!.token;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Chair' },
      rapporteur: { role: 'rapporteur', delegation: 'Canada' },
      chile: { role: 'delegate', delegation: 'Chile' },
      observer: { role: 'observer' },
    });
    other = await setUpMeeting(server.url, server.admin, {
      mexico: { role: 'chair', delegation: 'Mexico' },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[H1] health answers anyone', async () => {
    const health = await call('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      ok: true,
      version: expect.any(String) as string,
      rooms: 0,
    });
  });

  it('[H2] the secretariat creates meetings; nobody else may; bad bodies are named', async () => {
    const created = await call<Meeting>('POST', '/api/meetings', {
      token: server.admin,
      json: {
        title: 'Labour ministers',
        sector: 'Labour',
        venue: 'Bridgetown',
        startsOn: '2026-12-01',
        endsOn: '2026-12-03',
        languages: ['en', 'es'],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Labour ministers',
      languages: ['en', 'es'],
      startsOn: '2026-12-01',
    });
    expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);

    expect((await call('POST', '/api/meetings', { json: { title: 'x' } })).status).toBe(401);
    expect(
      (await call('POST', '/api/meetings', { token: token('chair'), json: { title: 'x' } })).status,
    ).toBe(403);
    const missing = await call<ApiErrorBody>('POST', '/api/meetings', {
      token: server.admin,
      json: {},
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.field).toBe('title');
    const backwards = await call<ApiErrorBody>('POST', '/api/meetings', {
      token: server.admin,
      json: { title: 'x', startsOn: '2026-12-03', endsOn: '2026-12-01' },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.field).toBe('endsOn');
    const malformed = await call<ApiErrorBody>('POST', '/api/meetings', {
      token: server.admin,
      body: '{"title": ',
      type: 'application/json',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: 'malformed_json',
      message: expect.any(String) as string,
    });
    const wrongType = await call('POST', '/api/meetings', {
      token: server.admin,
      body: 'title=x',
      type: 'text/plain',
    });
    expect(wrongType.status).toBe(415);
    const huge = await call('POST', '/api/meetings', {
      token: server.admin,
      json: { title: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);
  });

  it('[H3] the secretariat lists all meetings, a participant only theirs', async () => {
    const all = await call<Meeting[]>('GET', '/api/meetings', { token: server.admin });
    expect(all.body.map((m) => m.id)).toEqual(
      expect.arrayContaining([fixture.meeting.id, other.meeting.id]),
    );
    const mine = await call<Meeting[]>('GET', '/api/meetings', { token: token('chile') });
    expect(mine.body.map((m) => m.id)).toEqual([fixture.meeting.id]);
    expect((await call('GET', '/api/meetings')).status).toBe(401);
  });

  it('[H4] a meeting shows its documents to its participants only', async () => {
    const detail = await call<MeetingDetail>('GET', `/api/meetings/${fixture.meeting.id}`, {
      token: token('observer'),
    });
    expect(detail.status).toBe(200);
    expect(detail.body.documents.map((d) => d.id)).toEqual([fixture.document.id]);
    expect(
      (await call('GET', `/api/meetings/${other.meeting.id}`, { token: token('chile') })).status,
    ).toBe(403);
    expect((await call('GET', '/api/meetings/mNope', { token: server.admin })).status).toBe(404);
    expect(
      (await call('GET', '/api/meetings/..%2F..%2Faccord.json', { token: server.admin })).status,
    ).toBe(404);
  });

  it('[H5] chairs and the secretariat invite participants; links carry a token shown once', async () => {
    const invited = await call<Invitation>(
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants`,
      {
        token: token('chair'),
        json: { name: 'Rosa Díaz', role: 'delegate', delegation: 'Peru' },
      },
    );
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ name: 'Rosa Díaz', role: 'delegate', delegation: 'Peru' });
    expect(invited.body.token.length).toBeGreaterThanOrEqual(43);
    expect(invited.body.link).toBe(`${server.url}/?token=${invited.body.token}`);
    const session = await call<SessionInfo>('GET', '/api/session', { token: invited.body.token });
    expect(session.body).toMatchObject({
      role: 'delegate',
      meetingId: fixture.meeting.id,
      participant: { name: 'Rosa Díaz' },
    });

    const list = await call<Participant[]>(
      'GET',
      `/api/meetings/${fixture.meeting.id}/participants`,
      { token: token('chair') },
    );
    expect(list.body.map((p) => p.name)).toContain('Rosa Díaz');
    expect(JSON.stringify(list.body)).not.toContain(invited.body.token);
    expect(list.body.every((p) => !('token' in p) && !('tokenHash' in p))).toBe(true);

    for (const who of ['chile', 'rapporteur', 'observer']) {
      expect(
        (
          await call('POST', `/api/meetings/${fixture.meeting.id}/participants`, {
            token: token(who),
            json: { name: 'x', role: 'delegate' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await call('GET', `/api/meetings/${fixture.meeting.id}/participants`, {
            token: token(who),
          })
        ).status,
      ).toBe(403);
    }
    expect(
      (
        await call('POST', `/api/meetings/${other.meeting.id}/participants`, {
          token: token('chair'),
          json: { name: 'x', role: 'delegate' },
        })
      ).status,
    ).toBe(403);
    const badRole = await call<ApiErrorBody>(
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants`,
      { token: token('chair'), json: { name: 'x', role: 'emperor' } },
    );
    expect(badRole.status).toBe(422);
    expect(badRole.body.error.field).toBe('role');
  });

  it('[H6] a revoked link stops at once; a re-issued link replaces the old one', async () => {
    const invited = await call<Invitation>(
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants`,
      {
        token: server.admin,
        json: { name: 'Temp', role: 'delegate', delegation: 'Haiti' },
      },
    );
    const reissued = await call<{ token: string; link: string }>(
      'POST',
      `/api/meetings/${fixture.meeting.id}/participants/${invited.body.id}/token`,
      { token: token('chair') },
    );
    expect(reissued.status).toBe(200);
    expect((await call('GET', '/api/session', { token: invited.body.token })).status).toBe(401);
    expect((await call('GET', '/api/session', { token: reissued.body.token })).status).toBe(200);

    const removed = await call(
      'DELETE',
      `/api/meetings/${fixture.meeting.id}/participants/${invited.body.id}`,
      { token: token('chair') },
    );
    expect(removed.status).toBe(204);
    const after = await call<ApiErrorBody>('GET', '/api/session', { token: reissued.body.token });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/link/);
    expect(
      (
        await call(
          'DELETE',
          `/api/meetings/${fixture.meeting.id}/participants/${invited.body.id}`,
          { token: token('chair') },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await call(
          'DELETE',
          `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
          { token: token('chile') },
        )
      ).status,
    ).toBe(403);
  });

  it('[H7] the audit log tells chairs what happened, filterable by time', async () => {
    const log = await call<AuditEvent[]>('GET', `/api/meetings/${fixture.meeting.id}/audit`, {
      token: token('chair'),
    });
    expect(log.status).toBe(200);
    expect(log.body.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['meeting.created', 'participant.added', 'document.created']),
    );
    const last = log.body.at(-1)!;
    const later = await call<AuditEvent[]>(
      'GET',
      `/api/meetings/${fixture.meeting.id}/audit?after=${encodeURIComponent(last.at)}`,
      { token: token('chair') },
    );
    expect(later.body).toEqual([]);
    expect(
      (await call('GET', `/api/meetings/${fixture.meeting.id}/audit`, { token: token('chile') }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('GET', `/api/meetings/${fixture.meeting.id}/audit?after=yesterday`, {
          token: token('chair'),
        })
      ).status,
    ).toBe(422);
  });

  it('[H8] rotating the admin token stops the old one', async () => {
    expect((await call('POST', '/api/admin/token', { token: token('chair') })).status).toBe(403);
    const rotated = await call<{ token: string }>('POST', '/api/admin/token', {
      token: server.admin,
    });
    expect(rotated.status).toBe(200);
    expect((await call('GET', '/api/meetings', { token: server.admin })).status).toBe(401);
    expect((await call('GET', '/api/meetings', { token: rotated.body.token })).status).toBe(200);
    server.admin = rotated.body.token;
  });

  it('[H9] unknown API routes answer JSON 404', async () => {
    const answer = await call<ApiErrorBody>('GET', '/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('route_not_found');
  });
});
