import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {
  ApiErrorBody,
  AuditEvent,
  CommentThread,
  ProposalAttributes,
  ProposalInfo,
  VersionInfo,
} from '@accord/shared';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import { appendOperative, connectClient, operativeText, whenSynced } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

const SENTENCE = 'Member States agree to promote small enterprises.';

type Decided = ProposalInfo & { decision: string };

describe('an archived document is kept as it was', () => {
  let server: TestServer;
  let fixture: Fixture;
  let other: Fixture;
  let commentId: string;
  let versionId: string;
  let decisionId: string;
  let openProposal: string;
  const cleanups: (() => void)[] = [];

  const as = (who: string) => fixture.people[who]!.token;
  const doc = (rest = '') => `/api/documents/${fixture.document.id}${rest}`;
  const call = <T = unknown>(
    method: string,
    path: string,
    options: Parameters<typeof api>[3] = {},
  ) => api<T>(server.url, method, path, options);

  /** Everything a participant can read about the document, as the chair reads it. */
  const snapshot = async () => {
    const read = async (path = '') => (await call('GET', doc(path), { token: as('chair') })).body;
    return {
      document: await read(),
      text: await documentText(server.url, fixture.document.id, server.admin),
      content: await read('/content'),
      versions: await read('/versions'),
      comments: await read('/comments'),
      proposals: await read('/proposals'),
      decisions: await read('/proposals/decisions'),
      paragraphModes: await read('/paragraph-modes'),
      translations: await read('/translations'),
      audit: (
        await call<AuditEvent[]>('GET', `/api/meetings/${fixture.meeting.id}/audit`, {
          token: server.admin,
        })
      ).body,
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      chair: { role: 'chair', delegation: 'Belize', name: 'Chair Belize' },
      rapporteur: { role: 'rapporteur', delegation: 'Chile' },
      canada: { role: 'delegate', delegation: 'Canada', name: 'Ana Canada' },
    });
    other = await setUpMeeting(server.url, server.admin, {
      mexico: { role: 'delegate', delegation: 'Mexico' },
    });
    const join = async (who: string) => {
      const client = connectClient(server.wsUrl, fixture.document.id, as(who));
      cleanups.push(() => client.destroy());
      await whenSynced(client);
      return client;
    };
    const chair = await join('chair');
    appendOperative(chair.doc, 'op1', SENTENCE);
    await vi.waitFor(async () =>
      expect(await documentText(server.url, fixture.document.id, server.admin)).toContain(SENTENCE),
    );

    // A thread, a named version, a decided proposal and an open one: something to change.
    const comment = await call<CommentThread>('POST', doc('/comments'), {
      token: as('canada'),
      json: { paragraphId: 'op1', text: 'Which enterprises?' },
    });
    commentId = comment.body.id;
    const version = await call<VersionInfo>('POST', doc('/versions'), {
      token: as('chair'),
      json: { label: 'Before the coffee break' },
    });
    versionId = version.body.id;
    const canada = await join('canada');
    const mark = (id: string): ProposalAttributes => ({
      kind: 'insert',
      id,
      delegations: ['Canada'],
      participant: fixture.people.canada!.id,
    });
    operativeText(canada.doc, 'op1').insert(SENTENCE.indexOf('small'), 'and support ', {
      proposal: mark('pSupport'),
    });
    const proposed = 'Member States agree to promote and support small enterprises.';
    operativeText(canada.doc, 'op1').insert(proposed.indexOf('enterprises'), 'rural ', {
      proposal: mark('pRural'),
    });
    const proposals = async () =>
      (await call<ProposalInfo[]>('GET', doc('/proposals'), { token: as('chair') })).body;
    await vi.waitFor(async () => expect(await proposals()).toHaveLength(2));
    const decided = await call<Decided>('POST', doc('/proposals/pSupport/accept'), {
      token: as('chair'),
    });
    expect(decided.status).toBe(200);
    decisionId = decided.body.decision;
    openProposal = 'pRural';
    expect((await proposals()).map((p) => p.id)).toEqual([openProposal]);

    const archived = await call('POST', doc('/archive'), { token: as('chair') });
    expect(archived.status).toBe(200);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server.stop();
  });

  it('[MD80] every HTTP change to an archived document is refused with 409 document_archived, for every role, and nothing changes', async () => {
    const before = await snapshot();
    const attempts: [string, string, string, unknown?][] = [
      ['chair', 'PATCH', '', { title: 'Renamed while archived' }],
      ['chair', 'POST', '/versions', { label: 'After the archive' }],
      ['chair', 'POST', `/versions/${versionId}/restore`],
      ['chair', 'POST', '/lock'],
      ['chair', 'POST', '/unlock'],
      ['chair', 'PUT', '/mode', { mode: 'proposals' }],
      ['chair', 'PUT', '/paragraphs/op1/mode', { mode: 'penholder' }],
      ['chair', 'POST', `/proposals/decisions/${decisionId}/undo`],
      ['chair', 'POST', '/proposals/accept', { delegation: 'Canada' }],
      ['chair', 'POST', '/proposals/reject', { paragraphId: 'op1' }],
      ['chair', 'POST', `/proposals/${openProposal}/accept`],
      ['chair', 'POST', `/proposals/${openProposal}/reject`],
      ['canada', 'POST', `/proposals/${openProposal}/reject`], // withdrawing its own
      ['canada', 'POST', '/comments', { paragraphId: 'op1', text: 'One more point.' }],
      ['chair', 'POST', `/comments/${commentId}/replies`, { text: 'Small and medium.' }],
      ['chair', 'POST', `/comments/${commentId}/resolve`],
      ['canada', 'POST', `/comments/${commentId}/reopen`],
      ['rapporteur', 'POST', '/translations', { language: 'fr' }],
      ['rapporteur', 'POST', '/alignment/new-paragraphs'],
    ];
    for (const [who, method, path, json] of attempts) {
      const answer = await call<ApiErrorBody>(method, doc(path), {
        token: as(who),
        ...(json === undefined ? {} : { json }),
      });
      expect({ who, method, path, status: answer.status, code: answer.body.error?.code }).toEqual({
        who,
        method,
        path,
        status: 409,
        code: 'document_archived',
      });
      expect(answer.body.error.message).toMatch(/archived/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('[MD81] an archived document is still read and exported, and its other refusals are unchanged; brought back, it takes changes again', async () => {
    const content = await call('GET', doc('/content?format=text'), { token: as('canada') });
    expect(content.status).toBe(200);
    expect(content.body).toContain('and support small rural enterprises');
    const exported = await call('GET', doc('/export?format=txt'), { token: as('canada') });
    expect(exported.status).toBe(200);

    // No token, another meeting, an unknown document: the answers a drafting document gets.
    const comment = { paragraphId: 'op1', text: 'A note.' };
    expect((await call('POST', doc('/comments'), { json: comment })).status).toBe(401);
    const foreign = await call<ApiErrorBody>('POST', doc('/comments'), {
      token: other.people.mexico!.token,
      json: comment,
    });
    expect(foreign.status).toBe(403);
    const unknown = await call('POST', '/api/documents/no-such-doc/comments', {
      token: as('chair'),
      json: comment,
    });
    expect(unknown.status).toBe(404);

    const back = await call('POST', doc('/unarchive'), { token: server.admin });
    expect(back.status).toBe(200);
    const added = await call<CommentThread>('POST', doc('/comments'), {
      token: as('canada'),
      json: comment,
    });
    expect(added.status).toBe(201);
    const renamed = await call('PATCH', doc(), {
      token: as('rapporteur'),
      json: { title: 'Brought back' },
    });
    expect(renamed.status).toBe(200);
  });
});
