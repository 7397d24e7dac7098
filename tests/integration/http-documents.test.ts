import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiErrorBody, DocumentInfo, NodeJSON, VersionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, whenSynced } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

describe('HTTP API: documents, content, versions, lock', () => {
  let server: TestServer;
  let fixture: Fixture;
  let other: Fixture;
  const call = <T = unknown>(
    method: string,
    path: string,
    options: Parameters<typeof api>[3] = {},
  ) => api<T>(server.url, method, path, options);
  const token = (who: string) => fixture.people[who]!.token;
  const doc = () => `/api/documents/${fixture.document.id}`;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
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

  it('[H15] the template library is open to anyone', async () => {
    const list = await call<{ id: string; title: string; kind: string; summary: string }[]>(
      'GET',
      '/api/templates',
    );
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThanOrEqual(9);
    expect(list.body.map((t) => t.id)).toContain('blank-oas-resolution');
    const one = await call<{ id: string; fields: unknown[]; content: NodeJSON; style: string }>(
      'GET',
      '/api/templates/blank-un-resolution',
    );
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'blank-un-resolution', style: 'un' });
    expect(one.body.content.type).toBe('doc');
    expect((await call('GET', '/api/templates/no-such-template')).status).toBe(404);
    expect((await call('GET', '/api/templates/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('[H10] chairs, rapporteurs and the secretariat create documents from a template', async () => {
    const created = await call<DocumentInfo>(
      'POST',
      `/api/meetings/${fixture.meeting.id}/documents`,
      {
        token: token('rapporteur'),
        json: { templateId: 'blank-oas-resolution', title: 'Zero draft' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Zero draft',
      meetingId: fixture.meeting.id,
      templateId: 'blank-oas-resolution',
      status: 'drafting',
    });
    const path = `/api/meetings/${fixture.meeting.id}/documents`;
    expect(
      (
        await call('POST', path, {
          token: token('chile'),
          json: { templateId: 'blank-oas-resolution' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', path, { json: { templateId: 'blank-oas-resolution' } })).status,
    ).toBe(401);
    const unknown = await call<ApiErrorBody>('POST', path, {
      token: token('chair'),
      json: { templateId: 'no-such-template' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('templateId');
    const badField = await call<ApiErrorBody>('POST', path, {
      token: token('chair'),
      json: { templateId: 'blank-oas-resolution', values: { noSuchField: 'x' } },
    });
    expect(badField.status).toBe(422);
    expect(badField.body.error.field).toBe('values.noSuchField');
    expect(
      (
        await call('POST', `/api/meetings/${other.meeting.id}/documents`, {
          token: token('chair'),
          json: { templateId: 'blank-oas-resolution' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/meetings/mUnknown/documents', {
          token: server.admin,
          json: { templateId: 'blank-oas-resolution' },
        })
      ).status,
    ).toBe(404);
  });

  it('[H11] a document is readable by its meeting only', async () => {
    const read = await call<DocumentInfo>('GET', doc(), { token: token('observer') });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: fixture.document.id, status: 'drafting' });
    expect((await call('GET', doc(), { token: other.people.mexico!.token })).status).toBe(403);
    expect((await call('GET', '/api/documents/dNope', { token: server.admin })).status).toBe(404);
    expect((await call('GET', doc())).status).toBe(401);
  });

  it('[H12] content as ProseMirror JSON and as the contract text, live as delegates type', async () => {
    const client = connectClient(server.wsUrl, fixture.document.id, token('chile'));
    await whenSynced(client);
    appendOperative(client.doc, 'op-live', 'To encourage the use of [ICTs] by MSMEs;');
    await vi.waitFor(async () => {
      const text = await call<string>('GET', `${doc()}/content?format=text`, {
        token: token('observer'),
      });
      expect(text.body).toContain('To encourage the use');
    });
    client.destroy();
    const json = await call<NodeJSON>('GET', `${doc()}/content`, { token: token('observer') });
    expect(json.status).toBe(200);
    expect(json.body.type).toBe('doc');
    const operatives = (json.body.content ?? []).filter((n) => n.type === 'operative');
    expect(operatives.at(-1)?.attrs).toMatchObject({ id: 'op-live', status: 'pending' });
    const text = await call<string>('GET', `${doc()}/content?format=text`, {
      token: token('observer'),
    });
    expect(text.headers.get('content-type')).toContain('text/plain');
    const lines = text.body.split('\n\n');
    expect(lines.at(-1)).toBe(`${operatives.length}. To encourage the use of [ICTs] by MSMEs;\n`);
    expect(text.body).toContain('RESOLVES:');
    expect(
      (await call('GET', `${doc()}/content?format=pdf`, { token: token('observer') })).status,
    ).toBe(400);
  });

  it('[H13] chairs and rapporteurs name versions; every participant reads them', async () => {
    const named = await call<VersionInfo>('POST', `${doc()}/versions`, {
      token: token('rapporteur'),
      json: { label: 'Zero draft' },
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({
      label: 'Zero draft',
      kind: 'named',
      createdBy: { name: 'rapporteur', delegation: 'Canada' },
    });
    expect(
      (await call('POST', `${doc()}/versions`, { token: token('chile'), json: { label: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await call<ApiErrorBody>('POST', `${doc()}/versions`, {
          token: token('chair'),
          json: { label: '' },
        })
      ).status,
    ).toBe(422);
    const list = await call<VersionInfo[]>('GET', `${doc()}/versions`, {
      token: token('observer'),
    });
    expect(list.body.map((v) => v.label)).toContain('Zero draft');
    const atVersion = await call<string>(
      'GET',
      `${doc()}/content?format=text&version=${named.body.id}`,
      { token: token('observer') },
    );
    expect(atVersion.status).toBe(200);
    expect(atVersion.body).toContain('RESOLVES:');
    expect(
      (await call('GET', `${doc()}/content?version=vNope`, { token: token('observer') })).status,
    ).toBe(404);
  });

  it('[H14] only chairs lock and unlock; a lock records a version', async () => {
    expect((await call('POST', `${doc()}/lock`, { token: token('rapporteur') })).status).toBe(403);
    const locked = await call<DocumentInfo>('POST', `${doc()}/lock`, { token: token('chair') });
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ id: fixture.document.id, status: 'locked' });
    const versions = await call<VersionInfo[]>('GET', `${doc()}/versions`, {
      token: token('chile'),
    });
    expect(versions.body.at(-1)).toMatchObject({ kind: 'lock' });
    const unlocked = await call<DocumentInfo>('POST', `${doc()}/unlock`, { token: token('chair') });
    expect(unlocked.body.status).toBe('drafting');
    expect(
      (await call('POST', '/api/documents/dNope/lock', { token: token('chair') })).status,
    ).toBe(404);
  });
});
