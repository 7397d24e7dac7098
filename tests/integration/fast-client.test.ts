import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import { setUpMeeting } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/**
 * [K19] A stock provider typing faster than the relay lets it (5,000 edits in 100 bursts of 50,
 * one event-loop turn apart: about a second) loses nothing: its updates that overtake the sync
 * answer carrying their history wait for it instead of being refused, and whatever the
 * transport's throttle cut off comes back through sync when the provider reconnects.
 */
describe('a fast stock client', () => {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
  });

  it('[K19] 5,000 edits in about a second are all stored, none refused', async () => {
    server = await startTestServer();
    const fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const typist = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    clients.push(typist);
    await whenSynced(typist);
    appendOperative(typist.doc, 'op-fast', '');
    const words: string[] = [];
    for (let batch = 0; batch < 100; batch++) {
      for (let i = 0; i < 50; i++) {
        const word = `w${batch * 50 + i} `;
        const text = operativeText(typist.doc, 'op-fast');
        text.insert(text.length, word);
        words.push(word);
      }
      // The typist's pace: 50 edits, then the event loop turns (sockets read and write).
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const expected = words.join('');
    const stored = () =>
      server!.server.context.rooms.read(fixture.document.id, (doc: Y.Doc) => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
        return blockTexts(copy).at(-1);
      });
    await vi.waitFor(async () => expect(await stored()).toBe(expected), {
      timeout: 20_000,
      interval: 200,
    });
    expect(typist.closes.filter((code) => code === CloseCode.refused)).toEqual([]);
  });
});
