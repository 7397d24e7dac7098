import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentInfo, NodeJSON } from '@accord/shared';
import { nodeText } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

interface Stale {
  paragraphs: {
    paragraphId: string;
    since: string;
    before: string;
    after: string;
    missing: boolean;
    changes: { kind: string; text: string }[];
  }[];
}

describe('language versions of a document', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];
  const token = (who: string) => fixture.people[who]!.token;
  const connect = async (documentId: string, who: string) => {
    const client = connectClient(server.wsUrl, documentId, token(who));
    clients.push(client);
    await whenSynced(client);
    return client;
  };
  const contentOf = async (documentId: string) =>
    (
      await api<NodeJSON>(server.url, 'GET', `/api/documents/${documentId}/content`, {
        token: token('chair'),
      })
    ).body.content ?? [];
  const stale = async (documentId: string) =>
    (
      await api<Stale>(server.url, 'GET', `/api/documents/${documentId}/stale`, {
        token: token('Chile'),
      })
    ).body;
  const translate = (documentId: string, who: string, json: unknown) =>
    api<DocumentInfo & { error?: { code: string } }>(
      server.url,
      'POST',
      `/api/documents/${documentId}/translations`,
      { token: token(who), json },
    );

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Guatemala' },
      rapporteur: { role: 'rapporteur', delegation: 'Secretariat' },
      Chile: { role: 'delegate', delegation: 'Chile' },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  it('[LV1] a chair or rapporteur creates a version in another language, seeded with the same paragraph ids; anyone else, the same language, a second one or an unknown language is refused', async () => {
    const original = await connect(fixture.document.id, 'Chile');
    appendOperative(original.doc, 'op-a', 'Urge the Member States to support MSMEs.');
    await vi.waitFor(async () =>
      expect((await contentOf(fixture.document.id)).map(nodeText)).toContain(
        'Urge the Member States to support MSMEs.',
      ),
    );

    expect((await translate(fixture.document.id, 'Chile', { language: 'es' })).status).toBe(403);
    const same = await translate(fixture.document.id, 'chair', { language: 'en' });
    expect(same.status).toBe(422);
    expect(same.body.error?.code).toBe('same_language');
    expect((await translate(fixture.document.id, 'chair', { language: 'de' })).status).toBe(422);

    const created = await translate(fixture.document.id, 'chair', { language: 'es' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ language: 'es', translationOf: fixture.document.id });
    const french = await translate(fixture.document.id, 'rapporteur', { language: 'fr' });
    expect(french.status).toBe(201);
    expect((await translate(fixture.document.id, 'chair', { language: 'es' })).status).toBe(409);
    expect((await translate(created.body.id, 'chair', { language: 'pt' })).status).toBe(422);

    const listed = await api(
      server.url,
      'GET',
      `/api/documents/${fixture.document.id}/translations`,
      {
        token: token('Chile'),
      },
    );
    expect(listed.body).toEqual([
      { id: created.body.id, language: 'es' },
      { id: french.body.id, language: 'fr' },
    ]);
    const originalBlocks = await contentOf(fixture.document.id);
    const versionBlocks = await contentOf(created.body.id);
    expect(versionBlocks.map((b) => b.attrs?.id)).toEqual(originalBlocks.map((b) => b.attrs?.id));
    expect((await stale(created.body.id)).paragraphs).toEqual([]);
  });

  it('[LV2] a paragraph changed in the original is stale in the version, with the change since, until the version edits it; a new original paragraph is owed and can be brought in', async () => {
    const original = await connect(fixture.document.id, 'Chile');
    appendOperative(original.doc, 'op-a', 'Urge the Member States to support MSMEs.');
    await vi.waitFor(async () =>
      expect((await contentOf(fixture.document.id)).length).toBeGreaterThan(1),
    );
    const spanish = (await translate(fixture.document.id, 'chair', { language: 'es' })).body;
    const before = Date.now();

    operativeText(original.doc, 'op-a').insert(
      'Urge the Member States to support'.length,
      ' women-led',
    );
    await vi.waitFor(async () => {
      const report = await stale(spanish.id);
      expect(report.paragraphs.map((p) => p.paragraphId)).toEqual(['op-a']);
      const [paragraph] = report.paragraphs;
      expect(Date.parse(paragraph!.since)).toBeGreaterThanOrEqual(before - 1000);
      expect(paragraph!.before).toBe('Urge the Member States to support MSMEs.');
      expect(paragraph!.after).toBe('Urge the Member States to support women-led MSMEs.');
      expect(
        paragraph!.changes.filter((c) => c.kind === 'insert').map((c) => c.text.trim()),
      ).toEqual(['women-led']);
    });

    const version = await connect(spanish.id, 'Chile');
    const text = operativeText(version.doc, 'op-a');
    text.delete(0, text.length);
    text.insert(
      0,
      'Instar a los Estados Miembros a que apoyen a las mipymes dirigidas por mujeres;',
    );
    await vi.waitFor(async () => expect((await stale(spanish.id)).paragraphs).toEqual([]));

    appendOperative(original.doc, 'op-b', 'Request the General Secretariat to report.');
    await vi.waitFor(async () => {
      const report = await stale(spanish.id);
      expect(report.paragraphs).toMatchObject([{ paragraphId: 'op-b', missing: true }]);
    });
    const brought = await api<{ added: number }>(
      server.url,
      'POST',
      `/api/documents/${spanish.id}/alignment/new-paragraphs`,
      { token: token('rapporteur') },
    );
    expect(brought.body).toEqual({ added: 1 });
    await vi.waitFor(() =>
      expect(blockTexts(version.doc)).toContain('Request the General Secretariat to report.'),
    );
    const alignment = await api<{ paragraphs: { paragraphId: string; untranslated: boolean }[] }>(
      server.url,
      'GET',
      `/api/documents/${spanish.id}/alignment`,
      { token: token('Chile') },
    );
    const rows = new Map(alignment.body.paragraphs.map((p) => [p.paragraphId, p.untranslated]));
    expect(rows.get('op-a')).toBe(false);
    expect(rows.get('op-b')).toBe(true);
  });
});
