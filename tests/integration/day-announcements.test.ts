import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SERVER_AWARENESS_CLIENT,
  type DocumentEvent,
  type ServerAnnouncement,
  type VersionInfo,
} from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { connectClient, whenSynced, type Client } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

describe('the chair’s lock and restore are announced to everyone in the document', () => {
  let server: TestServer;
  let fixture: Fixture;
  let chile: Client;
  const docPath = () => `/api/documents/${fixture.document.id}`;
  const chair = () => fixture.people.chair!.token;
  const announced = (): DocumentEvent | undefined =>
    (
      chile.provider.awareness.getStates().get(SERVER_AWARENESS_CLIENT) as
        | ServerAnnouncement
        | undefined
    )?.event;

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Panama', name: 'María Pérez' },
      Chile: { role: 'delegate', delegation: 'Chile' },
    });
    chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.Chile!.token);
    await whenSynced(chile);
  });
  afterEach(async () => {
    chile.provider.destroy();
    chile.doc.destroy();
    await server.stop();
  });

  it('[MD5] a restore names the version restored, and a lock and an unlock say what happened', async () => {
    const version = await api<VersionInfo>(server.url, 'POST', `${docPath()}/versions`, {
      token: chair(),
      json: { label: 'Rev.1' },
    });
    expect(version.status).toBe(201);
    const restore = await api(
      server.url,
      'POST',
      `${docPath()}/versions/${version.body.id}/restore`,
      { token: chair() },
    );
    expect(restore.status).toBe(201);
    await vi.waitFor(() => expect(announced()).toMatchObject({ kind: 'restored', label: 'Rev.1' }));
    const restoredAt = announced()!.at;

    const lock = await api(server.url, 'POST', `${docPath()}/lock`, { token: chair() });
    expect(lock.status).toBe(200);
    await vi.waitFor(() => expect(announced()?.kind).toBe('locked'));
    expect(Date.parse(announced()!.at)).toBeGreaterThanOrEqual(Date.parse(restoredAt));

    const unlock = await api(server.url, 'POST', `${docPath()}/unlock`, { token: chair() });
    expect(unlock.status).toBe(200);
    await vi.waitFor(() => expect(announced()?.kind).toBe('unlocked'));
    expect(chile.closes).toEqual([]);
  });
});
