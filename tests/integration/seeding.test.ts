import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentInfo } from '@accord/shared';
import { api, setUpMeeting, documentText } from './support/api';
import { blockTexts, connectClient, whenSynced, type Client } from './support/clients';
import { spawnServer, type ServerProcess } from './support/process';
import { tempDir } from './support/server';

/**
 * [T1] Template text is seeded once, on the server, when the document is created: ten clients
 * opening a new document at the same moment see it once, and so do ten clients after the server
 * was killed right after the creation.
 */
describe('template seeding happens exactly once', () => {
  const processes: ServerProcess[] = [];
  const clients: Client[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const p of processes.splice(0)) p.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const openTen = async (server: ServerProcess, documentId: string, token: string) => {
    const ten = Array.from({ length: 10 }, () => connectClient(server.wsUrl, documentId, token));
    clients.push(...ten);
    await Promise.all(ten.map(whenSynced));
    return ten;
  };

  it('[T1] ten clients at once, and again after a SIGKILL right after creation', async () => {
    dataDir = await tempDir();
    const first = await spawnServer(dataDir);
    processes.push(first);
    const fixture = await setUpMeeting(first.url, first.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const token = fixture.people.chile!.token;
    const expected = await documentText(first.url, fixture.document.id, token);

    for (const client of await openTen(first, fixture.document.id, token)) {
      expect(blockTexts(client.doc).join('\n\n') + '\n').toBe(
        expected.replace(/^\d+\. |^ {4}[a-z]\. /gm, ''),
      );
    }

    const fresh = await api<DocumentInfo>(
      first.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/documents`,
      {
        token: first.admin,
        json: { templateId: 'msme-institutional-framework' },
      },
    );
    expect(fresh.status).toBe(201);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await spawnServer(dataDir);
    processes.push(second);
    const text = (
      await api<string>(second.url, 'GET', `/api/documents/${fresh.body.id}/content?format=text`, {
        token,
      })
    ).body;
    const ten = await openTen(second, fresh.body.id, token);
    await vi.waitFor(async () => {
      const again = await documentText(second.url, fresh.body.id, token);
      expect(again).toBe(text);
    });
    const titles = blockTexts(ten[0]!.doc);
    for (const client of ten) expect(blockTexts(client.doc)).toEqual(titles);
    // No block appears twice: duplicated seeding would repeat the whole text.
    expect(new Set(titles.filter((t) => t.length > 20)).size).toBe(
      titles.filter((t) => t.length > 20).length,
    );
  });
});
