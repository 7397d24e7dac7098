import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo, Invitation, Meeting, VersionInfo } from '@accord/shared';
import { api } from './support/api';
import { startTestServer, type TestServer } from './support/server';
import { pandoc, pdfText, squash, validateAkn } from '../../server/src/domain/export/readers';

describe('documents in the meeting languages: templates, exports and labels', () => {
  let server: TestServer;
  let meeting: Meeting;
  let chair: Invitation;
  let spanish: DocumentInfo;

  const exported = async (documentId: string, format: string) => {
    const response = await fetch(
      `${server.url}/api/documents/${documentId}/export?format=${format}`,
      {
        headers: { authorization: `Bearer ${chair.token}` },
      },
    );
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startTestServer();
    meeting = (
      await api<Meeting>(server.url, 'POST', '/api/meetings', {
        token: server.admin,
        json: {
          title: 'Reunión de Ministros y Altas Autoridades de Comercio',
          sector: 'Comercio',
          venue: 'Ciudad de Guatemala',
          startsOn: '2026-12-04',
          endsOn: '2026-12-05',
          languages: ['es', 'en'],
        },
      })
    ).body;
    chair = (
      await api<Invitation>(server.url, 'POST', `/api/meetings/${meeting.id}/participants`, {
        token: server.admin,
        json: { name: 'Presidencia', role: 'chair', delegation: 'Guatemala' },
      })
    ).body;
    const created = await api<DocumentInfo>(
      server.url,
      'POST',
      `/api/meetings/${meeting.id}/documents`,
      {
        token: chair.token,
        json: {
          templateId: 'blank-oas-resolution-es',
          title: 'Proyecto de resolución',
          values: { sponsorDelegation: 'Perú', title: 'Fortalecimiento de las mipymes' },
        },
      },
    );
    expect(created.status).toBe(201);
    spanish = created.body;
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[LV3] a Spanish template exports to DOCX and PDF with its accents, Spanish lead words and Spanish dates, and to AKN with FRBRlanguage spa', async () => {
    expect(spanish.language).toBe('es');
    for (const [format, read] of [
      ['docx', (body: Buffer) => pandoc(body, 'docx')],
      ['pdf', pdfText],
    ] as const) {
      const text = squash(await read(await exported(spanish.id, format)));
      for (const expected of [
        'FORTALECIMIENTO DE LAS MIPYMES',
        '(Presentado por la Delegación de Perú)',
        'LA ASAMBLEA GENERAL,',
        'VISTOS:',
        'CONSIDERANDO:',
        'RESUELVE:',
        'Instar a los Estados Miembros a que',
        'Encomendar a la Secretaría General',
        '4 de diciembre de 2026',
        'Original: español',
      ]) {
        expect(text, `${format}: ${expected}`).toContain(expected);
      }
      expect(text, format).not.toMatch(/Original: Spanish|December/);
    }
    const akn = await exported(spanish.id, 'akn');
    await validateAkn(akn);
    expect(akn.toString('utf8')).toMatch(/<FRBRlanguage language="spa"\s*\/>/);
  });

  it('[LV4] an English version of the Spanish original is headed "Original: Spanish" in its own language, with English dates', async () => {
    const version = await api<DocumentInfo>(
      server.url,
      'POST',
      `/api/documents/${spanish.id}/translations`,
      { token: chair.token, json: { language: 'en' } },
    );
    expect(version.status).toBe(201);
    const text = squash(await pandoc(await exported(version.body.id, 'docx'), 'docx'));
    expect(text).toContain('Original: Spanish');
    expect(text).toContain('December 4, 2026');
    const akn = (await exported(version.body.id, 'akn')).toString('utf8');
    expect(akn).toMatch(/<FRBRlanguage language="eng"\s*\/>/);
  });

  it('[Y5] a version the server labels carries its catalogue key beside the English label', async () => {
    const locked = await api(server.url, 'POST', `/api/documents/${spanish.id}/lock`, {
      token: chair.token,
    });
    expect(locked.status).toBe(200);
    const versions = await api<VersionInfo[]>(
      server.url,
      'GET',
      `/api/documents/${spanish.id}/versions`,
      { token: chair.token },
    );
    expect(versions.body.at(-1)).toMatchObject({
      kind: 'lock',
      label: 'Locked for adoption',
      labelKey: 'languages.versionLabels.locked',
      labelValues: {},
    });
  });

  it('[Y6] a meeting keeps its IANA time zone (America/New_York when none is given); an unknown zone is refused naming the field', async () => {
    const create = (json: unknown) =>
      api<Meeting & { error?: { field?: string } }>(server.url, 'POST', '/api/meetings', {
        token: server.admin,
        json,
      });
    const guatemala = await create({ title: 'Reunión', timeZone: 'America/Guatemala' });
    expect(guatemala.status).toBe(201);
    expect(guatemala.body.timeZone).toBe('America/Guatemala');
    const fallback = await create({ title: 'Meeting' });
    expect(fallback.body.timeZone).toBe('America/New_York');
    const refused = await create({ title: 'Meeting', timeZone: 'Mars/Olympus_Mons' });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.field).toBe('timeZone');
  });
});
