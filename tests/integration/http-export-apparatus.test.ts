import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, DocumentInfo, Meeting } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import { startTestServer, type TestServer } from './support/server';
import { pdfPageSize, pdfText, squash, validateAkn } from '../../server/src/domain/export/readers';

/**
 * The apparatus through the HTTP API: the chair or rapporteur sets a document's symbol and
 * original language (PATCH /api/documents/:id), the chair the meeting's paper size (PATCH
 * /api/meetings/:id), and the exports follow.
 */

const SYMBOL = 'OEA/Ser.K/XLIII.1 CIDI/RME/doc.5/26 rev. 1';

describe('HTTP API: document symbol, original language and paper size', () => {
  let server: TestServer;
  let fixture: Fixture;
  const doc = () => `/api/documents/${fixture.document.id}`;
  const download = async (format: string) => {
    const response = await fetch(`${server.url}${doc()}/export?format=${format}`, {
      headers: { authorization: `Bearer ${fixture.people.observer!.token}` },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize' },
      rapporteur: { role: 'rapporteur', delegation: 'Peru' },
      chile: { role: 'delegate', delegation: 'Chile' },
      observer: { role: 'observer' },
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('[AP3] lets the rapporteur set the symbol and the original language, and every export follows', async () => {
    const answer = await api<DocumentInfo>(server.url, 'PATCH', doc(), {
      token: fixture.people.rapporteur!.token,
      json: { symbol: SYMBOL, language: 'es' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: fixture.document.id, symbol: SYMBOL, language: 'es' });
    const read = await api<DocumentInfo>(server.url, 'GET', doc(), {
      token: fixture.people.observer!.token,
    });
    expect(read.body).toMatchObject({ symbol: SYMBOL, language: 'es' });

    const pdf = squash(await pdfText(await download('pdf')));
    expect(pdf).toContain(SYMBOL);
    expect(pdf).toContain('Original: español');
    const html = (await download('html')).toString('utf8');
    expect(html).toContain('<html lang="es">');
    const akn = await download('akn');
    await validateAkn(akn);
    expect(akn.toString('utf8')).toContain(`<docNumber>${SYMBOL}</docNumber>`);
    expect(akn.toString('utf8')).toContain('<FRBRlanguage language="spa"/>');
  });

  it('[AP3] refuses a delegate, a bad language and an unknown field, changing nothing', async () => {
    const before = (
      await api<DocumentInfo>(server.url, 'GET', doc(), { token: fixture.people.chair!.token })
    ).body;
    const refusals: [string, unknown, number, string | undefined][] = [
      ['chile', { symbol: 'X' }, 403, undefined],
      ['chair', { language: 'de' }, 422, 'language'],
      ['chair', { symbol: '' }, 422, 'symbol'],
      ['chair', { colour: 'red' }, 422, undefined],
      ['chair', {}, 422, undefined],
    ];
    for (const [who, json, status, field] of refusals) {
      const answer = await api<ApiErrorBody>(server.url, 'PATCH', doc(), {
        token: fixture.people[who]!.token,
        json,
      });
      expect(answer.status, JSON.stringify(json)).toBe(status);
      expect(answer.body.error.code).toBeTruthy();
      if (field) expect(answer.body.error.field).toBe(field);
    }
    const after = (
      await api<DocumentInfo>(server.url, 'GET', doc(), { token: fixture.people.chair!.token })
    ).body;
    expect(after).toEqual(before);
  });

  it('[AP6] prints on US Letter until the chair sets A4 for the meeting', async () => {
    expect(fixture.meeting.paperSize).toBe('letter');
    expect(await pdfPageSize(await download('pdf'))).toBe('612 x 792');
    const refused = await api<ApiErrorBody>(
      server.url,
      'PATCH',
      `/api/meetings/${fixture.meeting.id}`,
      { token: fixture.people.chile!.token, json: { paperSize: 'a4' } },
    );
    expect(refused.status).toBe(403);
    const bad = await api<ApiErrorBody>(
      server.url,
      'PATCH',
      `/api/meetings/${fixture.meeting.id}`,
      {
        token: fixture.people.chair!.token,
        json: { paperSize: 'legal' },
      },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('paperSize');
    const set = await api<Meeting>(server.url, 'PATCH', `/api/meetings/${fixture.meeting.id}`, {
      token: fixture.people.chair!.token,
      json: { paperSize: 'a4' },
    });
    expect(set.status).toBe(200);
    expect(set.body.paperSize).toBe('a4');
    expect(await pdfPageSize(await download('pdf'))).toBe('595.28 x 841.89');
  });

  it('[AP3] [AP6] takes the symbol, language and paper size on creation', async () => {
    const meeting = await api<Meeting>(server.url, 'POST', '/api/meetings', {
      token: server.admin,
      json: { title: 'Meeting on A4', paperSize: 'a4' },
    });
    expect(meeting.status).toBe(201);
    expect(meeting.body.paperSize).toBe('a4');
    const created = await api<DocumentInfo>(
      server.url,
      'POST',
      `/api/meetings/${meeting.body.id}/documents`,
      {
        token: server.admin,
        json: { templateId: 'blank-oas-resolution', symbol: SYMBOL, language: 'fr' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ symbol: SYMBOL, language: 'fr' });
  });
});
