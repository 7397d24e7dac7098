import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Comparison } from '@accord/shared/comparison';
import { nodeText, type NodeJSON, type VersionInfo } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  plain,
  body,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

function random(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const DELEGATIONS = ['Chile', 'Belize', 'Peru'] as const;

describe('revision history: versions and who changed what', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Record<string, Client> = {};
  const chair = () => fixture.people.chair!.token;
  const docPath = () => `/api/documents/${fixture.document.id}`;
  const settled = async () => {
    const all = Object.values(clients);
    await vi.waitFor(async () => {
      const state = (
        await api<NodeJSON>(server.url, 'GET', `${docPath()}/content`, { token: chair() })
      ).body;
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
        token: fixture.people.Chile!.token,
      })
    ).body;
  const blocksAt = async (version: string) =>
    (
      await api<NodeJSON>(
        server.url,
        'GET',
        `${docPath()}/content${version === 'current' ? '' : `?version=${version}`}`,
        { token: chair() },
      )
    ).body.content ?? [];

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Chair' },
      Chile: { role: 'delegate', delegation: 'Chile' },
      Belize: { role: 'delegate', delegation: 'Belize' },
      Peru: { role: 'delegate', delegation: 'Peru' },
    });
    for (const d of DELEGATIONS) {
      clients[d] = connectClient(server.wsUrl, fixture.document.id, fixture.people[d]!.token);
    }
    await Promise.all(Object.values(clients).map(whenSynced));
  });
  afterEach(async () => {
    for (const d of Object.keys(clients)) {
      clients[d]!.destroy();
      delete clients[d];
    }
    await server.stop();
  });

  it('[V1] across five versions, every comparison rebuilds both texts and names the right delegation', async () => {
    const next = random(7);
    const deletedBy = new Map<string, string>();
    let counter = 0;
    appendOperative(clients.Chile!.doc, 'op-a', 'Chile0 ');
    appendOperative(clients.Peru!.doc, 'op-b', 'Peru0 ');
    await settled();
    const versions: string[] = [(await nameVersion('Zero draft')).id];
    for (let round = 1; round < 5; round++) {
      for (const d of DELEGATIONS) {
        for (let op = 0; op < 4; op++) {
          const doc = clients[d]!.doc;
          const text = operativeText(doc, next(2) === 0 ? 'op-a' : 'op-b');
          const words = plain(text).split(' ').filter(Boolean);
          if (next(3) === 0 && words.length > 1) {
            const victim = words[next(words.length)]!;
            const at = plain(text)
              .split(' ')
              .slice(0, plain(text).split(' ').indexOf(victim))
              .join(' ').length;
            text.delete(at === 0 ? 0 : at + 1, victim.length + 1);
            deletedBy.set(victim, d);
          } else {
            const boundaries = [
              0,
              ...[...plain(text).matchAll(/ /g)].map((m) => (m.index ?? 0) + 1),
            ];
            text.insert(boundaries[next(boundaries.length)]!, `${d}${++counter} `);
          }
        }
        await settled();
      }
      versions.push((await nameVersion(`Rev.${round}`)).id);
    }
    versions.push('current');
    const texts = new Map<string, string[]>();
    for (const v of versions) texts.set(v, (await blocksAt(v)).map(nodeText));
    for (let i = 0; i < versions.length; i++) {
      for (let j = 0; j < versions.length; j++) {
        if (i === j) continue;
        const comparison = await diff(versions[i]!, versions[j]!);
        const join = (p: Comparison['paragraphs'][number], skip: string) =>
          p.spans
            .filter((s) => s.kind !== skip)
            .map((s) => s.text)
            .join('');
        const toTexts = comparison.paragraphs
          .filter((p) => p.change !== 'deleted')
          .map((p) => join(p, 'delete'));
        const fromTexts = comparison.paragraphs
          .filter((p) => p.change !== 'inserted')
          .map((p) => join(p, 'insert'));
        expect(toTexts).toEqual(texts.get(versions[j]!));
        expect([...fromTexts].sort()).toEqual([...texts.get(versions[i]!)!].sort());
        if (i > j) continue;
        for (const change of comparison.changes) {
          for (const word of change.text.split(' ').filter(Boolean)) {
            if (change.kind === 'insert') expect(word.startsWith(change.delegation)).toBe(true);
            else expect(deletedBy.get(word)).toBe(change.delegation);
          }
        }
        const total = comparison.changes.length;
        expect(comparison.summary.insertions + comparison.summary.deletions).toBe(total);
      }
    }
  });

  it("[V2] a deletion by one delegation of another's text is attributed to the one who deleted", async () => {
    appendOperative(clients.Chile!.doc, 'op-c', 'To promote cooperatives and cultural industries;');
    await settled();
    const zero = await nameVersion('Zero draft');
    const text = operativeText(clients.Belize!.doc, 'op-c');
    text.delete(plain(text).indexOf(' and cultural industries'), ' and cultural industries'.length);
    await settled();
    const comparison = await diff(zero.id, 'current');
    expect(comparison.changes).toEqual([
      expect.objectContaining({
        kind: 'delete',
        text: ' and cultural industries',
        delegation: 'Belize',
        paragraphId: 'op-c',
      }),
    ]);
    expect(comparison.summary.byDelegation).toEqual({ Belize: { insertions: 0, deletions: 1 } });
    const paragraph = comparison.paragraphs.find((p) => p.paragraphId === 'op-c');
    expect(paragraph?.change).toBe('modified');
  });

  it('[V3] a moved paragraph is moved, renumbering alone is no change', async () => {
    appendOperative(clients.Chile!.doc, 'op-x', 'First;');
    appendOperative(clients.Chile!.doc, 'op-y', 'Second;');
    await settled();
    const before = await nameVersion('Before move');
    // Move op-y above op-x as the editor does: delete and re-insert the element, same id.
    const doc = clients.Peru!.doc;
    const fragment = body(doc);
    const index = fragment
      .toArray()
      .findIndex((n) => n instanceof Y.XmlElement && n.getAttribute('id') === 'op-y');
    doc.transact(() => {
      fragment.delete(index, 1);
      const moved = new Y.XmlElement('operative');
      moved.setAttribute('id', 'op-y');
      moved.setAttribute('status', 'pending');
      const t = new Y.XmlText();
      t.insert(0, 'Second;');
      moved.insert(0, [t]);
      fragment.insert(index - 1, [moved]);
    });
    await settled();
    const comparison = await diff(before.id, 'current');
    const y = comparison.paragraphs.find((p) => p.paragraphId === 'op-y')!;
    const x = comparison.paragraphs.find((p) => p.paragraphId === 'op-x')!;
    expect(y.change).toBe('moved');
    expect(x.change).toBe('unchanged');
    expect(Number(x.number.to)).toBe(Number(x.number.from) + 1);
    expect(comparison.paragraphs.filter((p) => p.paragraphId === 'op-y')).toHaveLength(1);
  });

  it('[V4] restore is a new change everyone connected sees, recorded as a version', async () => {
    appendOperative(clients.Chile!.doc, 'op-r', 'Original wording;');
    await settled();
    const original = await nameVersion('Agreed wording');
    const text = operativeText(clients.Peru!.doc, 'op-r');
    text.delete(0, text.length);
    text.insert(0, 'Rewritten by Peru;');
    await settled();
    expect(
      (
        await api(server.url, 'POST', `${docPath()}/versions/${original.id}/restore`, {
          token: fixture.people.Chile!.token,
        })
      ).status,
    ).toBe(403);
    const restored = await api<VersionInfo>(
      server.url,
      'POST',
      `${docPath()}/versions/${original.id}/restore`,
      { token: chair() },
    );
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({
      kind: 'restore',
      createdBy: { name: 'Chair', delegation: 'Belize' },
    });
    await vi.waitFor(() => {
      for (const d of DELEGATIONS)
        expect(plain(operativeText(clients[d]!.doc, 'op-r'))).toBe('Original wording;');
    });
    const versions = (
      await api<VersionInfo[]>(server.url, 'GET', `${docPath()}/versions`, { token: chair() })
    ).body;
    expect(versions.map((v) => v.kind)).toEqual(['named', 'restore']);
    const since = await diff(original.id, 'current');
    expect(since.changes).toEqual([]);
    expect(
      (await api(server.url, 'POST', `${docPath()}/versions/vNope/restore`, { token: chair() }))
        .status,
    ).toBe(404);
  });

  it('[V5] bad comparison requests get clear errors', async () => {
    const zero = await nameVersion('Zero draft');
    expect(
      (await api(server.url, 'GET', `${docPath()}/diff?to=current`, { token: chair() })).status,
    ).toBe(400);
    expect(
      (await api(server.url, 'GET', `${docPath()}/diff?from=vNope&to=current`, { token: chair() }))
        .status,
    ).toBe(404);
    expect(
      (
        await api(server.url, 'GET', `${docPath()}/diff?from=${zero.id}&to=../../x`, {
          token: chair(),
        })
      ).status,
    ).toBe(404);
  });
});
