import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '@accord/shared/comparison';
import type { NodeJSON, VersionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  body,
  connectClient,
  operativeText,
  plain,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/**
 * Attribution is the truth of the log (issue #15, cases 2 and 3), through the real server and
 * real Yjs clients: text brought back by a restore keeps the delegation that first wrote it
 * (the restore itself is the chair's act in the version list), and a move is credited to the
 * delegation that moved the paragraph, not its words.
 */

const DELEGATIONS = ['Canada', 'Mexico', 'Peru'] as const;

describe('attribution across restores and moves', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Record<string, Client> = {};
  const chair = () => fixture.people.chair!.token;
  const docPath = () => `/api/documents/${fixture.document.id}`;

  /** Every client holds what the server holds. */
  const settled = async () => {
    await vi.waitFor(async () => {
      const state = (
        await api<NodeJSON>(server.url, 'GET', `${docPath()}/content`, { token: chair() })
      ).body;
      const all = Object.values(clients);
      for (const c of all) expect(body(c.doc).length).toBe(state.content?.length);
      const vectors = all.map((c) =>
        JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(c.doc))].sort()),
      );
      expect(new Set(vectors).size).toBe(1);
    });
  };
  const nameVersion = async (label: string) =>
    (
      await api<VersionInfo>(server.url, 'POST', `${docPath()}/versions`, {
        token: chair(),
        json: { label },
      })
    ).body;
  const diff = async (from: string, to: string) =>
    (
      await api<Comparison>(server.url, 'GET', `${docPath()}/diff?from=${from}&to=${to}`, {
        token: fixture.people.Canada!.token,
      })
    ).body;

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Paraguay', name: 'Chair' },
      Canada: { role: 'delegate', delegation: 'Canada' },
      Mexico: { role: 'delegate', delegation: 'Mexico' },
      Peru: { role: 'delegate', delegation: 'Peru' },
    });
    for (const d of DELEGATIONS) {
      clients[d] = connectClient(server.wsUrl, fixture.document.id, fixture.people[d]!.token);
    }
    await Promise.all(Object.values(clients).map(whenSynced));
  });

  afterEach(async () => {
    for (const d of DELEGATIONS) clients[d]?.destroy();
    await server.stop();
  });

  it('[Z7] text brought back by a restore keeps the delegation that first wrote it; the restore is the chair’s', async () => {
    const zero = await nameVersion('Zero draft');
    appendOperative(clients.Canada!.doc, 'op-ca', 'To welcome the regional network;');
    await settled();
    const agreed = await nameVersion('Agreed wording');
    const text = operativeText(clients.Peru!.doc, 'op-ca');
    text.delete(0, text.length);
    text.insert(0, 'To note the network;');
    await settled();
    const restored = await api<VersionInfo>(
      server.url,
      'POST',
      `${docPath()}/versions/${agreed.id}/restore`,
      { token: chair() },
    );
    expect(restored.status).toBe(201);
    await vi.waitFor(() => {
      for (const d of DELEGATIONS) {
        expect(plain(operativeText(clients[d]!.doc, 'op-ca'))).toBe(
          'To welcome the regional network;',
        );
      }
    });
    // The version list shows the restore as the chair's act.
    const versions = (
      await api<VersionInfo[]>(server.url, 'GET', `${docPath()}/versions`, { token: chair() })
    ).body;
    expect(versions.at(-1)).toMatchObject({
      kind: 'restore',
      createdBy: { name: 'Chair', delegation: 'Paraguay' },
    });
    // From the zero draft, the paragraph is Canada's words, not the chair's.
    const since = await diff(zero.id, 'current');
    const paragraph = since.paragraphs.find((p) => p.paragraphId === 'op-ca')!;
    expect(paragraph.change).toBe('inserted');
    expect(paragraph.spans.map((s) => [s.kind, s.text, s.delegation])).toEqual([
      ['insert', 'To welcome the regional network;', 'Canada'],
    ]);
    expect(since.summary.byDelegation.Paraguay).toBeUndefined();
    // Since Peru's rewrite, the restore's own act is shown: Peru's words deleted by the chair.
    const rewrite = (await nameVersion('After the restore')).id;
    const back = await diff(agreed.id, rewrite);
    expect(back.changes).toEqual([]);
  });

  it('[Z7] a second restore keeps the first writer too', async () => {
    const zero = await nameVersion('Zero draft');
    appendOperative(clients.Mexico!.doc, 'op-mx', 'To convene a forum;');
    await settled();
    const agreed = await nameVersion('Agreed');
    const text = operativeText(clients.Peru!.doc, 'op-mx');
    text.delete(0, text.length);
    await settled();
    const emptied = await nameVersion('Emptied');
    for (const version of [agreed, emptied, agreed]) {
      const answer = await api(server.url, 'POST', `${docPath()}/versions/${version.id}/restore`, {
        token: chair(),
      });
      expect(answer.status).toBe(201);
    }
    await vi.waitFor(() =>
      expect(plain(operativeText(clients.Canada!.doc, 'op-mx'))).toBe('To convene a forum;'),
    );
    const since = await diff(zero.id, 'current');
    const paragraph = since.paragraphs.find((p) => p.paragraphId === 'op-mx')!;
    expect(paragraph.spans.map((s) => [s.kind, s.text, s.delegation])).toEqual([
      ['insert', 'To convene a forum;', 'Mexico'],
    ]);
  });

  it('[Z6] a paragraph moved by Mexico is credited to Mexico, and its words to no one new', async () => {
    appendOperative(clients.Canada!.doc, 'op-moving', 'To urge member states;');
    appendOperative(clients.Canada!.doc, 'op-staying', 'To request a report;');
    await settled();
    operativeText(clients.Canada!.doc, 'op-moving').insert(0, 'Welcoming Canada: ');
    await settled();
    const before = await nameVersion('Before the move');
    // Mexico moves paragraph 1 below paragraph 2, as the editor does: delete, insert a copy.
    const doc = clients.Mexico!.doc;
    const fragment = body(doc);
    const index = fragment
      .toArray()
      .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === 'op-moving');
    const original = fragment.get(index) as Y.XmlElement;
    const words = plain(original.get(0) as Y.XmlText);
    doc.transact(() => {
      fragment.delete(index, 1);
      const copy = new Y.XmlElement('operative');
      copy.setAttribute('id', 'op-moving');
      copy.setAttribute('status', 'pending');
      const content = new Y.XmlText();
      content.insert(0, words);
      copy.insert(0, [content]);
      fragment.insert(fragment.length, [copy]);
    });
    await settled();
    const comparison = await diff(before.id, 'current');
    const moved = comparison.paragraphs.filter((p) => p.change === 'moved');
    expect(moved.map((p) => p.paragraphId)).toEqual(['op-moving']);
    expect(moved[0]!.movedBy).toMatchObject({ delegation: 'Mexico' });
    expect(comparison.changes.filter((c) => c.delegation === 'Mexico')).toEqual([]);
    expect(moved[0]!.spans).toEqual([
      { kind: 'equal', text: 'Welcoming Canada: To urge member states;' },
    ]);
  });
});
