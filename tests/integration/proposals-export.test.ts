import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProposalAttributes, ProposalInfo } from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { pandoc, pdfText, squash } from '../../server/src/domain/export/readers';

const SENTENCE = 'Member States agree to promote small enterprises.';

/** Pandoc's Markdown of a DOCX with every revision shown, its author named. */
function revisionsOf(docx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'compilation-'));
  try {
    const file = join(dir, 'compilation.docx');
    writeFileSync(file, docx);
    return execFileSync(
      'pandoc',
      ['-f', 'docx', '-t', 'markdown', '--wrap=none', '--track-changes=all', file],
      {
        encoding: 'utf8',
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('proposals: the compilation text', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const path = (rest: string) => `/api/documents/${fixture.document.id}${rest}`;
  const download = async (query: string) => {
    const response = await fetch(`${server.url}${path(`/export?${query}`)}`, {
      headers: { authorization: `Bearer ${fixture.people.mexico!.token}` },
    });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  const mark = (who: string, kind: 'insert' | 'delete', id: string): ProposalAttributes => ({
    kind,
    id,
    delegations: [fixture.people[who]!.delegation!],
    participant: fixture.people[who]!.id,
  });

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      canada: { role: 'delegate', delegation: 'Canada' },
      mexico: { role: 'delegate', delegation: 'Mexico' },
    });
    const connect = async (who: string) => {
      const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
      clients.push(client);
      await whenSynced(client);
      return client;
    };
    const chair = await connect('chair');
    appendOperative(chair.doc, 'op1', SENTENCE);
    const canada = await connect('canada');
    const mexico = await connect('mexico');
    await vi.waitFor(() => operativeText(canada.doc, 'op1'));
    const at = SENTENCE.indexOf(' small');
    operativeText(canada.doc, 'op1').insert(at, ' and support', {
      proposal: mark('canada', 'insert', 'pSupport'),
    });
    mexico.doc.getMap('proposalSupport').set('pSupport:Mexico', true);
    operativeText(canada.doc, 'op1').format(0, 'Member '.length, {
      proposal: mark('canada', 'delete', 'pMember'),
    });
    await vi.waitFor(async () => {
      const listed = await api<ProposalInfo[]>(server.url, 'GET', path('/proposals'), {
        token: fixture.people.chair!.token,
      });
      expect(listed.body.find((p) => p.id === 'pSupport')?.delegations).toEqual([
        'Canada',
        'Mexico',
      ]);
      expect(listed.body).toHaveLength(2);
    });
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[PR8] the compilation DOCX carries each proposal as a Word revision by its delegations; pandoc accepting every revision gives the text with all proposals accepted, rejecting them the agreed text', async () => {
    const file = await download('format=docx&compilation=1');
    expect(file.status).toBe(200);
    const revisions = revisionsOf(file.body);
    expect(revisions).toMatch(/\[\*\*and support\*\*\]\{\.insertion author="Canada, Mexico"/);
    expect(revisions).toMatch(/\[Member ?\]\{\.deletion author="Canada"/);
    const accepted = squash(await pandoc(file.body, 'docx', 'accept'));
    expect(accepted).toContain('States agree to promote and support small enterprises.');
    expect(accepted).not.toContain('Member States');
    const rejected = squash(await pandoc(file.body, 'docx', 'reject'));
    expect(rejected).toContain(SENTENCE);
    // The live text is not changed by exporting it.
    expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(
      'Member States agree to promote and support small enterprises.',
    );
  });

  it('[PR9] the compilation HTML and PDF show each proposal inline, followed by its delegations in brackets', async () => {
    const html = await download('format=html&compilation=1');
    expect(html.status).toBe(200);
    const page = html.body.toString('utf8');
    expect(page).toMatch(/<ins[^>]*>(<[^>]+>)*\s?and support/);
    expect(page).toMatch(/<del[^>]*>(<[^>]+>)*Member/);
    expect(squash(await pandoc(html.body, 'html', 'all'))).toContain(
      'and support (Canada, Mexico)',
    );
    const pdf = await download('format=pdf&compilation=1');
    expect(pdf.status).toBe(200);
    expect(squash(await pdfText(pdf.body))).toContain('(Canada, Mexico)');
  });

  it('[PR10] the tabular compilation lists per paragraph the agreed text and the proposals by delegation; other formats are refused clearly', async () => {
    const table = await download('format=html&compilation=1&form=table');
    expect(table.status).toBe(200);
    const text = squash(await pandoc(table.body, 'html'));
    expect(text).toContain(SENTENCE);
    expect(text).toContain('Canada, Mexico: insert “ and support”');
    expect(text).toContain('Canada: delete “Member ”');
    const refused = await download('format=md&compilation=1');
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body.toString('utf8'))).toMatchObject({
      error: { code: 'unknown_format', field: 'format' },
    });
    // The ordinary exports keep working on a document with open proposals.
    for (const format of ['docx', 'pdf', 'html', 'md', 'txt', 'akn']) {
      expect((await download(`format=${format}`)).status).toBe(200);
    }
  });
});
