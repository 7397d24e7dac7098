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
import { docxPart, pandoc, squash } from '../../server/src/domain/export/readers';

/**
 * A paragraph moved after words were typed into it, compared against a version older than those
 * words (issue #15, case 2): the move re-creates every character as the mover's, yet each word
 * keeps the delegation that typed it and only the move is the mover's, in the comparison API and
 * in the Word export's move and insertion revisions.
 */

const DELEGATIONS = ['Canada', 'Mexico', 'Peru'] as const;

describe('moved words keep their writers', () => {
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

  /** Mexico moves a paragraph to the end, as the editor does: delete it, insert a copy. */
  const moveToEnd = (id: string) => {
    const doc = clients.Mexico!.doc;
    const fragment = body(doc);
    const index = fragment
      .toArray()
      .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === id);
    const original = fragment.get(index) as Y.XmlElement;
    const words = plain(original.get(0) as Y.XmlText);
    doc.transact(() => {
      fragment.delete(index, 1);
      const copy = new Y.XmlElement('operative');
      copy.setAttribute('id', id);
      copy.setAttribute('status', 'pending');
      const content = new Y.XmlText();
      content.insert(0, words);
      copy.insert(0, [content]);
      fragment.insert(fragment.length, [copy]);
    });
  };

  it('[Z8] words typed by Canada and Peru before Mexico moved their paragraph stay theirs when compared with an older version; only the move is Mexico’s', async () => {
    appendOperative(clients.Canada!.doc, 'op-moving', 'To urge member states;');
    appendOperative(clients.Canada!.doc, 'op-staying', 'To request a report;');
    await settled();
    const zero = (
      await api<VersionInfo>(server.url, 'POST', `${docPath()}/versions`, {
        token: chair(),
        json: { label: 'Zero draft' },
      })
    ).body;
    operativeText(clients.Canada!.doc, 'op-moving').insert(0, 'Welcoming Canada: ');
    await settled();
    const peru = operativeText(clients.Peru!.doc, 'op-moving');
    peru.insert(plain(peru).indexOf('member'), 'all ');
    await settled();
    moveToEnd('op-moving');
    await settled();

    const comparison = (
      await api<Comparison>(server.url, 'GET', `${docPath()}/diff?from=${zero.id}&to=current`, {
        token: fixture.people.Canada!.token,
      })
    ).body;
    const moved = comparison.paragraphs.find((p) => p.paragraphId === 'op-moving')!;
    expect(moved.change).toBe('moved');
    expect(moved.movedBy).toMatchObject({ delegation: 'Mexico' });
    expect(moved.spans.map((s) => [s.kind, s.text, s.delegation])).toEqual([
      ['insert', 'Welcoming Canada: ', 'Canada'],
      ['equal', 'To urge ', undefined],
      ['insert', 'all ', 'Peru'],
      ['equal', 'member states;', undefined],
    ]);
    expect(comparison.changes.filter((c) => c.delegation === 'Mexico')).toEqual([]);
    // The words are dated when they were typed, before the move.
    const typed = moved.spans.find((s) => s.delegation === 'Canada')!.at!;
    expect(typed < moved.movedBy!.at!).toBe(true);

    const response = await fetch(
      `${server.url}${docPath()}/export?format=docx&compare=${zero.id}`,
      { headers: { authorization: `Bearer ${chair()}` } },
    );
    expect(response.status).toBe(200);
    const docx = Buffer.from(await response.arrayBuffer());
    const xml = await docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:moveFrom [^>]*w:author="Mexico"/);
    expect(xml).toMatch(/<w:moveTo [^>]*w:author="Mexico"/);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Canada"[^>]*>(?:(?!<\/w:ins>).)*Welcoming Canada/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Peru"[^>]*>(?:(?!<\/w:ins>).)*all /s);
    expect(xml).not.toMatch(/<w:ins [^>]*w:author="Mexico"/);
    // Word's reader: accepting gives every word once, at the new place; rejecting, the old text.
    const accepted = squash(await pandoc(docx, 'docx', 'accept'));
    expect(accepted.split('Welcoming Canada: To urge all member states;')).toHaveLength(2);
    expect(accepted.indexOf('Welcoming Canada')).toBeGreaterThan(
      accepted.indexOf('To request a report;'),
    );
    const rejected = squash(await pandoc(docx, 'docx', 'reject'));
    expect(rejected).toContain('To urge member states;');
    expect(rejected).not.toContain('Welcoming');
    expect(rejected).not.toContain('all member');
  });
});
