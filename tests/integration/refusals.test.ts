import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, RefusalReason } from '@accord/shared';
import { api, setUpMeeting, type Fixture, documentText } from './support/api';
import {
  appendOperative,
  blockTexts,
  body,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

/** The update a raw client's doc makes when `change` runs on it. */
function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('relay: refusing updates', () => {
  let server: TestServer;
  let fixture: Fixture;
  let watcher: Client;
  const raws: RawClient[] = [];
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
  const serverText = async () => await documentText(server.url, fixture.document.id, server.admin);

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
      observer: { role: 'observer', delegation: 'Spain' },
    });
    watcher = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    await whenSynced(watcher);
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    watcher.destroy();
    await server.stop();
  });

  it("[U1] an observer's edit is refused whole with 4409 and reaches no one, not even storage", async () => {
    const observer = await raw('observer');
    observer.sendSync(
      2,
      changeOf(observer.doc, (d) => appendOperative(d, 'op-obs', 'Observer text')),
    );
    const closed = await observer.closed;
    expect(closed.code).toBe(CloseCode.refused);
    expect(observer.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.readOnly,
    );
    // A later edit by a delegate arrives, the observer's never did.
    appendOperative(watcher.doc, 'op-chile', 'Delegate text');
    await vi.waitFor(async () => expect(await serverText()).toContain('Delegate text'));
    expect(await serverText()).not.toContain('Observer text');
    expect(blockTexts(watcher.doc)).not.toContain('Observer text');
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir: server.dataDir });
    expect(await serverText()).toContain('Delegate text');
    expect(await serverText()).not.toContain('Observer text');
  });

  it("[U2] an observer's empty sync answer (with the document's delete set) is not a change", async () => {
    // Make the document hold a deletion, so every sync answer carries a non-empty delete set.
    appendOperative(watcher.doc, 'op-del', 'To be deleted');
    body(watcher.doc).delete(body(watcher.doc).length - 1, 1);
    await vi.waitFor(async () => expect(await serverText()).not.toContain('To be deleted'));
    const observer = await raw('observer');
    const serverVector = observer.received.find((m) => m.type === MessageType.sync && m.step === 0);
    observer.sendSync(1, Y.encodeStateAsUpdate(observer.doc, serverVector?.payload));
    // Still connected: it gets an answer to a fresh request.
    const answers = observer.received.length;
    observer.sendSync(0, Y.encodeStateVector(observer.doc));
    await observer.until(
      (m) => m.type === MessageType.sync && m.step === 1 && observer.received.indexOf(m) >= answers,
    );
    expect(observer.socket.readyState).toBe(observer.socket.OPEN);
  });

  it('[U3] every edit to a locked document is refused, for every role; unlocking allows it again', async () => {
    const chair = await raw('chair');
    const locked = await api(server.url, 'POST', `/api/documents/${fixture.document.id}/lock`, {
      token: fixture.people.chair!.token,
    });
    expect(locked.body).toMatchObject({ status: 'locked' });
    chair.sendSync(
      2,
      changeOf(chair.doc, (d) => appendOperative(d, 'op-late', 'Too late')),
    );
    expect((await chair.closed).code).toBe(CloseCode.refused);
    expect(chair.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.locked,
    );
    expect(await serverText()).not.toContain('Too late');

    await api(server.url, 'POST', `/api/documents/${fixture.document.id}/unlock`, {
      token: fixture.people.chair!.token,
    });
    const again = await raw('chair');
    again.sendSync(
      2,
      changeOf(again.doc, (d) => appendOperative(d, 'op-ok', 'Now accepted')),
    );
    await vi.waitFor(async () => expect(await serverText()).toContain('Now accepted'));
  });

  it('[U4] a Yjs client id first used by one participant is refused to another', async () => {
    const chile = await raw('chile');
    const clientId = chile.doc.clientID;
    chile.sendSync(
      2,
      changeOf(chile.doc, (d) => appendOperative(d, 'op-a', 'From Chile')),
    );
    await vi.waitFor(async () => expect(await serverText()).toContain('From Chile'));

    const peru = await raw('peru');
    const impostor = new Y.Doc();
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(peru.doc));
    // Set after loading: Yjs picks a new id when it sees its own in a remote update.
    impostor.clientID = clientId;
    peru.sendSync(
      2,
      changeOf(impostor, (d) => appendOperative(d, 'op-b', 'Posing as Chile')),
    );
    expect((await peru.closed).code).toBe(CloseCode.refused);
    expect(peru.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.foreignClient,
    );
    expect(await serverText()).not.toContain('Posing as Chile');

    // The same holds for awareness.
    const peru2 = await raw('peru');
    peru2.sendAwareness(clientId, 99, { user: { name: 'Chile' } });
    expect((await peru2.closed).code).toBe(CloseCode.refused);
  });

  it("[U5] only a chair may set a paragraph's status", async () => {
    const chile = await raw('chile');
    const firstId = () => {
      const element = body(chile.doc)
        .toArray()
        .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative');
      if (!element) throw new Error('template has no operative paragraph');
      return element;
    };
    chile.sendSync(
      2,
      changeOf(chile.doc, () => firstId().setAttribute('status', 'agreed')),
    );
    expect((await chile.closed).code).toBe(CloseCode.refused);
    expect(chile.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.statusNotAllowed,
    );
    // A new paragraph of a delegate's may start as pending.
    const peru = await raw('peru');
    peru.sendSync(
      2,
      changeOf(peru.doc, (d) => appendOperative(d, 'op-new', 'New and pending')),
    );
    await vi.waitFor(async () => expect(await serverText()).toContain('New and pending'));
    expect(peru.socket.readyState).toBe(peru.socket.OPEN);

    const chair = await raw('chair');
    const element = body(chair.doc)
      .toArray()
      .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'operative')!;
    chair.sendSync(
      2,
      changeOf(chair.doc, () => element.setAttribute('status', 'agreed')),
    );
    await vi.waitFor(async () => {
      const content = await api<{ content: { attrs?: { status?: string } }[] }>(
        server.url,
        'GET',
        `/api/documents/${fixture.document.id}/content`,
        { token: server.admin },
      );
      expect(content.body.content.some((n) => n.attrs?.status === 'agreed')).toBe(true);
    });
  });

  it('[U6] an update that would make the document too large is refused', async () => {
    await server.stop();
    server = await startTestServer({ maxDocumentBytes: 64 * 1024 });
    fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const chile = await raw('chile');
    chile.sendSync(
      2,
      changeOf(chile.doc, (d) => appendOperative(d, 'op-big', 'x'.repeat(70_000))),
    );
    expect((await chile.closed).code).toBe(CloseCode.refused);
    expect(chile.received.find((m) => m.type === MessageType.auth)?.reason).toBe(
      RefusalReason.documentTooLarge,
    );
    expect(await serverText()).not.toContain('xxxx');
  });
});
