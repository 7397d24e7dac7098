import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, documentText, setUpMeeting } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

describe('storage: a log that ends in zero bytes', () => {
  const clients: Client[] = [];
  let server: TestServer | null = null;
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
    server = null;
  });

  it('[L14] after a restart, a document whose log ends in zero bytes is served whole and delegates go on typing', async () => {
    server = await startTestServer();
    const fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const token = fixture.people.chile!.token;
    const before = connectClient(server.wsUrl, fixture.document.id, token);
    clients.push(before);
    await whenSynced(before);
    appendOperative(before.doc, 'op-chile', 'Typed before the power cut');
    await vi.waitFor(async () =>
      expect(await documentText(server!.url, fixture.document.id, token)).toContain(
        'Typed before the power cut',
      ),
    );
    before.destroy();
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = null;

    // The filesystem grew the newest segment but never wrote its data.
    const folder = join(dataDir, 'documents', fixture.document.id);
    const newest = (await readdir(folder))
      .filter((f) => f.startsWith('segment-'))
      .sort()
      .at(-1)!;
    const handle = await open(join(folder, newest), 'r+');
    await handle.truncate((await handle.stat()).size + 4096);
    await handle.close();

    server = await startTestServer({ dataDir });
    expect(await documentText(server.url, fixture.document.id, token)).toContain(
      'Typed before the power cut',
    );
    const exported = await api<string>(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/export?format=txt`,
      { token },
    );
    expect(exported.status).toBe(200);
    expect(exported.body).toContain('Typed before the power cut');

    const after = connectClient(server.wsUrl, fixture.document.id, token);
    clients.push(after);
    await whenSynced(after);
    expect(blockTexts(after.doc)).toContain('Typed before the power cut');
    appendOperative(after.doc, 'op-chile-2', 'Typed after the restart');
    await vi.waitFor(async () =>
      expect(await documentText(server!.url, fixture.document.id, token)).toContain(
        'Typed after the restart',
      ),
    );
  });
});
