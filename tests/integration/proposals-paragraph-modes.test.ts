import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, PARAGRAPH_MODES, RefusalReason } from '@accord/shared';
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

const FIRST = 'To promote small enterprises.';
const SECOND = 'To request a report.';

interface ParagraphMode {
  paragraphId: string;
  mode: string | null;
  inForce: string;
}

/** The update a raw client's doc makes when `change` runs on it. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('per-paragraph drafting modes', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const raws: RawClient[] = [];

  const as = (who: string) => fixture.people[who]!.token;
  const path = (rest = '') => `/api/documents/${fixture.document.id}${rest}`;
  const setParagraphMode = (paragraphId: string, mode: unknown, who = 'chair') =>
    api<ParagraphMode>(server.url, 'PUT', path(`/paragraphs/${paragraphId}/mode`), {
      token: as(who),
      json: { mode },
    });
  const serverText = () => documentText(server.url, fixture.document.id, server.admin);
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
  const join = async (who: string) => {
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
    clients.push(client);
    await whenSynced(client);
    return client;
  };

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Chair Belize' },
      canada: { role: 'delegate', delegation: 'Canada', name: 'Ana Canada' },
      mexico: { role: 'delegate', delegation: 'Mexico', name: 'Luis Mexico' },
    });
    const chair = await join('chair');
    appendOperative(chair.doc, 'op1', FIRST);
    appendOperative(chair.doc, 'op2', SECOND);
    await vi.waitFor(async () => expect(await serverText()).toContain(SECOND));
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[PR13] in an open document, a delegate’s direct edit of a pen-holder paragraph is refused with 4409 and changes nothing; the same edit in the next paragraph is accepted', async () => {
    const set = await setParagraphMode('op1', 'penholder');
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ paragraphId: 'op1', mode: 'penholder', inForce: 'penholder' });
    const mexico = await join('mexico');
    // Mexico's editor sees the paragraph's mode live.
    await vi.waitFor(() => expect(mexico.doc.getMap(PARAGRAPH_MODES).get('op1')).toBe('penholder'));

    const canada = await raw('canada');
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => operativeText(d, 'op1').insert(0, 'Also ')),
    );
    expect((await canada.closed).code).toBe(CloseCode.refused);
    expect(canada.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.proposalNotAllowed,
    );
    expect(await serverText()).not.toContain('Also');
    expect(plain(operativeText(mexico.doc, 'op1'))).toBe(FIRST);

    const again = await raw('canada');
    again.sendSync(
      2,
      changeOf(again.doc, (d) => operativeText(d, 'op2').insert(0, 'Also ')),
    );
    await vi.waitFor(() => expect(plain(operativeText(mexico.doc, 'op2'))).toBe(`Also ${SECOND}`));
    expect(await serverText()).toContain(`Also ${SECOND}`);
    // A proposal of its own delegation is what the pen-holder paragraph takes from a delegate.
    again.sendSync(
      2,
      changeOf(again.doc, (d) =>
        operativeText(d, 'op1').insert(0, 'Firmly ', {
          proposal: {
            kind: 'insert',
            id: 'pFirmly',
            delegations: ['Canada'],
            participant: fixture.people.canada!.id,
          },
        }),
      ),
    );
    await vi.waitFor(() => expect(plain(operativeText(mexico.doc, 'op1'))).toBe(`Firmly ${FIRST}`));

    // Cleared, the paragraph follows the (open) document again.
    expect((await setParagraphMode('op1', null)).body).toEqual({
      paragraphId: 'op1',
      mode: null,
      inForce: 'open',
    });
    const third = await raw('canada');
    third.sendSync(
      2,
      changeOf(third.doc, (d) =>
        operativeText(d, 'op1').insert(plain(operativeText(d, 'op1')).length, ' Now'),
      ),
    );
    await vi.waitFor(async () => expect(await serverText()).toContain(`${FIRST} Now`));
  });

  it('[PR23] words written first and marked as the delegation’s proposal in the same update (as the editor writes them) are accepted in a pen-holder paragraph', async () => {
    await setParagraphMode('op1', 'penholder');
    const mexico = await join('mexico');
    const canada = await raw('canada');
    const at = FIRST.length - 1;
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) =>
        d.transact(() => {
          const text = operativeText(d, 'op1');
          text.insert(at, ' today');
          text.format(at, ' today'.length, {
            proposal: {
              kind: 'insert',
              id: 'pToday',
              delegations: ['Canada'],
              participant: fixture.people.canada!.id,
            },
          });
        }),
      ),
    );
    const proposed = 'To promote small enterprises today.';
    await vi.waitFor(() => expect(plain(operativeText(mexico.doc, 'op1'))).toBe(proposed));
    // Written without the mark, the same words are refused.
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => operativeText(d, 'op1').insert(0, 'Also ')),
    );
    expect((await canada.closed).code).toBe(CloseCode.refused);
    expect(await serverText()).toContain(proposed);
    expect(await serverText()).not.toContain('Also');
  });

  it('[PR14] an open paragraph of a pen-holder document takes a delegate’s direct edit', async () => {
    await api(server.url, 'PUT', path('/mode'), {
      token: as('chair'),
      json: { mode: 'penholder' },
    });
    expect((await setParagraphMode('op2', 'open')).body.inForce).toBe('open');
    const canada = await raw('canada');
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => operativeText(d, 'op2').insert(0, 'Also ')),
    );
    await vi.waitFor(async () => expect(await serverText()).toContain(`Also ${SECOND}`));
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => operativeText(d, 'op1').insert(0, 'Also ')),
    );
    expect((await canada.closed).code).toBe(CloseCode.refused);
    expect(await serverText()).not.toContain(`Also ${FIRST}`);
  });

  it('[PR15] only the chair sets a paragraph’s mode: a delegate’s request is 403 and its raw update is refused; a bad mode or unknown paragraph changes nothing', async () => {
    expect((await setParagraphMode('op1', 'penholder', 'canada')).status).toBe(403);
    const bad = await setParagraphMode('op1', 'anarchy');
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { field: 'mode' } });
    expect((await setParagraphMode('nowhere', 'penholder')).status).toBe(404);

    const canada = await raw('canada');
    canada.sendSync(
      2,
      changeOf(canada.doc, (d) => d.getMap(PARAGRAPH_MODES).set('op2', 'open')),
    );
    expect((await canada.closed).code).toBe(CloseCode.refused);
    expect(canada.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.sideTable,
    );
    const listed = await api<ParagraphMode[]>(server.url, 'GET', path('/paragraph-modes'), {
      token: as('mexico'),
    });
    expect(listed.body).toEqual([]);

    // The chair's setting is durable and listed for every participant.
    await setParagraphMode('op2', 'proposals');
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir: server.dataDir });
    const after = await api<ParagraphMode[]>(server.url, 'GET', path('/paragraph-modes'), {
      token: as('mexico'),
    });
    expect(after.body).toEqual([{ paragraphId: 'op2', mode: 'proposals', inForce: 'proposals' }]);
  });
});
