import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProposalAttributes, ProposalInfo, VersionInfo } from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';
import { pandoc, squash } from '../../server/src/domain/export/readers';

const SENTENCE = 'Member States agree to promote small enterprises.';

describe('open proposals in the comparison and in every export', () => {
  let server: TestServer;
  let fixture: Fixture;
  let before: string;
  const clients: Client[] = [];
  const path = (rest: string) => `/api/documents/${fixture.document.id}${rest}`;
  const download = async (query: string) => {
    const response = await fetch(`${server.url}${path(`/export?${query}`)}`, {
      headers: { authorization: `Bearer ${fixture.people.canada!.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
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
    await vi.waitFor(() => operativeText(canada.doc, 'op1'));
    before = (
      await api<VersionInfo>(server.url, 'POST', path('/versions'), {
        token: fixture.people.chair!.token,
        json: { label: 'Zero draft' },
      })
    ).body.id;
    operativeText(canada.doc, 'op1').insert(SENTENCE.indexOf(' small'), ' and support', {
      proposal: mark('canada', 'insert', 'pSupport'),
    });
    operativeText(canada.doc, 'op1').format(0, 'Member '.length, {
      proposal: mark('canada', 'delete', 'pMember'),
    });
    await vi.waitFor(async () => {
      const listed = await api<ProposalInfo[]>(server.url, 'GET', path('/proposals'), {
        token: fixture.people.chair!.token,
      });
      expect(listed.body).toHaveLength(2);
    });
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  /**
   * What the README states: the ordinary exports give the text as stored, marks left out, so a
   * proposed insertion reads as text and the words proposed for deletion stay; the compilation
   * export is where proposals show as proposals.
   */
  const STORED = 'Member States agree to promote and support small enterprises.';

  it('[PR21] txt, Markdown, HTML, AKN and Word give the stored text of a paragraph with open proposals, without proposal marks', async () => {
    for (const format of ['txt', 'md', 'html', 'akn']) {
      const text = (await download(`format=${format}`)).toString('utf8');
      expect(text, format).toContain(STORED);
      expect(text, format).not.toContain('pSupport');
    }
    expect(squash(await pandoc(await download('format=docx'), 'docx'))).toContain(`3. ${STORED}`);
  });

  it('[PR22] the comparison and the tracked Word export show an open insertion as its delegation’s insertion; a proposed deletion is not yet a change', async () => {
    const diff = await api<Comparison>(server.url, 'GET', path(`/diff?from=${before}&to=current`), {
      token: fixture.people.chair!.token,
    });
    expect(diff.body.changes.map((c) => [c.kind, c.text, c.delegation])).toEqual([
      ['insert', 'and support ', 'Canada'],
    ]);
    const tracked = await download(`format=docx&compare=${before}`);
    expect(squash(await pandoc(tracked, 'docx', 'reject'))).toContain(SENTENCE);
    expect(squash(await pandoc(tracked, 'docx', 'accept'))).toContain(STORED);
  });
});
