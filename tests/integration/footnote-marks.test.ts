import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloseCode } from '@accord/shared';
import { api, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/**
 * A footnote is a mark on its anchor word holding exactly an id and the note's text: the
 * integrity boundary lets a well-formed one through to everyone and refuses any other shape
 * with 4409, changing nothing.
 */
describe('footnote marks at the integrity boundary', () => {
  let server: TestServer;
  let fixture: Fixture;
  let canada: Client;
  let peru: Client;

  beforeEach(async () => {
    server = await startTestServer();
    fixture = await setUpMeeting(server.url, server.admin, {
      Canada: { role: 'delegate', delegation: 'Canada' },
      Peru: { role: 'delegate', delegation: 'Peru' },
    });
    canada = connectClient(server.wsUrl, fixture.document.id, fixture.people.Canada!.token);
    peru = connectClient(server.wsUrl, fixture.document.id, fixture.people.Peru!.token);
    await Promise.all([whenSynced(canada), whenSynced(peru)]);
  });

  afterEach(async () => {
    canada.destroy();
    peru.destroy();
    await server.stop();
  });

  const content = async () =>
    JSON.stringify(
      (
        await api(server.url, 'GET', `/api/documents/${fixture.document.id}/content`, {
          token: fixture.people.Canada!.token,
        })
      ).body,
    );

  it('[FN5] a reservation as a footnote mark reaches everyone; a malformed one is refused whole', async () => {
    appendOperative(canada.doc, 'op-fn', 'To urge member states to act in the region.');
    const note = { id: 'fn1', text: 'The Delegation of Peru does not join consensus.' };
    operativeText(canada.doc, 'op-fn').format(36, 7, { footnote: note });
    await vi.waitFor(async () => expect(await content()).toContain(note.text));
    await vi.waitFor(() =>
      expect(operativeText(peru.doc, 'op-fn').toDelta()).toContainEqual({
        insert: 'region.',
        attributes: { footnote: note },
      }),
    );
    expect(canada.closes).toEqual([]);

    const before = await content();
    const text = operativeText(peru.doc, 'op-fn');
    text.format(0, 2, { footnote: { id: 'fn2', text: 'x', delegations: ['Peru'] } });
    await vi.waitFor(() => expect(peru.closes).toContain(CloseCode.refused));
    expect(await content()).toBe(before);
  });

  it('[FN5] a footnote without text, or with an id that is no id, is refused', async () => {
    appendOperative(canada.doc, 'op-fn2', 'To request a report.');
    await vi.waitFor(async () => expect(await content()).toContain('To request a report.'));
    const before = await content();
    operativeText(canada.doc, 'op-fn2').format(3, 7, { footnote: { id: '../x', text: '' } });
    await vi.waitFor(() => expect(canada.closes).toContain(CloseCode.refused));
    expect(await content()).toBe(before);
  });
});
