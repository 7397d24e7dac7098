import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, DocumentInfo, NodeJSON } from '@accord/shared';
import { api, setUpMeeting, type Fixture, documentText } from './support/api';
import { startTestServer, tempDir, type TestServer } from './support/server';

const SEED = resolve(import.meta.dirname, '../fixtures/seed/000_4fd4a1e97120b91d.txt');

describe('HTTP API: importing an existing resolution', () => {
  let server: TestServer;
  let fixture: Fixture;
  let scratch: string;
  const path = () => `/api/meetings/${fixture.meeting.id}/documents/import`;
  const count = (content: NodeJSON, type: string) =>
    (content.content ?? []).filter((n) => n.type === type).length;

  beforeAll(async () => {
    server = await startTestServer();
    scratch = await tempDir();
    fixture = await setUpMeeting(server.url, server.admin, {
      rapporteur: { role: 'rapporteur', delegation: 'Canada' },
      chile: { role: 'delegate', delegation: 'Chile' },
    });
  });
  afterAll(async () => {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('[I1] the seed resolution imports with its structure, and reads back in the text format', async () => {
    const created = await api<DocumentInfo & { warnings: string[] }>(
      server.url,
      'POST',
      `${path()}?title=Seed`,
      {
        token: fixture.people.rapporteur!.token,
        body: await readFile(SEED, 'utf8'),
        type: 'text/plain; charset=utf-8',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Seed', status: 'drafting', style: 'oas' });
    const content = await api<NodeJSON>(
      server.url,
      'GET',
      `/api/documents/${created.body.id}/content`,
      { token: server.admin },
    );
    expect(count(content.body, 'preambular')).toBe(4);
    expect(count(content.body, 'operative')).toBe(4);
    expect(count(content.body, 'subparagraph')).toBe(3);
    const text = await documentText(server.url, created.body.id, server.admin);
    expect(text).toContain('\n\n2. To request the pertinent sectoral authorities');
    expect(text).toContain('\n\n    a. Strengthening the institutional framework');
  });

  it('[I2] a .docx written by pandoc imports with its numbered paragraphs', async () => {
    const md = join(scratch, 'draft.md');
    const docx = join(scratch, 'draft.docx');
    await writeFile(
      md,
      'THE MINISTERS,\n\nCONSIDERING:\n\nThat MSMEs create most jobs;\n\nRESOLVE:\n\n1. To support MSMEs;\n2. To report back.\n',
    );
    execFileSync('pandoc', [md, '-o', docx]);
    const created = await api<DocumentInfo>(server.url, 'POST', path(), {
      token: fixture.people.rapporteur!.token,
      body: await readFile(docx),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(created.status).toBe(201);
    const content = await api<NodeJSON>(
      server.url,
      'GET',
      `/api/documents/${created.body.id}/content`,
      { token: server.admin },
    );
    expect(count(content.body, 'operative')).toBe(2);
    expect(count(content.body, 'preambular')).toBe(1);
  });

  it('[I3] bad uploads get clear errors and create nothing', async () => {
    const before = (
      await api<{ documents: unknown[] }>(
        server.url,
        'GET',
        `/api/meetings/${fixture.meeting.id}`,
        { token: server.admin },
      )
    ).body.documents.length;
    const delegate = await api(server.url, 'POST', path(), {
      token: fixture.people.chile!.token,
      body: 'x',
      type: 'text/plain',
    });
    expect(delegate.status).toBe(403);
    const pdf = await api<ApiErrorBody>(server.url, 'POST', path(), {
      token: server.admin,
      body: '%PDF-1.4',
      type: 'application/pdf',
    });
    expect(pdf.status).toBe(415);
    const empty = await api<ApiErrorBody>(server.url, 'POST', path(), {
      token: server.admin,
      body: '',
      type: 'text/plain',
    });
    expect(empty.status).toBe(422);
    const brokenDocx = await api<ApiErrorBody>(server.url, 'POST', path(), {
      token: server.admin,
      body: 'not a zip',
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(brokenDocx.status).toBe(400);
    expect(brokenDocx.body.error.message.length).toBeGreaterThan(10);
    const after = (
      await api<{ documents: unknown[] }>(
        server.url,
        'GET',
        `/api/meetings/${fixture.meeting.id}`,
        { token: server.admin },
      )
    ).body.documents.length;
    expect(after).toBe(before);
  });
});
