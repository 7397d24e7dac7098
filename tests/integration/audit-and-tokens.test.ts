import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, type AuditEvent } from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, whenSynced, type Client } from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

describe('audit log, invitation expiry and the secretariat token', () => {
  let server: TestServer;
  let fixture: Fixture;
  const clients: Client[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair' },
      chile: { role: 'delegate', delegation: 'Chile' },
    });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
  });

  const auditOf = async (token: string) => {
    const answer = await api<AuditEvent[]>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}/audit`,
      { token },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('[M12] a rotated secretariat token closes its open relay connections, and their writes are lost to the server', async () => {
    const oldAdmin = server.admin;
    const secretariat = connectClient(server.wsUrl, fixture.document.id, oldAdmin);
    const chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(secretariat, chile);
    await Promise.all([whenSynced(secretariat), whenSynced(chile)]);

    const asked = Date.now();
    const rotated = await api<{ token: string }>(server.url, 'POST', '/api/admin/token', {
      token: oldAdmin,
    });
    expect(rotated.status).toBe(200);
    await vi.waitFor(() => expect(secretariat.closes).toContain(CloseCode.unauthorized), {
      timeout: 1000,
    });
    expect(Date.now() - asked).toBeLessThan(1000);

    // The old token's device keeps typing and tries again; the server takes nothing from it.
    appendOperative(secretariat.doc, 'p-old-admin', 'Written with the old token');
    appendOperative(chile.doc, 'p-chile', 'Written by Chile');
    secretariat.provider.connect();
    await vi.waitFor(() =>
      expect(secretariat.closes.filter((c) => c === CloseCode.unauthorized).length).toBe(2),
    );
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, rotated.body.token)).toContain(
        'Written by Chile',
      ),
    );
    const text = await documentText(server.url, fixture.document.id, rotated.body.token);
    expect(text).not.toContain('Written with the old token');
    expect(chile.closes).toEqual([]);

    const log = await api<AuditEvent[]>(server.url, 'GET', '/api/admin/audit', {
      token: rotated.body.token,
    });
    expect(log.body.map((e) => e.kind)).toContain('admin.token_rotated');
    const forChair = await api(server.url, 'GET', '/api/admin/audit', {
      token: fixture.people.chair!.token,
    });
    expect(forChair.status).toBe(403);
  });

  it('[M13] an invitation may expire: refused on HTTP (401) and on the relay (4401) once past, open connections closed', async () => {
    const invite = (expiresAt: unknown) =>
      api<{ token: string; id: string }>(
        server.url,
        'POST',
        `/api/meetings/${fixture.meeting.id}/participants`,
        { token: server.admin, json: { name: 'Guest', role: 'observer', expiresAt } },
      );
    const past = await invite(new Date(Date.now() - 60_000).toISOString());
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ error: { field: 'expiresAt' } });
    const garbled = await invite('next tuesday');
    expect(garbled.status).toBe(422);
    expect(garbled.body).toMatchObject({ error: { field: 'expiresAt' } });
    const participants = await api<unknown[]>(
      server.url,
      'GET',
      `/api/meetings/${fixture.meeting.id}/participants`,
      { token: server.admin },
    );
    expect(participants.body).toHaveLength(2);

    const soon = await invite(new Date(Date.now() + 1500).toISOString());
    expect(soon.status).toBe(201);
    const guest = soon.body.token;
    expect((await api(server.url, 'GET', '/api/session', { token: guest })).status).toBe(200);
    const early = connectClient(server.wsUrl, fixture.document.id, guest);
    clients.push(early);
    await whenSynced(early);

    await expect
      .poll(async () => (await api(server.url, 'GET', '/api/session', { token: guest })).status, {
        timeout: 5000,
        interval: 100,
      })
      .toBe(401);
    // A connection opened before the expiry does not outlive it.
    await vi.waitFor(() => expect(early.closes).toContain(CloseCode.unauthorized), {
      timeout: 2000,
    });
    const late = await RawClient.connect(server.wsUrl, fixture.document.id, guest);
    expect((await late.closed).code).toBe(CloseCode.unauthorized);
    expect(late.received).toEqual([]);
    const failures = (await auditOf(fixture.people.chair!.token)).filter(
      (e) => e.kind === 'auth_failed',
    );
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0]!.detail).toContain(`Expired invitation of participant ${soon.body.id}`);
  });

  it('[M14] refused tokens are in the audit log of the meeting they aimed at, a flood as one summary', async () => {
    const path = `/api/meetings/${fixture.meeting.id}/participants`;
    for (let i = 0; i < 45; i += 1) {
      const guess = await api(server.url, 'GET', path, {
        token: `guess${String(i).padStart(20, '0')}`,
      });
      expect(guess.status).toBe(401);
    }
    // No token at all is not an attempt with a token: not recorded.
    expect((await api(server.url, 'GET', path)).status).toBe(401);
    const log = await auditOf(fixture.people.chair!.token);
    expect(log.filter((e) => e.kind === 'auth_failed')).toHaveLength(20);
    const summaries = log.filter((e) => e.kind === 'audit.suppressed');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.detail).toMatch(/^… 25 more auth_failed events from \S+ suppressed\.$/);
  });

  it('[M15] revocations and locks are audited and survive a restart', async () => {
    const revoked = await api(
      server.url,
      'DELETE',
      `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
      { token: fixture.people.chair!.token },
    );
    expect(revoked.status).toBe(204);
    const locked = await api(server.url, 'POST', `/api/documents/${fixture.document.id}/lock`, {
      token: fixture.people.chair!.token,
    });
    expect(locked.status).toBe(200);
    const before = await auditOf(fixture.people.chair!.token);
    expect(before.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['participant.revoked', 'document.locked', 'version.lock']),
    );
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir });
    expect(await auditOf(fixture.people.chair!.token)).toEqual(before);
    // The revocation itself survived too.
    const session = await api(server.url, 'GET', '/api/session', {
      token: fixture.people.chile!.token,
    });
    expect(session.status).toBe(401);
  });

  it('[M18] a revocation the disk refuses is answered 503 and changes nothing; retried, it holds across a restart', async () => {
    const chile = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(chile);
    await whenSynced(chile);
    const revoke = () =>
      api<{ error: { code: string } }>(
        server.url,
        'DELETE',
        `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
        { token: fixture.people.chair!.token },
      );
    const session = () =>
      api(server.url, 'GET', '/api/session', { token: fixture.people.chile!.token });

    // The metadata's temporary file cannot be created (as a full or broken disk would refuse it).
    const blocker = join(server.dataDir, `.accord.json.${process.pid}.tmp`);
    await mkdir(blocker);
    const refused = await revoke();
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('storage_unavailable');
    expect((await session()).status).toBe(200);
    expect(chile.closes).toEqual([]);
    expect((await auditOf(fixture.people.chair!.token)).map((e) => e.kind)).not.toContain(
      'participant.revoked',
    );

    await rm(blocker, { recursive: true });
    expect((await revoke()).status).toBe(204);
    expect((await session()).status).toBe(401);
    await vi.waitFor(() => expect(chile.closes).toContain(CloseCode.unauthorized));
    const dataDir = server.dataDir;
    await server.stop({ keepData: true });
    server = await startTestServer({ dataDir });
    expect((await session()).status).toBe(401);
  });
});
