import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, RefusalReason } from '@accord/shared';
import { documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  body,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

function changeOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

function paragraph(doc: Y.Doc, id: string): Y.XmlElement {
  return operativeText(doc, id).parent as Y.XmlElement;
}

describe('negotiation: paragraph status and frozen numbers', () => {
  let server: TestServer;
  let fixture: Fixture;
  let chair: Client;
  let peru: Client;
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
  const serverText = () => documentText(server.url, fixture.document.id, server.admin);

  async function refused(client: RawClient, update: Uint8Array, reason: string) {
    client.sendSync(2, update);
    expect((await client.closed).code).toBe(CloseCode.refused);
    expect(client.received.find((m) => m.type === MessageType.auth)?.reason).toBe(reason);
  }

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'delegate', delegation: 'Peru' },
    });
    chair = connectClient(server.wsUrl, fixture.document.id, fixture.people.chair!.token);
    peru = connectClient(server.wsUrl, fixture.document.id, fixture.people.peru!.token);
    await Promise.all([whenSynced(chair), whenSynced(peru)]);
    chair.doc.transact(() => {
      appendOperative(chair.doc, 'op-urge', 'To urge member states to act');
      appendOperative(chair.doc, 'op-invite', 'To invite the Secretariat');
    });
    await vi.waitFor(() => expect(blockTexts(peru.doc)).toContain('To invite the Secretariat'));
  });
  afterEach(async () => {
    for (const client of raws.splice(0)) client.close();
    chair.destroy();
    peru.destroy();
    await server.stop();
  });

  it('[NB8] a delegate raw edit to an agreed paragraph is refused and changes nothing for anyone', async () => {
    paragraph(chair.doc, 'op-urge').setAttribute('status', 'agreed');
    await vi.waitFor(() =>
      expect(paragraph(peru.doc, 'op-urge').getAttribute('status')).toBe('agreed'),
    );
    const storedBefore = await serverText();
    const chile = await raw('chile');
    await refused(
      chile,
      changeOf(chile.doc, (d) => operativeText(d, 'op-urge').insert(8, 'all ')),
      RefusalReason.paragraphAgreed,
    );
    expect(await serverText()).toBe(storedBefore);
    expect(blockTexts(peru.doc)).toContain('To urge member states to act');
    // Ad referendum is as settled as agreed.
    paragraph(chair.doc, 'op-invite').setAttribute('status', 'ad_ref');
    await vi.waitFor(() =>
      expect(paragraph(peru.doc, 'op-invite').getAttribute('status')).toBe('ad_ref'),
    );
    const again = await raw('chile');
    await refused(
      again,
      changeOf(again.doc, (d) => operativeText(d, 'op-invite').delete(0, 3)),
      RefusalReason.paragraphAgreed,
    );
    expect(blockTexts(peru.doc)).toContain('To invite the Secretariat');
    expect(await serverText()).toBe(storedBefore);
  });

  it('[NB9] only the chair freezes numbers; a delegate setting or clearing one is refused', async () => {
    const chile = await raw('chile');
    await refused(
      chile,
      changeOf(chile.doc, (d) => paragraph(d, 'op-urge').setAttribute('number', '1')),
      RefusalReason.statusNotAllowed,
    );
    chair.doc.transact(() => {
      for (const node of body(chair.doc).toArray()) {
        if (node instanceof Y.XmlElement && node.nodeName === 'operative') {
          node.setAttribute(
            'number',
            String(
              body(chair.doc)
                .toArray()
                .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'operative')
                .indexOf(node) + 1,
            ),
          );
        }
      }
    });
    await vi.waitFor(() =>
      expect(paragraph(peru.doc, 'op-invite').getAttribute('number')).toBe('4'),
    );
    const text = await serverText();
    // A paragraph added after a frozen 3 is "3 bis"; the numbers after it stay.
    const peruInsert = new Y.XmlElement('operative');
    peruInsert.setAttribute('id', 'op-new');
    peruInsert.setAttribute('status', 'pending');
    const words = new Y.XmlText();
    words.insert(0, 'To welcome');
    peruInsert.insert(0, [words]);
    const index = body(peru.doc).toArray().indexOf(paragraph(peru.doc, 'op-invite'));
    body(peru.doc).insert(index, [peruInsert]);
    await vi.waitFor(async () => expect(await serverText()).toMatch(/3 bis\. To welcome/));
    expect(await serverText()).toMatch(/4\. To invite the Secretariat/);
    expect(text).toMatch(/3\. To urge member states to act/);
    const clearing = await raw('chile');
    await refused(
      clearing,
      changeOf(clearing.doc, (d) => paragraph(d, 'op-urge').removeAttribute('number')),
      RefusalReason.statusNotAllowed,
    );
    expect(peru.closes).toEqual([]);
  });
});
