import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  RefusalReason,
  type ApiErrorBody,
  type AuditEvent,
  type DocumentInfo,
  type Invitation,
  type MeetingDetail,
  type Participant,
} from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative } from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

/** The update a raw client's doc makes when `change` runs on it. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe("the secretariat's chores: revoked participants, invitation sheets, archived documents", () => {
  let server: TestServer;
  let fixture: Fixture;
  let other: Fixture;
  const call = <T = unknown>(
    method: string,
    path: string,
    options: Parameters<typeof api>[3] = {},
  ) => api<T>(server.url, method, path, options);
  const token = (who: string) => fixture.people[who]!.token;
  const meetingPath = () => `/api/meetings/${fixture.meeting.id}`;
  const participants = async () =>
    (await call<Participant[]>('GET', `${meetingPath()}/participants`, { token: server.admin }))
      .body;
  const auditKinds = async () =>
    (await call<AuditEvent[]>('GET', `${meetingPath()}/audit`, { token: server.admin })).body.map(
      (event) => event.kind,
    );

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Ana Chair' },
      rapporteur: { role: 'rapporteur', delegation: 'Canada' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
      haiti: { role: 'delegate', delegation: 'Haiti' },
      observer: { role: 'observer', delegation: 'Spain' },
    });
    other = await setUpMeeting(server.url, server.admin, {
      mexico: { role: 'delegate', delegation: 'Mexico' },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[MD40] a revoked participant stays listed, with when and by whom, and the link stops at once', async () => {
    const invited = await call<Invitation>('POST', `${meetingPath()}/participants`, {
      token: server.admin,
      json: { name: 'Temp Delegate', role: 'delegate', delegation: 'Jamaica' },
    });
    const fresh = (await participants()).find((p) => p.id === invited.body.id);
    expect(fresh).toMatchObject({ revokedAt: null, revokedBy: null });

    const removed = await call('DELETE', `${meetingPath()}/participants/${invited.body.id}`, {
      token: token('chair'),
    });
    expect(removed.status).toBe(204);
    expect((await call('GET', '/api/session', { token: invited.body.token })).status).toBe(401);

    const listed = (await participants()).find((p) => p.id === invited.body.id);
    expect(listed).toMatchObject({
      name: 'Temp Delegate',
      delegation: 'Jamaica',
      revokedBy: {
        participant: fixture.people.chair!.id,
        name: 'Ana Chair',
        role: 'chair',
        delegation: 'Belize',
      },
    });
    expect(Date.parse(listed!.revokedAt!)).not.toBeNaN();
    // The chair sees the same list; working participants read as not revoked.
    const asChair = await call<Participant[]>('GET', `${meetingPath()}/participants`, {
      token: token('chair'),
    });
    expect(asChair.body.find((p) => p.id === fixture.people.chile!.id)?.revokedAt).toBeNull();
    expect(asChair.body.find((p) => p.id === invited.body.id)?.revokedBy?.name).toBe('Ana Chair');
  });

  it('[MD41] the secretariat revoking is named as the secretariat; a revoked link cannot be re-issued or revoked again', async () => {
    const invited = await call<Invitation>('POST', `${meetingPath()}/participants`, {
      token: server.admin,
      json: { name: 'Second Temp', role: 'observer' },
    });
    await call('DELETE', `${meetingPath()}/participants/${invited.body.id}`, {
      token: server.admin,
    });
    const listed = (await participants()).find((p) => p.id === invited.body.id);
    expect(listed?.revokedBy).toEqual({
      participant: 'admin',
      name: null,
      role: 'admin',
      delegation: null,
    });
    for (const method of ['DELETE', 'POST'] as const) {
      const path = `${meetingPath()}/participants/${invited.body.id}${method === 'POST' ? '/token' : ''}`;
      const again = await call<ApiErrorBody>(method, path, { token: server.admin });
      expect(again.status).toBe(404);
      expect(again.body.error.code).toBe('participant_not_found');
    }
    expect((await participants()).find((p) => p.id === invited.body.id)).toEqual(listed);
  });

  it('[MD42] one call issues new links for the chosen participants, withdraws their old ones, and is audited', async () => {
    const chosen = ['chile', 'peru'].map((who) => fixture.people[who]!);
    const sheet = await call<Invitation[]>('POST', `${meetingPath()}/invitations`, {
      token: server.admin,
      json: { participants: chosen.map((p) => p.id) },
    });
    expect(sheet.status).toBe(200);
    expect(sheet.body.map((p) => [p.id, p.name, p.delegation, p.role])).toEqual(
      chosen.map((p) => [p.id, p.name, p.delegation, p.role]),
    );
    for (const [index, invitation] of sheet.body.entries()) {
      expect(invitation.link).toBe(`${server.url}/?token=${invitation.token}`);
      const session = await call<{ participant: Participant }>('GET', '/api/session', {
        token: invitation.token,
      });
      expect(session.status).toBe(200);
      expect(session.body.participant.id).toBe(chosen[index]!.id);
      // The old link is withdrawn.
      expect((await call('GET', '/api/session', { token: chosen[index]!.token })).status).toBe(401);
      fixture.people[index === 0 ? 'chile' : 'peru'] = { ...chosen[index]!, ...invitation };
    }
    // Those not chosen keep theirs.
    expect((await call('GET', '/api/session', { token: token('haiti') })).status).toBe(200);
    expect(await auditKinds()).toContain('participant.invitations_issued');
  });

  it("[MD43] the invitation sheet is the secretariat's alone; a bad list is named and changes no one's link", async () => {
    const haiti = fixture.people.haiti!;
    const before = await auditKinds();
    const refusals: [string, unknown, number, string | undefined][] = [
      [token('chair'), { participants: [haiti.id] }, 403, undefined],
      [token('chile'), { participants: [haiti.id] }, 403, undefined],
      [server.admin, { participants: [] }, 422, 'participants'],
      [server.admin, { participants: [haiti.id, haiti.id] }, 422, 'participants.1'],
      [server.admin, { participants: [haiti.id, 'u-nobody'] }, 422, 'participants.1'],
      [server.admin, { participants: [other.people.mexico!.id] }, 422, 'participants.0'],
      [server.admin, { participants: ['../etc'] }, 422, 'participants.0'],
      [server.admin, { participants: haiti.id }, 422, 'participants'],
      [server.admin, { participants: [haiti.id], extra: 1 }, 422, undefined],
    ];
    for (const [who, json, status, field] of refusals) {
      const answer = await call<ApiErrorBody>('POST', `${meetingPath()}/invitations`, {
        token: who,
        json,
      });
      expect(answer.status, JSON.stringify(json)).toBe(status);
      expect(answer.body.error.message).toEqual(expect.any(String));
      if (field) expect(answer.body.error.field).toBe(field);
    }
    // A revoked participant cannot be put on a sheet.
    const revoked = (await participants()).find((p) => p.revokedAt);
    const onRevoked = await call<ApiErrorBody>('POST', `${meetingPath()}/invitations`, {
      token: server.admin,
      json: { participants: [haiti.id, revoked!.id] },
    });
    expect(onRevoked.status).toBe(422);
    expect(onRevoked.body.error.code).toBe('participant_not_found');
    expect(
      (
        await call('POST', `/api/meetings/unknown-meeting/invitations`, {
          token: server.admin,
          json: { participants: [haiti.id] },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('POST', `${meetingPath()}/invitations`, { json: { participants: [haiti.id] } }))
        .status,
    ).toBe(401);
    // Nothing changed: Haiti's link still works, and no sheet was recorded.
    expect((await call('GET', '/api/session', { token: haiti.token })).status).toBe(200);
    expect(await auditKinds()).toEqual(before);
  });

  it('[MD44] the chair and the secretariat archive and unarchive a document; others may not; audited', async () => {
    const created = await call<DocumentInfo>('POST', `${meetingPath()}/documents`, {
      token: token('chair'),
      json: { templateId: 'blank-oas-resolution', title: 'Draft to archive' },
    });
    const id = created.body.id;
    expect(created.body.archived).toBe(false);
    for (const who of ['rapporteur', 'chile', 'observer']) {
      const refused = await call<ApiErrorBody>('POST', `/api/documents/${id}/archive`, {
        token: token(who),
      });
      expect(refused.status).toBe(403);
    }
    const foreign = await call('POST', `/api/documents/${id}/archive`, {
      token: other.people.mexico!.token,
    });
    expect(foreign.status).toBe(403);
    expect(
      (await call('POST', '/api/documents/no-such-doc/archive', { token: server.admin })).status,
    ).toBe(404);
    expect(
      (await call<DocumentInfo>('GET', `/api/documents/${id}`, { token: token('chile') })).body
        .archived,
    ).toBe(false);

    const archived = await call<DocumentInfo>('POST', `/api/documents/${id}/archive`, {
      token: token('chair'),
    });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id, archived: true, status: 'drafting' });
    const meeting = await call<MeetingDetail>('GET', meetingPath(), { token: token('chile') });
    expect(meeting.body.documents.find((d) => d.id === id)?.archived).toBe(true);

    const back = await call<DocumentInfo>('POST', `/api/documents/${id}/unarchive`, {
      token: server.admin,
    });
    expect(back.body.archived).toBe(false);
    const kinds = await auditKinds();
    expect(kinds).toContain('document.archived');
    expect(kinds).toContain('document.unarchived');
  });

  it('[MD45] the relay refuses every edit to an archived document, as to a locked one; unarchived it accepts them', async () => {
    const id = fixture.document.id;
    const chair = await RawClient.connect(server.wsUrl, id, token('chair'));
    await chair.sync();
    await call('POST', `/api/documents/${id}/archive`, { token: token('chair') });
    chair.sendSync(
      2,
      changeOf(chair.doc, (d) => appendOperative(d, 'op-archived', 'Written after archiving')),
    );
    expect((await chair.closed).code).toBe(CloseCode.refused);
    expect(chair.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.locked,
    );
    expect(await documentText(server.url, id, server.admin)).not.toContain('Written after');

    await call('POST', `/api/documents/${id}/unarchive`, { token: token('chair') });
    const again = await RawClient.connect(server.wsUrl, id, token('chair'));
    await again.sync();
    again.sendSync(
      2,
      changeOf(again.doc, (d) => appendOperative(d, 'op-back', 'Written after unarchiving')),
    );
    await vi.waitFor(async () =>
      expect(await documentText(server.url, id, server.admin)).toContain('after unarchiving'),
    );
    again.close();
  });

  it("[MD46] renaming a document is the drafters', audited; a bad title is named and changes nothing", async () => {
    const id = fixture.document.id;
    const renamed = await call<DocumentInfo>('PATCH', `/api/documents/${id}`, {
      token: token('rapporteur'),
      json: { title: 'Draft resolution on MSMEs, Rev. 1' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('Draft resolution on MSMEs, Rev. 1');
    const refused = await call('PATCH', `/api/documents/${id}`, {
      token: token('chile'),
      json: { title: 'Mine' },
    });
    expect(refused.status).toBe(403);
    const empty = await call<ApiErrorBody>('PATCH', `/api/documents/${id}`, {
      token: token('chair'),
      json: { title: '   ' },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.field).toBe('title');
    const now = await call<DocumentInfo>('GET', `/api/documents/${id}`, { token: token('chile') });
    expect(now.body.title).toBe('Draft resolution on MSMEs, Rev. 1');
    expect(await auditKinds()).toContain('document.settings');
  });
});
