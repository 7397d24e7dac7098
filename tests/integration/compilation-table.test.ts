import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProposalAttributes, ProposalInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { pdfText, squash } from '../../server/src/domain/export/readers';

/**
 * The tabular compilation (paragraph | agreed text | proposals by delegation) in Word and PDF,
 * reached as the HTML table is (`&compilation=1&form=table`), read back by pandoc and pdftotext.
 */

const FIRST = 'Member States agree to promote small enterprises.';
const SECOND = 'To request a report on regional cooperation.';
const run = promisify(execFile);

/** The rows of a DOCX's tables as pandoc reads them: one string per `<tr>`, tags removed. */
async function docxRows(docx: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'compilation-table-'));
  try {
    const file = join(dir, 'table.docx');
    await writeFile(file, docx);
    const { stdout } = await run('pandoc', ['-f', 'docx', '-t', 'html', '--wrap=none', file]);
    return [...stdout.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
      squash(m[1]!.replace(/<[^>]+>/g, ' ').replace(/[“”]/g, '"')),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('proposals: the tabular compilation in Word and PDF', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const path = (rest: string) => `/api/documents/${fixture.document.id}${rest}`;
  const download = async (query: string) => {
    const response = await fetch(`${server.url}${path(`/export?${query}`)}`, {
      headers: { authorization: `Bearer ${fixture.people.chile!.token}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
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
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const connect = async (who: string) => {
      const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
      clients.push(client);
      await whenSynced(client);
      return client;
    };
    const chair = await connect('chair');
    appendOperative(chair.doc, 'op1', FIRST);
    appendOperative(chair.doc, 'op2', SECOND);
    const canada = await connect('canada');
    const mexico = await connect('mexico');
    const chile = await connect('chile');
    await vi.waitFor(() => operativeText(canada.doc, 'op2'));
    await vi.waitFor(() => operativeText(chile.doc, 'op2'));
    operativeText(canada.doc, 'op1').insert(FIRST.indexOf(' small'), ' and support', {
      proposal: mark('canada', 'insert', 'pSupport'),
    });
    mexico.doc.getMap('proposalSupport').set('pSupport:Mexico', true);
    operativeText(chile.doc, 'op2').format(SECOND.indexOf('regional '), 'regional '.length, {
      proposal: mark('chile', 'delete', 'pRegional'),
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

  it('[PR30] the Word compilation table has one row per paragraph: its number, the agreed text and each open proposal with its delegations', async () => {
    const file = await download('format=docx&compilation=1&form=table');
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    const rows = await docxRows(file.body);
    expect(rows).toContain('Paragraph Agreed text Proposals by delegation');
    const first = rows.find((r) => r.includes(FIRST));
    const second = rows.find((r) => r.includes(SECOND));
    expect(first).toMatch(
      new RegExp(`^\\d+\\. ${FIRST.replace('.', '\\.')} Canada, Mexico: insert " and support"$`),
    );
    expect(second).toMatch(
      new RegExp(`^\\d+\\. ${SECOND.replace('.', '\\.')} Chile: delete "regional "$`),
    );
  });

  it('[PR31] the PDF compilation table prints each open proposal with its delegations in its paragraph\u2019s row', async () => {
    const file = await download('format=pdf&compilation=1&form=table');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const text = squash(await pdfText(file.body));
    expect(text).toContain('Paragraph Agreed text Proposals by delegation');
    const first = text.indexOf(FIRST);
    const canada = text.indexOf('Canada, Mexico: insert');
    const second = text.indexOf(SECOND);
    const chile = text.indexOf('Chile: delete');
    expect(first).toBeGreaterThan(-1);
    // Each proposal sits after its own paragraph's text and before the next paragraph.
    expect(canada).toBeGreaterThan(first);
    expect(second).toBeGreaterThan(canada);
    expect(chile).toBeGreaterThan(second);
  });
});
