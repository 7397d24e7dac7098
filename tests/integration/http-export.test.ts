import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiErrorBody, VersionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture, documentText } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, tempDir, type TestServer } from './support/server';
import {
  AKN_SCHEMA,
  pandoc,
  pdfText,
  squash,
  validateAkn,
} from '../../server/src/domain/export/readers';

/** Each format as its user's tool reads it: the text a delegate would see, whitespace squashed. */
const readBack: Record<string, (body: Buffer) => Promise<string>> = {
  docx: async (body) => squash(await pandoc(body, 'docx')),
  pdf: async (body) => squash(await pdfText(body)),
  html: async (body) => squash(await pandoc(body, 'html')),
  md: async (body) => squash(await pandoc(body, 'markdown')),
  txt: (body) => Promise.resolve(squash(body.toString('utf8'))),
  akn: async (body) => {
    await validateAkn(body);
    return squash(body.toString('utf8').replace(/<[^>]+>/g, ' '));
  },
};
const HOSTILE = '<script>alert("x")</script> & “quotes” \u200f';

describe('HTTP API: export', () => {
  let server: TestServer;
  let fixture: Fixture;
  let scratch: string;
  let chile: Client;
  let zero: VersionInfo;
  const path = () => `/api/documents/${fixture.document.id}/export`;
  const download = async (query: string) => {
    const response = await fetch(`${server.url}${path()}?${query}`, {
      headers: { authorization: `Bearer ${fixture.people.observer!.token}` },
    });
    return { response, body: Buffer.from(await response.arrayBuffer()) };
  };
  const save = async (name: string, body: Buffer) => {
    const file = join(scratch, name);
    await writeFile(file, body);
    return file;
  };

  beforeAll(async () => {
    server = await startTestServer();
    scratch = await tempDir();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      observer: { role: 'observer' },
    });
    chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    await whenSynced(chile);
    appendOperative(chile.doc, 'op-export', 'To support MSMEs in the region;');
    await vi.waitFor(async () => {
      const text = await documentText(server.url, fixture.document.id, server.admin);
      expect(text).toContain('To support MSMEs in the region;');
    });
    zero = (
      await api<VersionInfo>(server.url, 'POST', `/api/documents/${fixture.document.id}/versions`, {
        token: fixture.people.chair!.token,
        json: { label: 'Zero draft' },
      })
    ).body;
    const text = operativeText(chile.doc, 'op-export');
    text.insert(text.length - 1, ' and cooperatives');
    appendOperative(chile.doc, 'op-hostile', HOSTILE);
    await vi.waitFor(async () => {
      const now = await documentText(server.url, fixture.document.id, server.admin);
      expect(now).toContain('and cooperatives;');
    });
  });
  afterAll(async () => {
    chile.destroy();
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('[E1] every format downloads as an attachment with its type; txt is the contract text', async () => {
    const types: Record<string, string> = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
      html: 'text/html',
      md: 'text/markdown',
      txt: 'text/plain',
      akn: 'xml',
    };
    for (const [format, type] of Object.entries(types)) {
      const { response, body } = await download(`format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Draft-recommendations\.\w+"/,
      );
      expect(await readBack[format]!(body)).toContain(
        'To support MSMEs in the region and cooperatives;',
      );
    }
    const txt = (await download('format=txt')).body.toString('utf8');
    const content = await documentText(server.url, fixture.document.id, server.admin);
    expect(txt).toBe(content);
  });

  it('[E2] Word, PDF and Akoma Ntoso files read back with real readers', async () => {
    const docx = await save('now.docx', (await download('format=docx')).body);
    const plain = execFileSync('pandoc', [
      '-f',
      'docx',
      '-t',
      'plain',
      '--wrap=none',
      docx,
    ]).toString();
    expect(plain).toMatch(/\d+\.\s+To support MSMEs in the region and cooperatives;/);
    const pdf = await save('now.pdf', (await download('format=pdf')).body);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-']).toString()).toContain(
      'To support MSMEs in the region and',
    );
    const akn = await save('now.xml', (await download('format=akn')).body);
    execFileSync('xmllint', ['--noout', '--schema', AKN_SCHEMA, akn], { stdio: 'pipe' });
  });

  it('[E3] tracked changes in Word: accepting gives the new text, rejecting the version compared', async () => {
    const docx = await save(
      'tracked.docx',
      (await download(`format=docx&compare=${zero.id}`)).body,
    );
    const accepted = execFileSync('pandoc', [
      '-f',
      'docx',
      '-t',
      'plain',
      '--wrap=none',
      '--track-changes=accept',
      docx,
    ]).toString();
    const rejected = execFileSync('pandoc', [
      '-f',
      'docx',
      '-t',
      'plain',
      '--wrap=none',
      '--track-changes=reject',
      docx,
    ]).toString();
    expect(accepted).toContain('To support MSMEs in the region and cooperatives;');
    expect(rejected).toContain('To support MSMEs in the region;');
    expect(rejected).not.toContain('cooperatives');
    const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString();
    expect(xml).toMatch(/<w:ins [^>]*w:author="Chile"/);
    const html = (await download(`format=html&compare=${zero.id}`)).body.toString('utf8');
    expect(html).toMatch(/<ins[^>]*>[^<]*cooperatives/);
  });

  it('[E4] text from delegates is escaped, never markup', async () => {
    const html = (await download('format=html')).body.toString('utf8');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
    const file = await save('hostile.html', Buffer.from(html));
    expect(
      execFileSync('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', file]).toString(),
    ).toContain('<script>alert(“x”)</script> &');
  });

  it('[E5] a version exports its own text; bad requests are clear', async () => {
    const old = (await download(`format=txt&version=${zero.id}`)).body.toString('utf8');
    expect(old).toContain('To support MSMEs in the region;');
    expect(old).not.toContain('cooperatives');
    const unknown = await api<ApiErrorBody>(server.url, 'GET', `${path()}?format=rtf`, {
      token: server.admin,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('docx, pdf, html, md, txt, akn');
    expect(
      (await api(server.url, 'GET', `${path()}?format=docx&version=vNope`, { token: server.admin }))
        .status,
    ).toBe(404);
    const trackedText = await api<ApiErrorBody>(
      server.url,
      'GET',
      `${path()}?format=txt&compare=${zero.id}`,
      { token: server.admin },
    );
    expect(trackedText.status).toBe(422);
    expect(trackedText.body.error.field).toBe('compare');
    expect((await api(server.url, 'GET', `${path()}?format=docx`)).status).toBe(401);
  });
});
