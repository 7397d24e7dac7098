import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setUpMeeting } from './support/api';
import { appendOperative, operativeText } from './support/clients';
import { RawClient } from './support/raw-client';
import { startTestServer, type TestServer } from './support/server';

/**
 * [D2] A checkpoint takes milliseconds to reach the disk. Keystrokes that arrive meanwhile must
 * still be relayed at once, not when somebody next types, and must survive a restart.
 */
describe('relay while checkpoints are written', () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });

  it('[D2] every keystroke reaches the room at once while each one is checkpointed, and all are there after a restart', async () => {
    // A checkpoint after every update: each keystroke lands while the last one's is written.
    const first = await startTestServer({ checkpointEvery: 1 });
    const fixture = await setUpMeeting(first.url, first.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
      peru: { role: 'observer', delegation: 'Peru' },
    });
    const documentId = fixture.document.id;
    const chile = await RawClient.connect(first.wsUrl, documentId, fixture.people.chile!.token);
    const peru = await RawClient.connect(first.wsUrl, documentId, fixture.people.peru!.token);
    await Promise.all([chile.sync(), peru.sync()]);

    let known = Y.encodeStateVector(chile.doc);
    const send = () => {
      chile.sendSync(2, Y.encodeStateAsUpdate(chile.doc, known));
      known = Y.encodeStateVector(chile.doc);
    };
    appendOperative(chile.doc, 'op-typed', '');
    send();
    await vi.waitFor(() => expect(() => operativeText(peru.doc, 'op-typed')).not.toThrow(), {
      interval: 5,
    });
    // Nobody types after the last keystroke: it must arrive on its own.
    const words = 'To support MSME access to credit';
    for (const [index, letter] of [...words].entries()) {
      operativeText(chile.doc, 'op-typed').insert(index, letter);
      send();
      await vi.waitFor(
        () =>
          expect(operativeText(peru.doc, 'op-typed').toString()).toBe(words.slice(0, index + 1)),
        { interval: 5, timeout: 2000 },
      );
    }
    chile.close();
    peru.close();
    await first.stop({ keepData: true });

    const second = await startTestServer({ dataDir: first.dataDir });
    servers.push(second);
    const reader = await RawClient.connect(second.wsUrl, documentId, fixture.people.peru!.token);
    await reader.sync();
    expect(operativeText(reader.doc, 'op-typed').toString()).toBe(words);
    reader.close();
  });
});
