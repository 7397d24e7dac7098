import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Meeting } from '@accord/shared';
import type { SecurityEvent } from '../../server/src/security-event';
import { DOCX_TYPE } from '../../server/src/domain/import';
import { checkZipBounds, DOCX_BOUNDS } from '../../server/src/domain/import/zip-guard';
import { api, setUpMeeting, type Fixture } from './support/api';
import { startTestServer, tempDir, type TestServer } from './support/server';
import { storageSnapshot } from './support/storage';
import { makeZip } from './support/zip';

/** What a well-formed refusal looks like: a 4xx with the contract's error body. */
function expectRefusal(answer: { status: number; body: unknown }, statuses: number[]) {
  expect(statuses).toContain(answer.status);
  const body = answer.body as ApiErrorBody;
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
}

/** A minimal but real .docx skeleton around `documentXml`. */
function docxWith(documentXml: Buffer, declaredSize?: number): Buffer {
  return makeZip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    { name: 'word/document.xml', data: documentXml, declaredSize },
  ]);
}

describe('HTTP API under hostile input and load', () => {
  let server: TestServer;
  let fixture: Fixture;
  const events: SecurityEvent[] = [];

  async function start(options: Parameters<typeof startTestServer>[0] = {}) {
    server = await startTestServer({ onSecurityEvent: (event) => events.push(event), ...options });
    fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
      belize: { role: 'delegate', delegation: 'Belize' },
      canada: { role: 'rapporteur', delegation: 'Canada' },
    });
  }
  afterEach(async () => {
    events.splice(0);
    await server.stop();
  });

  it('[N12] ids with path tricks, malformed percent-encoding, __proto__ or 10,000 characters get 400/404 on every route, and no file is touched', async () => {
    await start();
    const before = await storageSnapshot(server.dataDir);
    const meeting = fixture.meeting.id;
    const document = fixture.document.id;
    const participant = fixture.people.chile!.id;
    const bad = [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2F..%2Faccord.json',
      '%E0%A4%A',
      '%',
      '%00',
      '__proto__',
      'constructor',
      'x'.repeat(10_000),
    ];
    const routes = (id: string): [string, string][] => [
      ['GET', `/api/templates/${id}`],
      ['GET', `/api/meetings/${id}`],
      ['GET', `/api/meetings/${id}/participants`],
      ['POST', `/api/meetings/${id}/participants`],
      ['DELETE', `/api/meetings/${id}/participants/${participant}`],
      ['DELETE', `/api/meetings/${meeting}/participants/${id}`],
      ['POST', `/api/meetings/${id}/participants/${participant}/token`],
      ['POST', `/api/meetings/${meeting}/participants/${id}/token`],
      ['GET', `/api/meetings/${id}/audit`],
      ['POST', `/api/meetings/${id}/documents`],
      ['POST', `/api/meetings/${id}/documents/import`],
      ['GET', `/api/documents/${id}`],
      ['GET', `/api/documents/${id}/content`],
      ['GET', `/api/documents/${id}/versions`],
      ['POST', `/api/documents/${id}/versions`],
      ['GET', `/api/documents/${id}/diff?from=x`],
      ['POST', `/api/documents/${id}/versions/x/restore`],
      ['POST', `/api/documents/${document}/versions/${id}/restore`],
      ['GET', `/api/documents/${id}/export`],
      ['POST', `/api/documents/${id}/lock`],
      ['POST', `/api/documents/${id}/unlock`],
    ];
    for (const id of bad) {
      for (const [method, path] of routes(id)) {
        const body =
          method === 'POST' && path.endsWith('/participants')
            ? { json: { name: 'Intruder', role: 'chair' } }
            : method === 'POST' && path.endsWith('/import')
              ? { body: 'OPERATIVE. To import.', type: 'text/plain' }
              : method === 'POST' && path.endsWith('/versions')
                ? { json: { label: 'Intruded' } }
                : method === 'POST' && path.endsWith('/documents')
                  ? { json: { templateId: 'blank-oas-resolution' } }
                  : {};
        const answer = await api(server.url, method, path, { token: server.admin, ...body });
        const route = `${method} ${path.slice(0, 80)}`;
        expect({ route, refused: [400, 404].includes(answer.status) }).toEqual({
          route,
          refused: true,
        });
        expectRefusal(answer, [400, 404]);
      }
    }
    expect(await storageSnapshot(server.dataDir)).toEqual(before);
    const meetings = await api<Meeting[]>(server.url, 'GET', '/api/meetings', {
      token: server.admin,
    });
    expect(meetings.body).toHaveLength(1);
  });

  it('[N13] malformed JSON is 400, a body that is not JSON is 415, and a 20 MB body is 413, on every kind of route; nothing changes', async () => {
    await start();
    const before = await storageSnapshot(server.dataDir);
    const meetings = `/api/meetings`;
    const lock = `/api/documents/${fixture.document.id}/lock`;
    const versions = `/api/documents/${fixture.document.id}/versions`;
    for (const path of [meetings, versions, lock]) {
      const broken = await api(server.url, 'POST', path, {
        token: server.admin,
        body: '{"title": "Unfinished',
        type: 'application/json',
      });
      expect({ path, status: broken.status }).toEqual({ path, status: 400 });
      expect((broken.body as ApiErrorBody).error.code).toBe('malformed_json');

      const form = await api(server.url, 'POST', path, {
        token: server.admin,
        body: 'title=Form',
        type: 'application/x-www-form-urlencoded',
      });
      expect({ path, status: form.status }).toEqual({ path, status: 415 });
      expectRefusal(form, [415]);

      const huge = await api(server.url, 'POST', path, {
        token: server.admin,
        body: JSON.stringify({ title: 'x'.repeat(20 * 1024 * 1024) }),
        type: 'application/json',
      });
      expect({ path, status: huge.status }).toEqual({ path, status: 413 });
      expectRefusal(huge, [413]);
    }
    const upload = await api(
      server.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/documents/import`,
      { token: server.admin, body: new Uint8Array(20 * 1024 * 1024), type: 'text/plain' },
    );
    expectRefusal(upload, [413]);
    expect(await storageSnapshot(server.dataDir)).toEqual(before);
    expect(
      (
        await api(server.url, 'GET', `/api/documents/${fixture.document.id}`, {
          token: server.admin,
        })
      ).body,
    ).toMatchObject({ status: 'drafting' });
  });

  it('[N14] 300 requests a second with one link get 429 with Retry-After, while another link is still served', async () => {
    await start();
    const chile = fixture.people.chile!.token;
    const answers = [];
    for (let batch = 0; batch < 8; batch++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () =>
            api(server.url, 'GET', `/api/meetings/${fixture.meeting.id}`, { token: chile }),
          ),
        )),
      );
    }
    const refused = answers.filter((answer) => answer.status === 429);
    // The first 300 at once, then 5 a second as the minute's allowance refills.
    const served = answers.filter((answer) => answer.status === 200).length;
    expect(served).toBeGreaterThanOrEqual(300);
    expect(served).toBeLessThan(330);
    expect(refused).toHaveLength(400 - served);
    for (const answer of refused) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((answer.body as ApiErrorBody).error.code).toBe('too_many_requests');
    }
    const belize = await api(server.url, 'GET', `/api/meetings/${fixture.meeting.id}`, {
      token: fixture.people.belize!.token,
    });
    expect(belize.status).toBe(200);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
    // One report per link and minute, not one per refused request.
    expect(events.filter((e) => e.kind === 'limit_hit')).toEqual([
      expect.objectContaining({
        meetingId: fixture.meeting.id,
        participant: fixture.people.chile!.id,
      }),
    ]);
    // Guessed tokens are refused, and each lands in the secretariat's audit log with the
    // address it came from (a flood past the per-source allowance becomes one summary line).
    for (let i = 0; i < 5; i++) {
      const guess = await api(server.url, 'GET', '/api/session', { token: `guess${i}` });
      expect(guess.status).toBe(401);
    }
    const audit = await api(server.url, 'GET', '/api/admin/audit', { token: server.admin });
    const guesses = (audit.body as { kind: string; detail: string }[]).filter(
      (e) => e.kind === 'auth_failed',
    );
    expect(guesses).toHaveLength(5);
    expect(guesses[0]!.detail).toMatch(/Unknown or revoked token refused \(from .+\)/);
  });

  it('[N15] requests a minute from one address are bounded too, whatever link they carry', async () => {
    await start({ requestRate: { perAddress: 30 } });
    // setUpMeeting made 5 requests; 25 more are served, then every link from here is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const token = [fixture.people.chile!.token, fixture.people.belize!.token][i % 2];
      statuses.push((await api(server.url, 'GET', '/api/session', { token })).status);
    }
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(25);
    const refused = await api(server.url, 'GET', '/api/session', {
      token: fixture.people.canada!.token,
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('[N16] every answer carries a content security policy, frame-ancestors none, nosniff and no-referrer', async () => {
    await start();
    for (const path of ['/', '/api/health', '/api/no-such-route', '/meetings/x']) {
      const answer = await fetch(`${server.url}${path}`);
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('[N17] a zip bomb .docx is refused with 413 before it is inflated; nothing is created', async () => {
    // Made before the server starts: deflating 100 MB blocks this process for seconds.
    const zeros = Buffer.alloc(100 * 1024 * 1024);
    const bombs: [string, Buffer][] = [
      // Its directory tells the truth: 100 MB from about 100 KB.
      ['an honest bomb', docxWith(zeros)],
      // Its directory claims 1 KB; inflation stops one byte past the claim.
      ['a lying bomb', docxWith(zeros, 1024)],
      // Thousands of tiny parts.
      [
        'ten thousand parts',
        makeZip(
          Array.from({ length: 10_000 }, (_, i) => ({
            name: `p${i}.xml`,
            data: Buffer.from('<a/>'),
          })),
        ),
      ],
    ];
    await start();
    const before = await storageSnapshot(server.dataDir);
    for (const [what, bomb] of bombs) {
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const answer = await api(
        server.url,
        'POST',
        `/api/meetings/${fixture.meeting.id}/documents/import`,
        { token: fixture.people.canada!.token, body: bomb, type: DOCX_TYPE },
      );
      expect({ what, status: answer.status }).toEqual({ what, status: 413 });
      expect((answer.body as ApiErrorBody).error.code).toBe('import_too_large');
      expect(performance.now() - started).toBeLessThan(5000);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    }
    expect(await storageSnapshot(server.dataDir)).toEqual(before);
    const meeting = await api<{ documents: unknown[] }>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}`,
      { token: server.admin },
    );
    expect(meeting.body.documents).toHaveLength(1);
  });

  it('[N18] an honest .docx passes the bound check and still imports', async () => {
    await start();
    const scratch = await tempDir();
    try {
      const markdown = join(scratch, 'draft.md');
      const docx = join(scratch, 'draft.docx');
      await writeFile(
        markdown,
        '# Draft resolution\n\nTHE GENERAL ASSEMBLY,\n\n1. To support micro, small and medium-sized enterprises.\n',
      );
      execFileSync('pandoc', [markdown, '-o', docx]);
      const body = await readFile(docx);
      expect(() => checkZipBounds(body, DOCX_BOUNDS)).not.toThrow();
      const answer = await api(
        server.url,
        'POST',
        `/api/meetings/${fixture.meeting.id}/documents/import`,
        { token: fixture.people.canada!.token, body, type: DOCX_TYPE },
      );
      expect(answer.status).toBe(201);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
