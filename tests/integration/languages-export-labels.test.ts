import type * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentThread, DocumentInfo } from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { docxPart, pandoc, pdfText, squash } from '../../server/src/domain/export/readers';

/** The fixed words an English export prints; none may be left in a Spanish one. */
const ENGLISH_LABELS = [
  'Notes',
  'Comments',
  'Bracketed text',
  'proposed by',
  'Secretariat',
  'Paragraph',
  'Reply from',
  'Agreed',
  'Original: English',
  'Tracked changes',
];

const QUOTED = 'Instar a los Estados Miembros a aplicar la "Carta Democrática Interamericana"';
const AGREED = 'Reafirmar el compromiso con la "Agenda 2030"';

describe('a Spanish document exports with every fixed word in Spanish', () => {
  let server: TestServer;
  let fixture: Fixture;
  let chile: Client;
  let chair: Client;

  const exported = async (documentId: string, format: string, token: string) => {
    const response = await fetch(
      `${server.url}/api/documents/${documentId}/export?format=${format}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const spanish = (format: string) =>
    exported(fixture.document.id, format, fixture.people.chile!.token);
  const noEnglish = (text: string) => {
    for (const label of ENGLISH_LABELS) expect(text).not.toContain(label);
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(
      server.url,
      server.admin,
      {
        chair: { role: 'chair', delegation: 'Guatemala' },
        chile: { role: 'delegate', delegation: 'Chile' },
        peru: { role: 'delegate', delegation: 'Perú' },
      },
      'blank-oas-resolution-es',
    );
    chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    chair = connectClient(server.wsUrl, fixture.document.id, fixture.people.chair!.token);
    await Promise.all([whenSynced(chile), whenSynced(chair)]);
    chile.doc.transact(() => {
      appendOperative(chile.doc, 'op-carta', QUOTED);
      // "a aplicar" in brackets in Chile's name, "Miembros" carrying a footnote.
      operativeText(chile.doc, 'op-carta').format(30, 9, {
        bracket: { id: 'br-1', delegations: ['Chile'] },
      });
      operativeText(chile.doc, 'op-carta').format(21, 8, {
        footnote: { id: 'fn-1', text: 'Con la reserva de la delegación de Chile.' },
      });
    });
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(
        'Carta Democrática',
      ),
    );
    appendOperative(chair.doc, 'op-agenda', AGREED);
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(
        'Agenda 2030',
      ),
    );
    (operativeText(chair.doc, 'op-agenda').parent as Y.XmlElement).setAttribute('status', 'agreed');
    const path = `/api/documents/${fixture.document.id}/comments`;
    const thread = await api<CommentThread>(server.url, 'POST', path, {
      token: fixture.people.chile!.token,
      json: {
        paragraphId: 'op-carta',
        quote: 'Carta Democrática',
        text: 'Citar el "artículo 1".',
      },
    });
    expect(thread.status).toBe(201);
    const reply = await api(server.url, 'POST', `${path}/${thread.body.id}/replies`, {
      token: fixture.people.peru!.token,
      json: { text: 'De acuerdo.' },
    });
    expect(reply.status).toBe(201);
    await vi.waitFor(async () =>
      expect(squash(await pandoc(await spanish('html'), 'html'))).toContain('De acuerdo.'),
    );
  });
  afterAll(async () => {
    chile.destroy();
    chair.destroy();
    await server.stop();
  });

  it('[Y11] HTML: notes, comments and bracket notes in Spanish, quotes as “…”', async () => {
    const html = squash(await pandoc(await spanish('html'), 'html'));
    expect(html).toContain('Notas');
    expect(html).toContain('Texto entre corchetes propuesto por Chile.');
    expect(html).toContain('Con la reserva de la delegación de Chile.');
    expect(html).toContain('Comentarios');
    expect(html).toContain('Párrafo 3');
    expect(html).toContain('Chile sobre “Carta Democrática”: Citar el “artículo 1”.');
    expect(html).toContain('Respuesta de Perú: De acuerdo.');
    expect(html).toContain('Miembros¹ [a aplicar]² la “Carta Democrática Interamericana”');
    expect(html).toContain('la “Agenda 2030”');
    expect(html).toContain('Original: español');
    noEnglish(html);
  });

  it('[Y11] PDF: the same labels in Spanish, read back from the file', async () => {
    const pdf = squash(await pdfText(await spanish('pdf')));
    expect(pdf).toContain('Comentarios');
    expect(pdf).toContain('Texto entre corchetes propuesto por Chile.');
    expect(pdf).toContain('Respuesta de Perú: De acuerdo.');
    expect(pdf).toContain('“Carta Democrática Interamericana”');
    noEnglish(pdf);
  });

  it('[Y11] DOCX: the bracket note and the comments in Spanish, with the document’s quotation marks', async () => {
    const docx = await spanish('docx');
    const text = squash(await pandoc(docx, 'docx', 'all'));
    expect(text).toContain('la “Carta Democrática Interamericana”');
    noEnglish(text);
    const comments = await docxPart(docx, 'word/comments.xml');
    expect(comments).toContain('Texto entre corchetes propuesto por Chile.');
    expect(comments).not.toContain('Bracketed text');
  });

  it.each([
    ['en', 'blank-oas-resolution', 'the “Charter”'],
    ['es', 'blank-oas-resolution-es', 'the “Charter”'],
    ['fr', 'blank-oas-resolution-fr', 'the «\u202fCharter\u202f»'],
    ['pt', 'blank-oas-resolution-pt', 'the “Charter”'],
  ])(
    '[Y12] straight quotes typed in a %s document export as that language’s quotation marks in every format',
    async (_language, templateId, expected) => {
      const token = fixture.people.chair!.token;
      const created = await api<DocumentInfo>(
        server.url,
        'POST',
        `/api/meetings/${fixture.meeting.id}/documents`,
        { token, json: { templateId } },
      );
      expect(created.status).toBe(201);
      const writer = connectClient(server.wsUrl, created.body.id, token);
      try {
        await whenSynced(writer);
        appendOperative(writer.doc, 'op-quote', 'To apply the "Charter" in full');
        await vi.waitFor(async () =>
          expect(await documentText(server.url, created.body.id, server.admin)).toContain(
            'Charter',
          ),
        );
      } finally {
        writer.destroy();
      }
      const txt = (await exported(created.body.id, 'txt', token)).toString('utf8');
      expect(txt).toContain(expected);
      expect(txt).not.toContain('"Charter"');
      const html = await pandoc(await exported(created.body.id, 'html', token), 'html');
      expect(html).toContain(expected);
      const md = (await exported(created.body.id, 'md', token)).toString('utf8');
      expect(md).toContain(expected);
      const docx = await pandoc(await exported(created.body.id, 'docx', token), 'docx');
      expect(docx).toContain(expected);
    },
  );
});
