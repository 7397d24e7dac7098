import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  type AuditEvent,
  type ProposalAttributes,
  type ProposalInfo,
  type VersionInfo,
} from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  body,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

const SENTENCE = 'Member States agree to promote small enterprises.';

type Decided = ProposalInfo & { decision: string };

describe('undoing a decision on proposals', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];

  const as = (who: string) => fixture.people[who]!.token;
  const path = (rest = '') => `/api/documents/${fixture.document.id}${rest}`;
  const join = async (who: string) => {
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const mark = (who: string, kind: 'insert' | 'delete', id: string): ProposalAttributes => ({
    kind,
    id,
    delegations: [fixture.people[who]!.delegation!],
    participant: fixture.people[who]!.id,
  });
  const proposals = async () =>
    (await api<ProposalInfo[]>(server.url, 'GET', path('/proposals'), { token: as('chair') })).body;
  const serverText = () => documentText(server.url, fixture.document.id, server.admin);
  const undo = (decision: string, who = 'chair') =>
    api<{ decision: string; proposals: ProposalInfo[]; version: VersionInfo }>(
      server.url,
      'POST',
      path(`/proposals/decisions/${decision}/undo`),
      { token: as(who) },
    );
  /** The runs of a paragraph, attributes and all: what "exactly as they were" compares. */
  const runs = (doc: Y.Doc, id: string) => JSON.stringify(operativeText(doc, id).toDelta());

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
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[PR16] undoing a paragraph’s decision brings back its proposals exactly (marks, words, supporters) for everyone; the history records the decision and its undo', async () => {
    const canada = await join('canada');
    const mexico = await join('mexico');
    const at = SENTENCE.indexOf('small');
    operativeText(canada.doc, 'op1').insert(at, 'and support ', {
      proposal: mark('canada', 'insert', 'pSupport'),
    });
    operativeText(mexico.doc, 'op1').format(SENTENCE.indexOf('promote'), 'promote '.length, {
      proposal: mark('mexico', 'delete', 'pPromote'),
    });
    canada.doc.getMap('proposalSupport').set('pPromote:Canada', true);
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    const before = await proposals();
    await vi.waitFor(() => expect(runs(mexico.doc, 'op1')).toBe(runs(canada.doc, 'op1')));
    const runsBefore = runs(mexico.doc, 'op1');

    // The chair accepts every proposal in the paragraph: one decision.
    const decided = await api<Decided[]>(server.url, 'POST', path('/proposals/accept'), {
      token: as('chair'),
      json: { paragraphId: 'op1' },
    });
    expect(decided.status).toBe(200);
    const decision = decided.body[0]!.decision;
    expect(decided.body.map((p) => p.decision)).toEqual([decision, decision]);
    const accepted = 'Member States agree to and support small enterprises.';
    expect(await serverText()).toContain(accepted);
    expect(await proposals()).toEqual([]);
    expect(canada.doc.getMap('proposalSupport').get('pPromote:Canada')).toBeUndefined();

    const undone = await undo(decision);
    expect(undone.status).toBe(200);
    expect(undone.body.proposals.map((p) => p.id).sort()).toEqual(['pPromote', 'pSupport']);
    expect(await proposals()).toEqual(before);
    // Every client holds the very runs it held before the decision, supporters included.
    for (const client of [canada, mexico]) {
      await vi.waitFor(() => expect(runs(client.doc, 'op1')).toBe(runsBefore));
      expect(client.doc.getMap('proposalSupport').get('pPromote:Canada')).toBe(true);
    }

    const versions = await api<VersionInfo[]>(server.url, 'GET', path('/versions'), {
      token: as('mexico'),
    });
    const labels = versions.body.map((v) => `${v.label} / ${v.createdBy?.delegation}`);
    expect(labels).toContain('2 proposals of Mexico, Canada accepted / Belize');
    expect(labels).toContain('Undone: 2 proposals of Mexico, Canada accepted / Belize');
    const audit = await api<AuditEvent[]>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}/audit`,
      { token: as('chair') },
    );
    expect(audit.body.filter((e) => e.kind === 'proposal.undone')).toHaveLength(1);
    const listed = await api<{ id: string; undone: boolean }[]>(
      server.url,
      'GET',
      path('/proposals/decisions'),
      { token: as('mexico') },
    );
    expect(listed.body).toEqual([expect.objectContaining({ id: decision, undone: true })]);
    // Undone once: a second undo says so and changes nothing.
    const twice = await undo(decision);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'decision_undone' } });
    expect(runs(mexico.doc, 'op1')).toBe(runsBefore);
  });

  it('[PR17] undoing the rejection of a paragraph proposed whole brings the paragraph back with its id and its proposal', async () => {
    const canada = await join('canada');
    const element = new Y.XmlElement('operative');
    element.setAttribute('id', 'opNew');
    element.setAttribute('status', 'pending');
    const text = new Y.XmlText();
    text.insert(0, 'To create a regional fund.', {
      proposal: mark('canada', 'insert', 'pFund'),
    });
    element.insert(0, [text]);
    body(canada.doc).push([element]);
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(1));
    const runsBefore = runs(canada.doc, 'opNew');

    const rejected = await api<Decided>(server.url, 'POST', path('/proposals/pFund/reject'), {
      token: as('chair'),
    });
    expect(rejected.status).toBe(200);
    await vi.waitFor(() =>
      expect(blockTexts(canada.doc)).not.toContain('To create a regional fund.'),
    );

    expect((await undo(rejected.body.decision)).status).toBe(200);
    await vi.waitFor(() => expect(runs(canada.doc, 'opNew')).toBe(runsBefore));
    const texts = blockTexts(canada.doc);
    expect(texts.indexOf('To create a regional fund.')).toBe(texts.indexOf(SENTENCE) + 1);
    expect(await proposals()).toEqual([
      expect.objectContaining({ id: 'pFund', paragraphId: 'opNew', delegations: ['Canada'] }),
    ]);
  });

  it('[PR18] a decision whose paragraph changed since cannot be undone: a sentence says why and nothing changes', async () => {
    const canada = await join('canada');
    operativeText(canada.doc, 'op1').insert(0, 'All ', {
      proposal: mark('canada', 'insert', 'pAll'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(1));
    const rejected = await api<Decided>(server.url, 'POST', path('/proposals/pAll/reject'), {
      token: as('chair'),
    });
    expect(rejected.status).toBe(200);
    await vi.waitFor(() => expect(operativeText(canada.doc, 'op1').toString()).toBe(SENTENCE));
    operativeText(canada.doc, 'op1').insert(SENTENCE.length - 1, ' today');
    const changed = 'Member States agree to promote small enterprises today.';
    await vi.waitFor(async () => expect(await serverText()).toContain(changed));

    const refused = await undo(rejected.body.decision);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: {
        code: 'decision_superseded',
        message:
          'This decision can no longer be undone: the paragraph beginning “All Member States agree to promote small” has changed since.',
      },
    });
    expect(await serverText()).toContain(changed);
    expect(await proposals()).toEqual([]);
  });

  it('[PR19] only the chair, or the delegation that withdrew, undoes a decision; an unknown decision is 404', async () => {
    const canada = await join('canada');
    operativeText(canada.doc, 'op1').insert(0, 'All ', {
      proposal: mark('canada', 'insert', 'pAll'),
    });
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(1));
    const withdrawn = await api<Decided>(server.url, 'POST', path('/proposals/pAll/reject'), {
      token: as('canada'),
    });
    expect(withdrawn.status).toBe(200);
    expect((await undo(withdrawn.body.decision, 'mexico')).status).toBe(403);
    expect((await undo('vNoSuchDecision')).status).toBe(404);
    expect(await proposals()).toEqual([]);
    expect((await undo(withdrawn.body.decision, 'canada')).status).toBe(200);
    expect(await proposals()).toEqual([expect.objectContaining({ id: 'pAll', text: 'All ' })]);
  });
});
