import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, RefusalReason, type NodeJSON } from '@accord/shared';
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

  it('[NB4] a delegate removes a bracket only its own delegation holds', async () => {
    const ecuador = await join('ecuador');
    ecuador.doc.transact(() =>
      operativeText(ecuador.doc, 'op-urge').format(8, 13, { bracket: null }),
    );
    await vi.waitFor(async () => expect(await brackets()).toEqual([]));
    expect(ecuador.closes).toEqual([]);
  });
});
