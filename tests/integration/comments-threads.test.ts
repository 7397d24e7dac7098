import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  COMMENTS_TABLE,
  MessageType,
  RefusalReason,
  type CommentEntry,
  type CommentThread,
} from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
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

const PHRASE = 'micro, small and medium-sized enterprises';
const SENTENCE = `To support ${PHRASE} in the region.`;

/** The phrase a thread's anchor covers now, in this client's copy. */
function anchoredText(doc: Y.Doc, entry: CommentEntry): string {
  if (!entry.anchor) throw new Error('the comment has no anchor');
  const start = Y.createAbsolutePositionFromRelativePosition(
    Y.createRelativePositionFromJSON(entry.anchor.start),
    doc,
  );
  const end = Y.createAbsolutePositionFromRelativePosition(
    Y.createRelativePositionFromJSON(entry.anchor.end),
    doc,
  );
  if (!start || !end) throw new Error('the anchor points nowhere');
  return plain(start.type as Y.XmlText).slice(start.index, end.index);
}

function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('comment threads', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const raws: RawClient[] = [];
  const live = async (who: string) => {
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people[who]!.token);
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const path = (rest = '') => `/api/documents/${fixture.document.id}/comments${rest}`;
  const as = (who: string) => fixture.people[who]!.token;
  const threads = async (who = 'chair') => {
    const answer = await api<CommentThread[]>(server.url, 'GET', path(), { token: as(who) });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
      observer: { role: 'observer', delegation: 'Spain' },
    });
    const writer = await live('chile');
    appendOperative(writer.doc, 'p-msme', SENTENCE);
    await vi.waitFor(async () => {
      const text = await api<string>(
        server.url,
        'GET',
        `/api/documents/${fixture.document.id}/content?format=text`,
        { token: server.admin },
      );
      expect(text.body).toContain(SENTENCE);
    });
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[CT1] a comment made over HTTP reaches connected editors at once, and one made live is listed over HTTP', async () => {
    const peru = await live('peru');
    const made = await api<CommentThread>(server.url, 'POST', path(), {
      token: as('chile'),
      json: { paragraphId: 'p-msme', quote: PHRASE, text: 'Add "cooperatives".' },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      paragraphId: 'p-msme',
      quote: PHRASE,
      text: 'Add "cooperatives".',
      participant: fixture.people.chile!.id,
      delegation: 'Chile',
      resolved: false,
      replies: [],
    });
    await vi.waitFor(() => expect(peru.doc.getMap(COMMENTS_TABLE).has(made.body.id)).toBe(true));
    const entry = peru.doc.getMap(COMMENTS_TABLE).get(made.body.id) as CommentEntry;
    expect(anchoredText(peru.doc, entry)).toBe(PHRASE);

    // Peru replies from its editor: the reply is listed under the thread over HTTP.
    const reply: CommentEntry = {
      id: 'r-peru-1',
      paragraphId: 'p-msme',
      quote: '',
      text: 'Peru supports this.',
      participant: fixture.people.peru!.id,
      delegation: 'Peru',
      createdAt: new Date().toISOString(),
      resolved: false,
      parent: made.body.id,
    };
    peru.doc.getMap(COMMENTS_TABLE).set(reply.id, reply);
    await vi.waitFor(async () =>
      expect((await threads('observer'))[0]?.replies).toEqual([
        {
          id: 'r-peru-1',
          text: 'Peru supports this.',
          participant: fixture.people.peru!.id,
          delegation: 'Peru',
          createdAt: reply.createdAt,
        },
      ]),
    );
    expect(peru.closes).toEqual([]);
  });

  it('[CT2] replies, resolve and reopen over HTTP; the chair resolves, a delegate may not resolve another delegation’s thread', async () => {
    const watcher = await live('peru');
    const made = await api<CommentThread>(server.url, 'POST', path(), {
      token: as('chile'),
      json: { paragraphId: 'p-msme', text: 'Too broad.' },
    });
    const id = made.body.id;
    const reply = await api(server.url, 'POST', path(`/${id}/replies`), {
      token: as('peru'),
      json: { text: 'Agree.' },
    });
    expect(reply.status).toBe(201);
    const refused = await api(server.url, 'POST', path(`/${id}/resolve`), { token: as('peru') });
    expect(refused.status).toBe(403);
    expect((await threads())[0]?.resolved).toBe(false);

    const resolved = await api<CommentThread>(server.url, 'POST', path(`/${id}/resolve`), {
      token: as('chair'),
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: fixture.people.chair!.id });
    await vi.waitFor(() =>
      expect((watcher.doc.getMap(COMMENTS_TABLE).get(id) as CommentEntry).resolved).toBe(true),
    );
    const reopened = await api<CommentThread>(server.url, 'POST', path(`/${id}/reopen`), {
      token: as('chile'),
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.resolved).toBe(false);
    expect(reopened.body.replies.map((r) => r.text)).toEqual(['Agree.']);
  });

  it('[CT3] a comment stays on its phrase after concurrent edits before and inside it, and after a restart', async () => {
    const made = await api<CommentThread>(server.url, 'POST', path(), {
      token: as('chile'),
      json: { paragraphId: 'p-msme', quote: PHRASE, text: 'Define these.' },
    });
    const chile = await live('chile');
    const peru = await live('peru');
    await vi.waitFor(() => expect(peru.doc.getMap(COMMENTS_TABLE).has(made.body.id)).toBe(true));
    // At the same moment: Chile types before the phrase, Peru inside it.
    chile.provider.disconnect();
    peru.provider.disconnect();
    operativeText(chile.doc, 'p-msme').insert('To support '.length, 'and strengthen ');
    operativeText(peru.doc, 'p-msme').insert(SENTENCE.indexOf('medium-sized'), 'women-led ');
    chile.provider.connect();
    peru.provider.connect();
    const expected = 'micro, small and women-led medium-sized enterprises';
    const expectedSentence = `To support and strengthen ${expected} in the region.`;
    for (const client of [chile, peru]) {
      await vi.waitFor(() =>
        expect(plain(operativeText(client.doc, 'p-msme'))).toBe(expectedSentence),
      );
      const entry = client.doc.getMap(COMMENTS_TABLE).get(made.body.id) as CommentEntry;
      expect(anchoredText(client.doc, entry)).toBe(expected);
    }

    for (const client of clients.splice(0)) client.destroy();
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir: server.dataDir });
    const after = await live('observer');
    const entry = after.doc.getMap(COMMENTS_TABLE).get(made.body.id) as CommentEntry;
    expect(anchoredText(after.doc, entry)).toBe(expected);
    expect((await threads('observer')).map((t) => t.text)).toEqual(['Define these.']);
  });

  it('[CT4] a comment in another participant’s name is refused (4409 entry_not_allowed) and stored nowhere', async () => {
    const raw = await RawClient.connect(server.wsUrl, fixture.document.id, as('peru'));
    raws.push(raw);
    await raw.sync();
    const forged = changeOf(raw.doc, (doc) =>
      doc.getMap(COMMENTS_TABLE).set('forged', {
        id: 'forged',
        paragraphId: 'p-msme',
        quote: '',
        text: 'Chile withdraws.',
        participant: fixture.people.chile!.id,
        delegation: 'Chile',
        createdAt: new Date().toISOString(),
        resolved: false,
      }),
    );
    raw.sendSync(2, forged);
    expect((await raw.closed).code).toBe(CloseCode.refused);
    expect(raw.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.sideTable,
    );
    expect(await threads()).toEqual([]);
  });

  it('[CT5] a delegate cannot resolve another delegation’s thread from a raw client either', async () => {
    const made = await api<CommentThread>(server.url, 'POST', path(), {
      token: as('chile'),
      json: { paragraphId: 'p-msme', text: 'Chile reserves its position.' },
    });
    const raw = await RawClient.connect(server.wsUrl, fixture.document.id, as('peru'));
    raws.push(raw);
    await raw.sync();
    const stored = raw.doc.getMap(COMMENTS_TABLE).get(made.body.id) as CommentEntry;
    raw.sendSync(
      2,
      changeOf(raw.doc, (doc) =>
        doc.getMap(COMMENTS_TABLE).set(made.body.id, {
          ...stored,
          resolved: true,
          resolvedBy: fixture.people.peru!.id,
          resolvedAt: new Date().toISOString(),
        }),
      ),
    );
    expect((await raw.closed).code).toBe(CloseCode.refused);
    expect((await threads())[0]?.resolved).toBe(false);
  });

  it('[CT6] observers read threads but cannot write them, over HTTP or live', async () => {
    await api(server.url, 'POST', path(), {
      token: as('chile'),
      json: { paragraphId: 'p-msme', text: 'Visible to all.' },
    });
    expect((await threads('observer')).map((t) => t.text)).toEqual(['Visible to all.']);
    const refused = await api<{ error: { code: string } }>(server.url, 'POST', path(), {
      token: as('observer'),
      json: { paragraphId: 'p-msme', text: 'Observer note.' },
    });
    expect(refused.status).toBe(403);
    const raw = await RawClient.connect(server.wsUrl, fixture.document.id, as('observer'));
    raws.push(raw);
    await raw.sync();
    raw.sendSync(
      2,
      changeOf(raw.doc, (doc) =>
        doc.getMap(COMMENTS_TABLE).set('obs', {
          id: 'obs',
          paragraphId: 'p-msme',
          quote: '',
          text: 'Observer note.',
          participant: fixture.people.observer!.id,
          delegation: 'Spain',
          createdAt: new Date().toISOString(),
          resolved: false,
        }),
      ),
    );
    expect((await raw.closed).code).toBe(CloseCode.refused);
    expect(raw.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.readOnly,
    );
    expect((await threads()).map((t) => t.text)).toEqual(['Visible to all.']);
  });

  it('[CT7] bad comment requests get a clear error and change nothing', async () => {
    const cases: [string, unknown, number, string][] = [
      [path(), { paragraphId: 'p-msme', text: '   ' }, 422, 'text'],
      [path(), { paragraphId: 'p-msme', text: 'x'.repeat(4001) }, 422, 'text'],
      [path(), { paragraphId: 'no-such', text: 'Hello' }, 422, 'paragraphId'],
      [path(), { paragraphId: '../x', text: 'Hello' }, 422, 'paragraphId'],
      [path('/nope/replies'), { text: 'Hello' }, 404, ''],
      [path('/nope/resolve'), {}, 404, ''],
    ];
    for (const [where, json, status, field] of cases) {
      const answer = await api<{ error: { code: string; message: string; field?: string } }>(
        server.url,
        'POST',
        where,
        { token: as('chile'), json },
      );
      expect(answer.status, where).toBe(status);
      expect(answer.body.error.message.length).toBeGreaterThan(0);
      if (field) expect(answer.body.error.field).toBe(field);
    }
    expect(await threads()).toEqual([]);
  });
});
