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
import { docxPart } from '../../server/src/domain/export/readers';

/**
 * A reservation put as a footnote on words already in the draft, then taken off, by delegates
 * on live connections (issue #15): the comparison API and the tracked exports credit each to
 * the delegation that made it, and the note taken off is listed as deleted, not current.
 */

const DELEGATIONS = ['Canada', 'Mexico', 'Peru'] as const;
const RESERVATION = 'The Delegation of Mexico reserves its position on this paragraph.';

describe('footnotes put on and taken off words already there', () => {
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

  const version = async (label: string) =>
    (
      await api<VersionInfo>(server.url, 'POST', `${docPath()}/versions`, {
        token: chair(),
        json: { label },
      })
    ).body;

  const exported = async (format: 'docx' | 'html', compare: string) => {
    const response = await fetch(
      `${server.url}${docPath()}/export?format=${format}&compare=${compare}`,
      {
        headers: { authorization: `Bearer ${chair()}` },
      },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  /** A delegate puts the note on "member states" (or takes it off, with `null`). */
  const noteOnMemberStates = (who: string, note: Record<string, unknown> | null) => {
    const text = operativeText(clients[who]!.doc, 'op-urge');
    text.format(plain(text).indexOf('member states'), 'member states'.length, { footnote: note });
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

  it('[FN20] [FN21] Mexico’s note on Canada’s words is Mexico’s; Peru taking it off is Peru’s, listed as deleted', async () => {
    appendOperative(clients.Canada!.doc, 'op-urge', 'To urge member states to act;');
    await settled();
    const zero = await version('Zero draft');
    noteOnMemberStates('Mexico', { id: 'fn-mx', text: RESERVATION });
    await settled();

    const added = (
      await api<Comparison>(server.url, 'GET', `${docPath()}/diff?from=${zero.id}&to=current`, {
        token: fixture.people.Canada!.token,
      })
    ).body;
    const urge = added.paragraphs.find((p) => p.paragraphId === 'op-urge')!;
    expect(urge.notes).toEqual([
      expect.objectContaining({ kind: 'insert', id: 'fn-mx', delegation: 'Mexico' }),
    ]);
    const xml = await docxPart(await exported('docx', zero.id), 'word/document.xml');
    expect(xml).toMatch(
      /<w:ins [^>]*w:author="Mexico"[^>]*>(?:(?!<\/w:ins>).)*<w:footnoteReference/s,
    );
    expect(xml).not.toContain('Unattributed');

    const rev1 = await version('Rev.1');
    noteOnMemberStates('Peru', null);
    await settled();
    const html = (await exported('html', rev1.id)).toString('utf8');
    const notes = html.slice(html.indexOf('<section class="notes">'));
    expect(notes).toMatch(
      /<li id="note-1"><del class="delegation-peru"[^>]*>The Delegation of Mexico/,
    );
    expect(html).not.toContain('Unattributed');
  });
});
