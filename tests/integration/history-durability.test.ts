import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VersionInfo } from '@accord/shared';
import { api, setUpMeeting } from './support/api';
import { appendOperative, connectClient, whenSynced, type Client } from './support/clients';
import { spawnServer, type ServerProcess } from './support/process';
import { startTestServer, tempDir, type TestServer } from './support/server';

describe('versions survive, and come by themselves', () => {
  const processes: ServerProcess[] = [];
  const clients: Client[] = [];
  let dataDir = '';
  let server: TestServer | null = null;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of processes.splice(0)) p.child.kill('SIGKILL');
    await server?.stop();
    server = null;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('[V6] a version created right before a SIGKILL is there after the restart, with its text', async () => {
    dataDir = await tempDir();
    const first = await spawnServer(dataDir);
    processes.push(first);
    const fixture = await setUpMeeting(first.url, first.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const chile = connectClient(first.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(chile);
    await whenSynced(chile);
    appendOperative(chile.doc, 'op-k', 'Text of the first reading;');
    const path = `/api/documents/${fixture.document.id}`;
    await vi.waitFor(async () =>
      expect(
        (await api<string>(first.url, 'GET', `${path}/content?format=text`, { token: first.admin }))
          .body,
      ).toContain('first reading'),
    );
    const version = await api<VersionInfo>(first.url, 'POST', `${path}/versions`, {
      token: fixture.people.chair!.token,
      json: { label: 'After first reading' },
    });
    expect(version.status).toBe(201);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnServer(dataDir);
    processes.push(second);
    const versions = await api<VersionInfo[]>(second.url, 'GET', `${path}/versions`, {
      token: second.admin,
    });
    expect(versions.body).toEqual([
      expect.objectContaining({ id: version.body.id, label: 'After first reading', kind: 'named' }),
    ]);
    const text = await api<string>(
      second.url,
      'GET',
      `${path}/content?format=text&version=${version.body.id}`,
      { token: second.admin },
    );
    expect(text.body).toContain('Text of the first reading;');
  });

  it('[V7] an automatic version follows each pause in editing', async () => {
    server = await startTestServer({
      autoVersions: { pauseMs: 200, maxIntervalMs: 60_000, checkEveryMs: 50 },
    });
    dataDir = server.dataDir;
    const fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(chile);
    await whenSynced(chile);
    appendOperative(chile.doc, 'op-auto', 'Typed, then a pause;');
    const path = `/api/documents/${fixture.document.id}/versions`;
    await vi.waitFor(async () => {
      const versions = await api<VersionInfo[]>(server!.url, 'GET', path, { token: server!.admin });
      expect(versions.body).toEqual([expect.objectContaining({ kind: 'auto', createdBy: null })]);
    });
    // A second burst of typing makes a second one, holding the new text.
    appendOperative(chile.doc, 'op-auto-2', 'More typing;');
    let second: VersionInfo | undefined;
    await vi.waitFor(async () => {
      const versions = await api<VersionInfo[]>(server!.url, 'GET', path, { token: server!.admin });
      expect(versions.body.map((v) => v.kind)).toEqual(['auto', 'auto']);
      second = versions.body[1];
    });
    const text = await api<string>(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/content?format=text&version=${second!.id}`,
      { token: server.admin },
    );
    expect(text.body).toContain('More typing;');
  });
});
