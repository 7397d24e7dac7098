import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentThread } from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, whenSynced, type Client } from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { docxPart, pandoc, pdfText, squash } from '../../server/src/domain/export/readers';

const SENTENCE = 'To promote access to finance for MSMEs in the region.';

describe('comment threads in the exports', () => {
  let server: TestServer;
  let fixture: Fixture;
  let writer: Client;
  const exported = async (format: string) => {
    const response = await fetch(
      `${server.url}/api/documents/${fixture.document.id}/export?format=${format}`,
      { headers: { authorization: `Bearer ${fixture.people.peru!.token}` } },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    writer = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    await whenSynced(writer);
    appendOperative(writer.doc, 'p-finance', SENTENCE);
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(SENTENCE),
    );
    const path = `/api/documents/${fixture.document.id}/comments`;
    const open = await api<CommentThread>(server.url, 'POST', path, {
      token: fixture.people.chile!.token,
      json: { paragraphId: 'p-finance', quote: 'access to finance', text: 'Name the banks.' },
    });
    await api(server.url, 'POST', `${path}/${open.body.id}/replies`, {
      token: fixture.people.peru!.token,
      json: { text: 'Peru proposes development banks.' },
    });
    const closed = await api<CommentThread>(server.url, 'POST', path, {
      token: fixture.people.peru!.token,
      json: { paragraphId: 'p-finance', text: 'Typo fixed already.' },
    });
    await api(server.url, 'POST', `${path}/${closed.body.id}/resolve`, {
      token: fixture.people.chair!.token,
    });
  });
  afterAll(async () => {
    writer.destroy();
    await server.stop();
  });

  it('[CT9] DOCX carries each thread as a Word comment by its delegation, with replies threaded under it', async () => {
    const docx = await exported('docx');
    // pandoc shows Word comments (with their authors) when it keeps every change.
    const text = squash(await pandoc(docx, 'docx', 'all'));
    expect(text).toContain('Name the banks.');
    expect(text).toContain('Peru proposes development banks.');
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toMatch(/w:author="Chile"[^>]*>[\s\S]*Name the banks\./);
    expect(comments).toContain('w:author="Peru"');
    // The reply is threaded: commentsExtended names its parent, the resolved thread is done.
    const extended = await docxPart(docx, 'word/commentsExtended.xml');
    expect(extended).toContain('w15:paraIdParent=');
    expect(extended).toContain('w15:done="1"');
    expect(squash(await pandoc(docx, 'docx'))).toContain(SENTENCE);
  });

  it('[CT10] HTML and PDF print the open threads as endnotes naming paragraph and delegation; resolved ones are left out', async () => {
    const html = squash(await pandoc(await exported('html'), 'html'));
    expect(html).toContain('Comments');
    expect(html).toContain('Chile on “access to finance”: Name the banks.');
    expect(html).toContain('Reply from Peru: Peru proposes development banks.');
    expect(html).not.toContain('Typo fixed already.');
    const pdf = squash(await pdfText(await exported('pdf')));
    expect(pdf).toContain('Name the banks.');
    expect(pdf).not.toContain('Typo fixed already.');
  });
});
