import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  RefusalReason,
  type AuditEvent,
  type DocumentInfo,
  type ProposalAttributes,
  type ProposalInfo,
  type VersionInfo,
} from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  plain,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

const SENTENCE = 'Member States agree to promote small enterprises.';

/** The update a raw client's doc makes when `change` runs on it. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('proposals: modes, proposing, deciding', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const raws: RawClient[] = [];

  const join = async (who: string) => {
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const raw = async (who: string) => {
    const client = await RawClient.connect(
      server.wsUrl,
      fixture.document.id,
      fixture.people[who]!.token,
    );
    raws.push(client);
    await client.sync();
    return client;
  };
  const as = (who: string) => fixture.people[who]!.token;
  const path = (rest = '') => `/api/documents/${fixture.document.id}${rest}`;
  const mark = (who: string, kind: 'insert' | 'delete', id: string): ProposalAttributes => ({
    kind,
    id,
    delegations: [fixture.people[who]!.delegation!],
    participant: fixture.people[who]!.id,
  });
  const proposals = async (who = 'chair') =>
    (await api<ProposalInfo[]>(server.url, 'GET', path('/proposals'), { token: as(who) })).body;
  const serverText = () => documentText(server.url, fixture.document.id, server.admin);
  const setMode = (mode: string, who = 'chair') =>
    api<DocumentInfo>(server.url, 'PUT', path('/mode'), { token: as(who), json: { mode } });

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Chair Belize' },
      canada: { role: 'delegate', delegation: 'Canada', name: 'Ana Canada' },
      mexico: { role: 'delegate', delegation: 'Mexico', name: 'Luis Mexico' },
    });
    const chair = await join('chair');
    appendOperative(chair.doc, 'op1', SENTENCE);
    await vi.waitFor(async () => expect(await serverText()).toContain(SENTENCE));
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[PR1] the chair sets the drafting mode; the document shows it; others may not, and a bad mode changes nothing', async () => {
    expect(fixture.document.mode).toBe('open');
    expect((await setMode('penholder', 'canada')).status).toBe(403);
    const bad = await setMode('anarchy');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { field: 'mode' } });
    const set = await setMode('proposals');
    expect(set.status).toBe(200);
    expect(set.body.mode).toBe('proposals');
    const read = await api<DocumentInfo>(server.url, 'GET', path(), { token: as('mexico') });
    expect(read.body.mode).toBe('proposals');
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir: server.dataDir });
    const again = await api<DocumentInfo>(server.url, 'GET', path(), { token: as('mexico') });
    expect(again.body.mode).toBe('proposals');
  });

  it('[PR2] two delegations propose on one sentence at once; both survive; the chair accepts one and rejects the other; text, comparison and history say who proposed and who decided', async () => {
    expect((await setMode('proposals')).status).toBe(200);
    const before = await api<VersionInfo>(server.url, 'POST', path('/versions'), {
      token: as('chair'),
      json: { label: 'Before the reading' },
    });
    const canada = await join('canada');
    const mexico = await join('mexico');
    const at = SENTENCE.indexOf(' small');
    // The same moment: both edit before either hears of the other.
    operativeText(canada.doc, 'op1').insert(at, ' and support', {
      proposal: mark('canada', 'insert', 'pCanada'),
    });
    operativeText(mexico.doc, 'op1').format(at + 1, 'small '.length, {
      proposal: mark('mexico', 'delete', 'pMexico'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    const open = await proposals();
    expect(open).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'pCanada',
          kind: 'insert',
          text: ' and support',
          paragraphId: 'op1',
          delegations: ['Canada'],
          status: 'open',
        }),
        expect.objectContaining({ id: 'pMexico', kind: 'delete', text: 'small ' }),
      ]),
    );
    await vi.waitFor(() =>
      expect(plain(operativeText(canada.doc, 'op1'))).toBe(plain(operativeText(mexico.doc, 'op1'))),
    );

    const accepted = await api(server.url, 'POST', path('/proposals/pCanada/accept'), {
      token: as('chair'),
    });
    expect(accepted.status).toBe(200);
    const rejected = await api(server.url, 'POST', path('/proposals/pMexico/reject'), {
      token: as('chair'),
    });
    expect(rejected.status).toBe(200);
    const text = 'Member States agree to promote and support small enterprises.';
    expect(await serverText()).toContain(text);
    expect(await proposals()).toEqual([]);
    // Both delegates see the decided text live, without the marks.
    for (const client of [canada, mexico]) {
      await vi.waitFor(() => {
        const delta = operativeText(client.doc, 'op1').toDelta() as { attributes?: object }[];
        expect(plain(operativeText(client.doc, 'op1'))).toBe(text);
        expect(delta.every((op) => !op.attributes)).toBe(true);
      });
    }

    const diff = await api<Comparison>(
      server.url,
      'GET',
      path(`/diff?from=${before.body.id}&to=current`),
      { token: as('chair') },
    );
    expect(diff.body.changes.map((c) => [c.kind, c.text.trim(), c.delegation])).toEqual([
      ['insert', 'and support', 'Canada'],
    ]);
    const versions = await api<VersionInfo[]>(server.url, 'GET', path('/versions'), {
      token: as('chair'),
    });
    const labels = versions.body.map((v) => `${v.label} / ${v.createdBy?.delegation}`);
    expect(labels).toContain('Proposal of Canada accepted: "and support" / Belize');
    expect(labels).toContain('Proposal of Mexico rejected: "small" / Belize');
    const audit = await api<AuditEvent[]>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}/audit`,
      { token: as('chair') },
    );
    expect(audit.body.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['proposal.accepted', 'proposal.rejected']),
    );
  });

  it('[PR3] an accepted deletion is the proposing delegation’s change in the comparison', async () => {
    const before = await api<VersionInfo>(server.url, 'POST', path('/versions'), {
      token: as('chair'),
      json: { label: 'Zero draft' },
    });
    const mexico = await join('mexico');
    operativeText(mexico.doc, 'op1').format(SENTENCE.indexOf('small '), 'small '.length, {
      proposal: mark('mexico', 'delete', 'pSmall'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(1));
    expect(
      (await api(server.url, 'POST', path('/proposals/pSmall/accept'), { token: as('chair') }))
        .status,
    ).toBe(200);
    expect(await serverText()).toContain('Member States agree to promote enterprises.');
    const diff = await api<Comparison>(
      server.url,
      'GET',
      path(`/diff?from=${before.body.id}&to=current`),
      { token: as('chair') },
    );
    expect(diff.body.changes.map((c) => [c.kind, c.text.trim(), c.delegation])).toEqual([
      ['delete', 'small', 'Mexico'],
    ]);
  });

  it('[PR4] in pen-holder mode a delegate’s raw direct edit is refused with 4409 and changes nothing; its own proposal is accepted and relayed', async () => {
    expect((await setMode('penholder')).status).toBe(200);
    const mexico = await join('mexico');
    const canada = await raw('canada');
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => operativeText(d, 'op1').insert(0, 'All ')),
    );
    const closed = await canada.closed;
    expect(closed.code).toBe(CloseCode.refused);
    expect(canada.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.proposalNotAllowed,
    );
    expect(await serverText()).not.toContain('All Member');
    expect(plain(operativeText(mexico.doc, 'op1'))).toBe(SENTENCE);

    const again = await raw('canada');
    again.sendSync(
      2,
      changeOf(again.doc, (d) =>
        operativeText(d, 'op1').insert(0, 'All ', { proposal: mark('canada', 'insert', 'pAll') }),
      ),
    );
    await vi.waitFor(() => expect(plain(operativeText(mexico.doc, 'op1'))).toBe(`All ${SENTENCE}`));
    expect(await proposals('mexico')).toEqual([
      expect.objectContaining({ id: 'pAll', delegations: ['Canada'], text: 'All ' }),
    ]);
    // A direct deletion, and formatting, are refused too.
    const third = await raw('canada');
    third.sendSync(
      2,
      changeOf(third.doc, (d) => operativeText(d, 'op1').delete('All '.length, 'Member '.length)),
    );
    expect((await third.closed).code).toBe(CloseCode.refused);
    const fourth = await raw('canada');
    fourth.sendSync(
      2,
      changeOf(fourth.doc, (d) => operativeText(d, 'op1').format(10, 5, { bold: {} })),
    );
    expect((await fourth.closed).code).toBe(CloseCode.refused);
    expect(await serverText()).toContain(`All ${SENTENCE}`);
  });

  it('[PR5] in proposals mode a delegate deletes only by proposing, withdraws its own insertion by deleting it, and never proposes or unmarks in another’s name', async () => {
    expect((await setMode('proposals')).status).toBe(200);
    const canada = await join('canada');
    const text = operativeText(canada.doc, 'op1');
    text.insert(SENTENCE.length - 1, ' in the region', {
      proposal: mark('canada', 'insert', 'pRegion'),
    });
    text.format(0, 'Member '.length, { proposal: mark('canada', 'delete', 'pMember') });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    // Withdrawing its own insertion: deleting its words.
    text.delete(SENTENCE.length - 1, ' in the region'.length);
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(1));
    expect(canada.closes).not.toContain(CloseCode.refused);

    const mexico = await raw('mexico');
    mexico.sendSync(
      2,
      changeOf(mexico.doc, (d) =>
        operativeText(d, 'op1').format(0, 'Member '.length, { proposal: null }),
      ),
    );
    expect((await mexico.closed).code).toBe(CloseCode.refused);
    const inName = await raw('mexico');
    inName.sendSync(
      2,
      changeOf(inName.doc, (d) =>
        operativeText(d, 'op1').insert(0, 'The ', { proposal: mark('canada', 'insert', 'pFake') }),
      ),
    );
    expect((await inName.closed).code).toBe(CloseCode.refused);
    expect(inName.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.proposalNotAllowed,
    );
    expect(await proposals()).toEqual([expect.objectContaining({ id: 'pMember' })]);
  });

  it('[PR6] only the chair accepts; the proposing delegation may withdraw its own, not another’s; an unknown proposal is 404', async () => {
    const canada = await join('canada');
    const mexico = await join('mexico');
    operativeText(canada.doc, 'op1').insert(0, 'All ', {
      proposal: mark('canada', 'insert', 'pAll'),
    });
    operativeText(mexico.doc, 'op1').format(SENTENCE.indexOf('small'), 5, {
      proposal: mark('mexico', 'delete', 'pSmall'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    const post = (pid: string, verb: string, who: string) =>
      api(server.url, 'POST', path(`/proposals/${pid}/${verb}`), { token: as(who) });
    expect((await post('pAll', 'accept', 'canada')).status).toBe(403);
    expect((await post('pSmall', 'reject', 'canada')).status).toBe(403);
    expect((await post('nothing', 'accept', 'chair')).status).toBe(404);
    expect(await proposals()).toHaveLength(2);
    expect((await post('pAll', 'reject', 'canada')).status).toBe(200);
    expect(await proposals()).toEqual([expect.objectContaining({ id: 'pSmall' })]);
    expect(await serverText()).toContain(SENTENCE);
  });

  it('[PR7] supporters join a proposal through the proposalSupport table, in their own name only; the chair decides all of one delegation at once', async () => {
    const canada = await join('canada');
    const mexico = await join('mexico');
    operativeText(canada.doc, 'op1').insert(0, 'All ', {
      proposal: mark('canada', 'insert', 'pAll'),
    });
    operativeText(canada.doc, 'op1').format(SENTENCE.indexOf('small') + 4, 6, {
      proposal: mark('canada', 'delete', 'pSmall'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    mexico.doc.getMap('proposalSupport').set('pAll:Mexico', true);
    await vi.waitFor(async () =>
      expect((await proposals()).find((p) => p.id === 'pAll')?.delegations).toEqual([
        'Canada',
        'Mexico',
      ]),
    );
    const forger = await raw('mexico');
    forger.sendSync(
      2,
      changeOf(forger.doc, (d) => d.getMap('proposalSupport').set('pSmall:Chile', true)),
    );
    expect((await forger.closed).code).toBe(CloseCode.refused);
    expect(forger.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.sideTable,
    );

    const bulk = await api<ProposalInfo[]>(server.url, 'POST', path('/proposals/accept'), {
      token: as('chair'),
      json: { delegation: 'Canada' },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.map((p) => p.id)).toEqual(['pAll', 'pSmall']);
    expect(await proposals()).toEqual([]);
    expect(await serverText()).toContain('All Member States agree to promote enterprises.');
    expect(
      (await api(server.url, 'POST', path('/proposals/reject'), { token: as('chair'), json: {} }))
        .status,
    ).toBe(422);
  });
});
