import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CloseCode, type AuditEvent, type ProposalAttributes } from '@accord/shared';
import { en } from '../../client/src/i18n/en';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, operativeText, whenSynced } from './support/clients';
import { WebSocket } from 'ws';
import { closeCode, frameHeader, rawWebSocket } from './support/raw-socket';
import { startTestServer, type TestServer } from './support/server';

const SENTENCE = 'Member States agree to promote small enterprises.';

/** Whether the English catalogue words this key (then every catalogue does: [Y1]). */
function known(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

let server: TestServer;
let fixture: Fixture;

beforeEach(async () => {
  server = await startTestServer();
  fixture = await setUpMeeting(server.url, server.admin, {
    chair: { role: 'chair', name: 'María Pérez', delegation: 'Panama' },
    chile: { role: 'delegate', name: 'Ana Rojas', delegation: 'Chile' },
  });
});
afterEach(async () => {
  await server.stop();
});

it('[Y39] the audit log records its details as catalogue keys with values, beside the English sentence', async () => {
  const revoked = await api(
    server.url,
    'DELETE',
    `/api/meetings/${fixture.meeting.id}/participants/${fixture.people.chile!.id}`,
    { token: fixture.people.chair!.token },
  );
  expect(revoked.status).toBe(204);
  const answer = await api<AuditEvent[]>(
    server.url,
    'GET',
    `/api/meetings/${fixture.meeting.id}/audit`,
    { token: fixture.people.chair!.token },
  );
  expect(answer.status).toBe(200);
  const worded = (kind: string) =>
    answer.body
      .filter((event) => event.kind === kind)
      .map(({ detail, detailKey, detailValues }) => ({ detail, detailKey, detailValues }));
  expect(worded('meeting.created')).toEqual([
    {
      detail: 'Meeting "Ministerial Meeting on MSMEs" created.',
      detailKey: 'langaudit.audit.meetingCreated',
      detailValues: { title: 'Ministerial Meeting on MSMEs' },
    },
  ]);
  expect(worded('participant.added')).toContainEqual({
    detail: 'Ana Rojas (Chile) invited as delegate.',
    detailKey: 'langaudit.audit.participantAdded',
    detailValues: { who: 'Ana Rojas (Chile)', role: 'delegate' },
  });
  expect(worded('document.created')).toEqual([
    expect.objectContaining({
      detailKey: 'langaudit.audit.documentCreated',
      detailValues: { title: fixture.document.title },
    }),
  ]);
  expect(worded('participant.revoked')).toEqual([
    {
      detail: 'Ana Rojas (Chile): link revoked.',
      detailKey: 'langaudit.audit.linkRevoked',
      detailValues: { who: 'Ana Rojas (Chile)' },
    },
  ]);
});

it('[Y40] every event a meeting day writes in the audit log carries a catalogue key the app knows, its English sentence unchanged', async () => {
  const meetingId = fixture.meeting.id;
  const chairToken = fixture.people.chair!.token;
  const path = (rest = '') => `/api/documents/${fixture.document.id}${rest}`;
  const call = async <T = { id: string }>(
    method: string,
    url: string,
    token: string,
    json?: unknown,
  ): Promise<T> => {
    const answer = await api<T>(server.url, method, url, {
      token,
      ...(json === undefined ? {} : { json }),
    });
    expect(answer.status, `${method} ${url}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  };
  const chair = connectClient(server.wsUrl, fixture.document.id, chairToken);
  await whenSynced(chair);
  appendOperative(chair.doc, 'op1', SENTENCE);
  await vi.waitFor(async () =>
    expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(SENTENCE),
  );
  const named = await call('POST', path('/versions'), chairToken, { label: 'Zero draft' });
  await call('POST', path('/lock'), chairToken);
  await call('POST', path('/unlock'), chairToken);
  await call('POST', path(`/versions/${named.id}/restore`), chairToken);
  await call('PUT', path('/mode'), chairToken, { mode: 'proposals' });
  await call('PUT', path('/paragraphs/op1/mode'), chairToken, { mode: 'open' });
  await call('PUT', path('/paragraphs/op1/mode'), chairToken, { mode: null });
  await call('PATCH', path(), chairToken, { symbol: 'OEA/Ser.K/XLIII.1' });
  await call('PATCH', `/api/meetings/${meetingId}`, chairToken, { paperSize: 'a4' });
  const [sheet] = await call<{ token: string }[]>(
    'POST',
    `/api/meetings/${meetingId}/invitations`,
    server.admin,
    { participants: [fixture.people.chile!.id] },
  );
  const chileToken = sheet!.token;

  // Chile proposes three insertions: one accepted and at once undone, one rejected, one withdrawn.
  const chile = connectClient(server.wsUrl, fixture.document.id, chileToken);
  await whenSynced(chile);
  const proposal = (id: string): { proposal: ProposalAttributes } => ({
    proposal: { kind: 'insert', id, delegations: ['Chile'], participant: fixture.people.chile!.id },
  });
  const text = operativeText(chile.doc, 'op1');
  text.insert(0, 'Third, ', proposal('pThird'));
  text.insert(0, 'Second, ', proposal('pSecond'));
  text.insert(0, 'First, ', proposal('pFirst'));
  await vi.waitFor(async () =>
    expect(
      (await api<unknown[]>(server.url, 'GET', path('/proposals'), { token: chairToken })).body,
    ).toHaveLength(3),
  );
  const accepted = await call<{ decision: string }>(
    'POST',
    path('/proposals/pFirst/accept'),
    chairToken,
  );
  await call('POST', path(`/proposals/decisions/${accepted.decision}/undo`), chairToken);
  await call('POST', path('/proposals/pSecond/reject'), chairToken);
  await call('POST', path('/proposals/pThird/reject'), chileToken);
  chile.destroy();
  chair.destroy();

  await call('POST', path('/archive'), chairToken);
  await call('POST', path('/unarchive'), chairToken);
  // The revoked link knocks on the meeting's door again.
  await call(
    'DELETE',
    `/api/meetings/${meetingId}/participants/${fixture.people.chile!.id}`,
    chairToken,
  );
  const refused = await api(server.url, 'GET', `/api/meetings/${meetingId}`, { token: chileToken });
  expect(refused.status).toBe(401);

  const walked = [
    'meeting.created',
    'participant.added',
    'document.created',
    'version.named',
    'document.locked',
    'version.lock',
    'document.unlocked',
    'version.restore',
    'document.mode',
    'document.paragraphMode',
    'document.settings',
    'meeting.settings',
    'participant.invitations_issued',
    'proposal.accepted',
    'proposal.rejected',
    'proposal.withdrawn',
    'proposal.undone',
    'document.archived',
    'document.unarchived',
    'participant.revoked',
    'auth_failed',
  ];
  let events: AuditEvent[] = [];
  await vi.waitFor(async () => {
    events = (
      await api<AuditEvent[]>(server.url, 'GET', `/api/meetings/${meetingId}/audit`, {
        token: chairToken,
      })
    ).body;
    expect(new Set(events.map((event) => event.kind))).toEqual(
      new Set([...walked, ...events.map((event) => event.kind)]),
    );
  });
  const unworded = events
    .filter((event) => !event.detailKey || !known(event.detailKey) || !event.detailValues)
    .map(({ kind, detail, detailKey }) => ({ kind, detail, detailKey }));
  expect(unworded).toEqual([]);
  // The English sentence stays what the log said before it carried keys.
  const detail = (kind: string) => events.find((event) => event.kind === kind)?.detail;
  expect(detail('document.locked')).toBe(`Document "${fixture.document.title}" locked.`);
  expect(detail('version.named')).toBe(`Version "Zero draft" of "${fixture.document.title}".`);
  expect(detail('meeting.settings')).toBe('Paper size: a4.');
  expect(detail('proposal.rejected')).toBe('Proposal of Chile rejected: "Second,".');
  expect(detail('auth_failed')).toMatch(/^Unknown or revoked token refused \(from .+\)\.$/);
  // A version label the server wrote travels with its own key, to be worded again.
  expect(events.find((event) => event.kind === 'version.lock')?.detailValues).toMatchObject({
    labelKey: 'languages.versionLabels.locked',
  });
});

it('[Y40] the secretariat’s server-wide log words its token rotation by key too', async () => {
  const rotated = await api<{ token: string }>(server.url, 'POST', '/api/admin/token', {
    token: server.admin,
  });
  expect(rotated.status).toBe(200);
  const answer = await api<AuditEvent[]>(server.url, 'GET', '/api/admin/audit', {
    token: rotated.body.token,
  });
  expect(answer.body.filter((event) => event.kind === 'admin.token_rotated')).toEqual([
    expect.objectContaining({
      detail: 'Secretariat token rotated.',
      detailKey: 'langaudit.audit.tokenRotated',
    }),
  ]);
  expect(known('langaudit.audit.tokenRotated')).toBe(true);
});

it('[Y41] the relay’s refusals (an unknown link on the socket, a frame past the limit) are worded by key as well', async () => {
  const collab = (token: string) => `/collab/${fixture.document.id}?token=${token}`;
  const stranger = new WebSocket(`${server.wsUrl}${collab('not-a-real-link')}`);
  const refused = await new Promise<number>((resolve) =>
    stranger.once('close', (code) => resolve(code)),
  );
  expect(refused).toBe(CloseCode.unauthorized);
  const chile = await rawWebSocket(server.server.port, collab(fixture.people.chile!.token));
  chile.socket.write(Buffer.concat([frameHeader(50 * 1024 * 1024), Buffer.alloc(1024)]));
  expect(closeCode(await chile.received)).toBe(CloseCode.tooLarge);

  const read = async (url: string) =>
    (await api<AuditEvent[]>(server.url, 'GET', url, { token: server.admin })).body;
  await vi.waitFor(async () => {
    const serverWide = await read('/api/admin/audit');
    const refusals = serverWide.filter((event) => event.kind === 'auth_failed');
    expect(refusals.map((event) => event.detailKey)).toEqual(['langaudit.audit.socketLinkRefused']);
    expect(refusals[0]!.detail).toMatch(
      /^A WebSocket connection from .+ with an unknown or revoked token\.$/,
    );
    const meeting = await read(`/api/meetings/${fixture.meeting.id}/audit`);
    const limits = meeting.filter((event) => event.kind === 'limit_hit');
    expect(limits.map((event) => event.detailKey)).toEqual(['langaudit.audit.messageTooLarge']);
    expect(limits[0]!.detailValues?.bytes).toMatch(/^\d+$/);
  });
  expect(known('langaudit.audit.socketLinkRefused')).toBe(true);
  expect(known('langaudit.audit.messageTooLarge')).toBe(true);
});
