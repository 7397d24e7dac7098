import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentThread, VersionInfo } from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, whenSynced, type Client } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

describe('comment threads in the history', () => {
  let server: TestServer;
  let fixture: Fixture;
  let writer: Client;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    writer = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    await whenSynced(writer);
    appendOperative(writer.doc, 'p-trade', 'To facilitate trade for MSMEs.');
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(
        'To facilitate trade for MSMEs.',
      ),
    );
  });
  afterAll(async () => {
    writer.destroy();
    await server.stop();
  });

  it('[CT11] the comparison lists each comment, reply and resolution between two versions with its delegation', async () => {
    const base = `/api/documents/${fixture.document.id}`;
    const before = await api<VersionInfo>(server.url, 'POST', `${base}/versions`, {
      token: fixture.people.chair!.token,
      json: { label: 'Before the reading' },
    });
    expect(before.status).toBe(201);
    const thread = await api<CommentThread>(server.url, 'POST', `${base}/comments`, {
      token: fixture.people.chile!.token,
      json: { paragraphId: 'p-trade', quote: 'trade', text: 'Include services.' },
    });
    await api(server.url, 'POST', `${base}/comments/${thread.body.id}/replies`, {
      token: fixture.people.peru!.token,
      json: { text: 'And e-commerce.' },
    });
    await api(server.url, 'POST', `${base}/comments/${thread.body.id}/resolve`, {
      token: fixture.people.chair!.token,
    });

    const diff = await api<Comparison>(
      server.url,
      'GET',
      `${base}/diff?from=${before.body.id}&to=current`,
      { token: fixture.people.peru!.token },
    );
    expect(diff.status).toBe(200);
    expect(
      diff.body.comments?.map(({ kind, delegation, text }) => ({ kind, delegation, text })),
    ).toEqual([
      { kind: 'commented', delegation: 'Chile', text: 'Include services.' },
      { kind: 'replied', delegation: 'Peru', text: 'And e-commerce.' },
      { kind: 'resolved', delegation: 'Belize', text: 'Include services.' },
    ]);
    // Backwards, the same changes are listed: they happened between the two.
    const back = await api<Comparison>(
      server.url,
      'GET',
      `${base}/diff?from=current&to=${before.body.id}`,
      { token: fixture.people.peru!.token },
    );
    expect(back.body.comments?.map((change) => change.kind)).toEqual([
      'commented',
      'replied',
      'resolved',
    ]);
  });
});
