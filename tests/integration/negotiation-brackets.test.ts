import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  MessageType,
  RefusalReason,
  type NegotiationHistory,
  type NodeJSON,
} from '@accord/shared';
import type { Comparison } from '@accord/shared/comparison';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

/** The update `change` makes on `doc`. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

interface BracketRun {
  text: string;
  id: unknown;
  delegations: string[];
}

describe('negotiation: brackets held by delegations', () => {
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

  /** The bracketed runs of the JSON content, as a reader of the API sees them. */
  async function brackets(): Promise<BracketRun[]> {
    const answer = await api<NodeJSON>(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/content`,
      { token: server.admin },
    );
    expect(answer.status).toBe(200);
    const runs: BracketRun[] = [];
    for (const block of answer.body.content ?? []) {
      for (const node of block.content ?? []) {
        const mark = node.marks?.find((m) => m.type === 'bracket');
        if (mark) {
          runs.push({
            text: node.text ?? '',
            id: mark.attrs?.id,
            delegations: mark.attrs?.delegations as string[],
          });
        }
      }
    }
    return runs;
  }

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
      ecuador: { role: 'delegate', delegation: 'Ecuador' },
    });
    const ecuador = await join('ecuador');
    ecuador.doc.transact(() => {
      appendOperative(ecuador.doc, 'op-urge', 'To urge member states to act');
      operativeText(ecuador.doc, 'op-urge').format(8, 13, {
        bracket: { id: 'br-1', delegations: ['Ecuador'] },
      });
    });
    await vi.waitFor(async () =>
      expect(await brackets()).toEqual([
        { text: 'member states', id: 'br-1', delegations: ['Ecuador'] },
      ]),
    );
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const client of raws.splice(0)) client.close();
    await server.stop();
  });

  it('[NB1] two delegations joining a bracket at the same moment both stay on it', async () => {
    const chile = await join('chile');
    const peru = await join('peru');
    // One tick: neither client has seen the other's change when it makes its own.
    chile.doc.getMap('bracketSponsors').set('br-1:Chile', true);
    peru.doc.getMap('bracketSponsors').set('br-1:Peru', true);
    await vi.waitFor(async () =>
      expect((await brackets())[0]?.delegations.sort()).toEqual(['Chile', 'Ecuador', 'Peru']),
    );
    // Every client converged on the same holders.
    for (const client of [chile, peru]) {
      expect([...client.doc.getMap('bracketSponsors').keys()].sort()).toEqual([
        'br-1:Chile',
        'br-1:Peru',
      ]);
    }
  });

  it('[NB2] a delegation joins or leaves a bracket only in its own name', async () => {
    const chile = await raw('chile');
    const update = changeOf(chile.doc, (d) => d.getMap('bracketSponsors').set('br-1:Peru', true));
    chile.sendSync(2, update);
    const closed = await chile.closed;
    expect(closed.code).toBe(CloseCode.refused);
    expect(chile.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.sideTable,
    );
    expect((await brackets())[0]?.delegations).toEqual(['Ecuador']);
  });

  it('[NB3] a delegate cannot remove a bracket another delegation joined; the chair removes it', async () => {
    const peru = await join('peru');
    peru.doc.getMap('bracketSponsors').set('br-1:Peru', true);
    await vi.waitFor(async () =>
      expect((await brackets())[0]?.delegations).toEqual(['Ecuador', 'Peru']),
    );

    // Ecuador placed it, but Peru holds it too: Ecuador alone may not lift it.
    const ecuador = await raw('ecuador');
    const unbracket = changeOf(ecuador.doc, (d) =>
      operativeText(d, 'op-urge').format(8, 13, { bracket: null }),
    );
    ecuador.sendSync(2, unbracket);
    expect((await ecuador.closed).code).toBe(CloseCode.refused);
    expect(ecuador.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.bracketNotAllowed,
    );
    expect(await brackets()).toHaveLength(1);

    const chair = await join('chair');
    chair.doc.transact(() => {
      operativeText(chair.doc, 'op-urge').format(8, 13, { bracket: null });
      chair.doc.getMap('bracketSponsors').delete('br-1:Peru');
    });
    await vi.waitFor(async () => expect(await brackets()).toEqual([]));
    await vi.waitFor(() => expect(peru.doc.getMap('bracketSponsors').size).toBe(0));
    expect(blockTexts(peru.doc)).toContain('To urge member states to act');
  });

  /** The bracketed runs of one paragraph, text and sorted delegations. */
  async function runsOf(paragraphId: string): Promise<[string, string[]][]> {
    const answer = await api<NodeJSON>(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/content`,
      { token: server.admin },
    );
    const block = answer.body.content?.find((b) => b.attrs?.id === paragraphId);
    const runs: [string, string[]][] = [];
    for (const node of block?.content ?? []) {
      const mark = node.marks?.find((m) => m.type === 'bracket');
      if (mark) runs.push([node.text ?? '', [...(mark.attrs?.delegations as string[])].sort()]);
    }
    return runs;
  }

  /** A second paragraph, seen by every client given. */
  async function withParagraph(text: string, ...seen: Y.Doc[]) {
    const chair = await join('chair');
    chair.doc.transact(() => appendOperative(chair.doc, 'op-call', text));
    for (const doc of seen) {
      await vi.waitFor(() => expect(blockTexts(doc)).toContain(text));
    }
  }

  it('[NB16] two delegations bracketing overlapping words at the same moment both stay, both named where they overlap; the comparison shows who placed and who removed them', async () => {
    const chile = await join('chile');
    const peru = await join('peru');
    await withParagraph('To call on member states to act now', chile.doc, peru.doc);
    const version = await api<{ id: string }>(
      server.url,
      'POST',
      `/api/documents/${fixture.document.id}/versions`,
      { token: fixture.people.chair!.token, json: { label: 'Before the reading' } },
    );
    expect(version.status).toBe(201);
    // One tick: neither has seen the other's bracket when it places its own.
    operativeText(chile.doc, 'op-call').format(11, 13, {
      bracket: { id: 'br-chile', delegations: ['Chile'] },
    });
    operativeText(peru.doc, 'op-call').format(18, 13, {
      bracket: { id: 'br-peru', delegations: ['Peru'] },
    });
    const expected: [string, string[]][] = [
      ['member ', ['Chile']],
      ['states', ['Chile', 'Peru']],
      [' to act', ['Peru']],
    ];
    await vi.waitFor(async () => expect(await runsOf('op-call')).toEqual(expected), {
      timeout: 10_000,
    });
    // Nobody was refused, and both editors show the same brackets as the server.
    expect([...chile.closes, ...peru.closes]).toEqual([]);
    const delta = (doc: Y.Doc) => JSON.stringify(operativeText(doc, 'op-call').toDelta());
    await vi.waitFor(() => {
      expect(delta(chile.doc)).toBe(delta(peru.doc));
      expect(delta(chile.doc)).toContain('"Chile","Peru"');
    });

    // The chair lifts every bracket of the paragraph once the text is agreed.
    const chair = clients.at(-1)!;
    await vi.waitFor(() => expect(delta(chair.doc)).toBe(delta(chile.doc)));
    chair.doc.transact(() => operativeText(chair.doc, 'op-call').format(0, 35, { bracket: null }));
    await vi.waitFor(async () => expect(await runsOf('op-call')).toEqual([]));

    const diff = await api<Comparison>(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/diff?from=${version.body.id}`,
      { token: fixture.people.peru!.token },
    );
    expect(diff.status).toBe(200);
    const said = (diff.body.negotiation ?? []).map((c) => [
      c.kind,
      c.delegation,
      c.text,
      [...(c.delegations ?? [])].sort().join('+'),
    ]);
    // Whichever arrived second placed the shared words in both names, with its own remainder.
    const placed = said.filter(([kind]) => kind === 'bracketPlaced');
    expect(placed.map(([, by]) => by)).toEqual(expect.arrayContaining(['Chile', 'Peru']));
    expect(placed.filter(([, , text]) => String(text).includes('states'))).toContainEqual([
      'bracketPlaced',
      expect.any(String),
      'states',
      'Chile+Peru',
    ]);
    expect(said).toContainEqual(['bracketRemoved', 'Belize', 'states', 'Chile+Peru']);
    expect(said).toContainEqual(['bracketRemoved', 'Belize', 'member ', 'Chile']);
    expect(said).toContainEqual(['bracketRemoved', 'Belize', ' to act', 'Peru']);
    expect(said.filter(([kind]) => kind === 'statusChanged')).toEqual([]);
  });

  it('[NB18] the negotiation history names every bracket and status change with its delegation', async () => {
    const chair = await join('chair');
    const peru = await join('peru');
    peru.doc.getMap('bracketSponsors').set('br-1:Peru', true);
    await vi.waitFor(async () =>
      expect((await brackets())[0]?.delegations).toEqual(['Ecuador', 'Peru']),
    );
    chair.doc.transact(() => {
      const paragraph = operativeText(chair.doc, 'op-urge').parent as Y.XmlElement;
      paragraph.setAttribute('status', 'agreed');
    });
    const history = async () =>
      (
        await api<NegotiationHistory>(
          server.url,
          'GET',
          `/api/documents/${fixture.document.id}/negotiation`,
          { token: fixture.people.chile!.token },
        )
      ).body.changes.map((c) => ({
        kind: c.kind,
        paragraphId: c.paragraphId,
        delegation: c.delegation,
        delegations: c.delegations,
        from: c.from,
        to: c.to,
      }));
    await vi.waitFor(async () =>
      expect(await history()).toEqual([
        {
          kind: 'bracketPlaced',
          paragraphId: 'op-urge',
          delegation: 'Ecuador',
          delegations: ['Ecuador'],
          from: undefined,
          to: undefined,
        },
        {
          kind: 'bracketJoined',
          paragraphId: 'op-urge',
          delegation: 'Peru',
          delegations: ['Peru'],
          from: undefined,
          to: undefined,
        },
        {
          kind: 'statusChanged',
          paragraphId: 'op-urge',
          delegation: 'Belize',
          delegations: undefined,
          from: 'pending',
          to: 'agreed',
        },
      ]),
    );
    const observer = await api(server.url, 'GET', `/api/documents/no-such-document/negotiation`, {
      token: fixture.people.chile!.token,
    });
    expect(observer.status).toBe(404);
  });

  for (const first of ['chile', 'peru'] as const) {
    it(`[NB17] a bracket that covers another placed at the same moment keeps its whole length (${first} arrives first)`, async () => {
      const chile = await raw('chile');
      const peru = await raw('peru');
      await withParagraph('To call on member states to act now', chile.doc, peru.doc);
      // Made on the same state: Chile brackets "member states to act", Peru "states" inside it.
      const updates = {
        chile: changeOf(chile.doc, (d) =>
          operativeText(d, 'op-call').format(11, 20, {
            bracket: { id: 'br-chile', delegations: ['Chile'] },
          }),
        ),
        peru: changeOf(peru.doc, (d) =>
          operativeText(d, 'op-call').format(18, 6, {
            bracket: { id: 'br-peru', delegations: ['Peru'] },
          }),
        ),
      };
      const second = first === 'chile' ? 'peru' : 'chile';
      ({ chile, peru })[first].sendSync(2, updates[first]);
      await vi.waitFor(async () => expect(await runsOf('op-call')).toHaveLength(1));
      ({ chile, peru })[second].sendSync(2, updates[second]);
      await vi.waitFor(async () =>
        expect(await runsOf('op-call')).toEqual([
          ['member ', ['Chile']],
          ['states', ['Chile', 'Peru']],
          [' to act', ['Chile']],
        ]),
      );
      expect(chile.received.some((m) => m.type === MessageType.auth)).toBe(false);
      expect(peru.received.some((m) => m.type === MessageType.auth)).toBe(false);
    });
  }

  it('[NB4] a delegate removes a bracket only its own delegation holds', async () => {
    const ecuador = await join('ecuador');
    ecuador.doc.transact(() =>
      operativeText(ecuador.doc, 'op-urge').format(8, 13, { bracket: null }),
    );
    await vi.waitFor(async () => expect(await brackets()).toEqual([]));
    expect(ecuador.closes).toEqual([]);
  });
});
