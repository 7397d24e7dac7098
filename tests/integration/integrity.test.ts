import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BODY_FIELD, CloseCode, MessageType, RefusalReason } from '@accord/shared';
import { EXPORT_FORMATS } from '../../server/src/domain/export/types';
import {
  any,
  element,
  encodeUpdate,
  firstParagraphText,
  interleavedIntoRun,
  longRun,
  text,
} from '../../server/src/collab/integrity/hostile-updates';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
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

/** Bytes stored for a document: every file under its folder in the data dir. */
async function storedBytes(dataDir: string, documentId: string): Promise<number> {
  const walk = async (folder: string, inside: boolean): Promise<number> => {
    let total = 0;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) total += await walk(path, inside || entry.name === documentId);
      else if (inside) total += (await stat(path)).size;
    }
    return total;
  };
  return walk(dataDir, false);
}

describe('relay: the update check as the integrity boundary', () => {
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

  /**
   * Sends `update`, expects the refusal `reason`, and that nothing else changed. `during` wraps
   * only the server's handling (from sending to the close).
   */
  async function expectRefused(
    client: RawClient,
    update: Uint8Array,
    reason: string,
    during: <T>(handling: () => Promise<T>) => Promise<T> = (handling) => handling(),
  ) {
    const watcherBefore = blockTexts(watcher.doc).join('\n');
    const textBefore = await serverText();
    const bytesBefore = await storedBytes(server.dataDir, fixture.document.id);
    const closed = await during(() => {
      client.sendSync(2, update);
      return client.closed;
    });
    expect(closed.code).toBe(CloseCode.refused);
    expect(client.received.find((m) => m.type === MessageType.auth)?.reason).toBe(reason);
    // The server is up, the others' documents and storage are as they were.
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
    expect(await serverText()).toBe(textBefore);
    expect(blockTexts(watcher.doc).join('\n')).toBe(watcherBefore);
    expect(await storedBytes(server.dataDir, fixture.document.id)).toBe(bytesBefore);
  }

  /** A change by `who` that the server accepts (seen by the watcher). */
  async function accepted(who: string, id: string, words: string, status?: string) {
    const client = await raw(who);
    client.sendSync(
      2,
      changeOf(client.doc, (d) => {
        const inner = appendOperative(d, id, words);
        if (status) (inner.parent as Y.XmlElement).setAttribute('status', status);
      }),
    );
    await vi.waitFor(() => expect(blockTexts(watcher.doc)).toContain(words));
    client.close();
  }

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    watcher = connectClient(server.wsUrl, fixture.document.id, fixture.people.chair!.token);
    await whenSynced(watcher);
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    watcher.destroy();
    await server.stop();
  });

  it('[G1] an update costly to merge is refused and the event loop is never blocked > 50 ms', async () => {
    const chile = await raw('chile');
    const textId = firstParagraphText(chile.doc);
    chile.sendSync(2, longRun(textId, 2000, [chile.doc.clientID, chile.doc.clientID + 1]));
    await vi.waitFor(() => expect(blockTexts(watcher.doc).join('')).toMatch(/x{2000}/));
    const costly = interleavedIntoRun(textId, 1000, 1_000_000);
    expect(costly.length).toBeLessThan(20_000);
    // Merging it would block for seconds; refused, the loop never notices. The machine running
    // the tests is shared, so a stall of the whole process can show up as delay: the best of
    // three attempts is kept (a real block would show in all three).
    let best = Infinity;
    for (let attempt = 0; attempt < 3 && best >= 50; attempt++) {
      const sender = attempt === 0 ? chile : await raw('chile');
      const delay = monitorEventLoopDelay({ resolution: 5 });
      await expectRefused(sender, costly, RefusalReason.mergeCost, async (handling) => {
        delay.enable();
        try {
          return await handling();
        } finally {
          delay.disable();
        }
      });
      best = Math.min(best, delay.max / 1e6);
    }
    expect(best).toBeLessThan(50);
  });

  it("[G2] a delete set covering another participant's future clocks is refused; their next words arrive", async () => {
    const peru = connectClient(server.wsUrl, fixture.document.id, fixture.people.peru!.token);
    await whenSynced(peru);
    appendOperative(peru.doc, 'op-peru', 'Peru speaks');
    await vi.waitFor(() => expect(blockTexts(watcher.doc)).toContain('Peru speaks'));
    const chile = await raw('chile');
    const victim = peru.doc.clientID;
    const ahead = Y.getState(chile.doc.store, victim);
    await expectRefused(
      chile,
      encodeUpdate([], [{ client: victim, clock: ahead, len: 10_000 }]),
      RefusalReason.futureDelete,
    );
    operativeText(peru.doc, 'op-peru').insert(11, ' again');
    await vi.waitFor(() => expect(blockTexts(watcher.doc)).toContain('Peru speaks again'));
    expect(await serverText()).toContain('Peru speaks again');
    peru.destroy();
  });

  it('[G3] structs referring to items the server lacks are refused', async () => {
    await accepted('peru', 'op-peru', 'Peru text');
    const peruClient = [...watcher.doc.store.clients.keys()].find(
      (c) => c !== watcher.doc.clientID,
    )!;
    const chile = await raw('chile');
    await expectRefused(
      chile,
      encodeUpdate([
        {
          id: Y.createID(chile.doc.clientID, 0),
          origin: Y.createID(peruClient, 5000),
          content: text('x'),
        },
      ]),
      RefusalReason.unknownReference,
    );
  });

  it('[G4] a multi-valued or re-added status is refused', async () => {
    await accepted('chair', 'op-agreed', 'Agreed words', 'agreed');
    const block = (client: RawClient) => Y.createID(client.doc.clientID, 0);
    const first = await raw('chile');
    await expectRefused(
      first,
      encodeUpdate([
        { id: block(first), parent: BODY_FIELD, content: element('operative') },
        {
          id: Y.createID(first.doc.clientID, 1),
          parent: block(first),
          parentSub: 'status',
          content: any('pending', 'agreed'),
        },
      ]),
      RefusalReason.schema,
    );
    const second = await raw('chile');
    await expectRefused(
      second,
      encodeUpdate([
        { id: block(second), parent: BODY_FIELD, content: element('operative') },
        {
          id: Y.createID(second.doc.clientID, 1),
          parent: block(second),
          parentSub: 'status',
          content: any('pending'),
        },
        {
          id: Y.createID(second.doc.clientID, 2),
          parent: block(second),
          parentSub: 'status',
          content: any('agreed'),
        },
      ]),
      RefusalReason.statusNotAllowed,
    );
    const third = await raw('chile');
    const readd = changeOf(third.doc, (d) => {
      const body = d.getXmlFragment(BODY_FIELD);
      const index = body
        .toArray()
        .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === 'op-agreed');
      body.delete(index, 1);
      appendOperative(d, 'op-agreed', 'Other words');
    });
    await expectRefused(third, readd, RefusalReason.paragraphAgreed);
    expect(await serverText()).toContain('Agreed words');
  });

  it('[G6] the text of an agreed paragraph is read-only for a delegate', async () => {
    await accepted('chair', 'op-agreed', 'Agreed words', 'agreed');
    const chile = await raw('chile');
    await expectRefused(
      chile,
      changeOf(chile.doc, (d) => operativeText(d, 'op-agreed').insert(0, 'Not ')),
      RefusalReason.paragraphAgreed,
    );
  });

  it("[G7] a bracket in another delegation's name is refused", async () => {
    await accepted('peru', 'op-text', 'To urge member states');
    const chile = await raw('chile');
    await expectRefused(
      chile,
      changeOf(chile.doc, (d) =>
        operativeText(d, 'op-text').format(3, 4, { bracket: { delegations: ['Peru'] } }),
      ),
      RefusalReason.bracketNotAllowed,
    );
  });

  it('[G8] a bare value or 20,000 nested elements are refused; content and exports keep working', async () => {
    const bare = await raw('chile');
    await expectRefused(
      bare,
      encodeUpdate([
        { id: Y.createID(bare.doc.clientID, 0), parent: BODY_FIELD, content: any({ evil: true }) },
      ]),
      RefusalReason.schema,
    );
    const deep = await raw('chile');
    const client = deep.doc.clientID;
    const nested = [...Array(20_000).keys()].map((i) => ({
      id: Y.createID(client, i),
      parent: i === 0 ? BODY_FIELD : Y.createID(client, i - 1),
      content: element('operative'),
    }));
    await expectRefused(deep, encodeUpdate(nested), RefusalReason.schema);
    const content = await api(server.url, 'GET', `/api/documents/${fixture.document.id}/content`, {
      token: server.admin,
    });
    expect(content.status).toBe(200);
    for (const format of EXPORT_FORMATS) {
      const answer = await api(
        server.url,
        'GET',
        `/api/documents/${fixture.document.id}/export?format=${format}`,
        { token: server.admin },
      );
      expect(answer.status, format).toBe(200);
    }
  });
});
