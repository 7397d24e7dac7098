import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setUpMeeting, type Fixture } from './support/api';
import { body, connectClient, whenSynced, type Client } from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/** A small seeded generator (mulberry32): the same seed replays the same session. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: T[]) => items[Math.floor(next() * items.length)]!,
  };
}

const WORDS = [
  'member',
  'states',
  'MSMEs',
  'to',
  'urge',
  'cooperatives',
  'markets',
  'finance',
  'IDB',
];

function paragraphs(doc: Y.Doc): Y.XmlElement[] {
  return body(doc)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

function randomEdit(doc: Y.Doc, rng: ReturnType<typeof random>, label: string): void {
  const blocks = paragraphs(doc);
  const roll = rng.next();
  if (roll < 0.15 || blocks.length === 0) {
    const element = new Y.XmlElement('operative');
    element.setAttribute('id', `p-${label}`);
    element.setAttribute('status', 'pending');
    const text = new Y.XmlText();
    text.insert(0, `${label} `);
    element.insert(0, [text]);
    body(doc).insert(rng.int(body(doc).length + 1), [element]);
    return;
  }
  const block = rng.pick(blocks);
  const text = block.get(0);
  if (!(text instanceof Y.XmlText)) return;
  if (roll < 0.25 && blocks.length > 3) {
    body(doc).delete(body(doc).toArray().indexOf(block), 1);
  } else if (roll < 0.45 && text.length > 2) {
    const at = rng.int(text.length - 1);
    text.delete(at, 1 + rng.int(Math.min(4, text.length - at - 1)));
  } else {
    text.insert(rng.int(text.length + 1), `${rng.pick(WORDS)}${label} `);
  }
}

/**
 * [F1] Several delegations edit at random, drop off and come back at random, and the server
 * restarts in the middle. Everyone converges, and the restarted server lost nothing it had.
 * A smoke run over real sockets: the seeded sessions that replay step by step run on the
 * deterministic room (server/src/collab/room-fuzz.test.ts, [K18]).
 */
describe('fuzz: random edits, disconnects and a restart converge', () => {
  let server: TestServer | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.stop();
  });

  for (const seed of [20261128]) {
    it(`[F1] seed ${seed}`, async () => {
      const rng = random(seed);
      server = await startTestServer();
      const port = server.server.port;
      const delegations = ['Chile', 'Belize', 'Peru', 'Canada'];
      const fixture: Fixture = await setUpMeeting(
        server.url,
        server.admin,
        Object.fromEntries(
          delegations.map((d) => [d, { role: 'delegate' as const, delegation: d }]),
        ),
      );
      for (const d of delegations) {
        clients.push(connectClient(server.wsUrl, fixture.document.id, fixture.people[d]!.token));
      }
      await Promise.all(clients.map(whenSynced));
      const serverState = () =>
        server!.server.context.rooms.read(fixture.document.id, (doc) => Y.encodeStateAsUpdate(doc));

      for (let step = 0; step < 120; step++) {
        const client = rng.pick(clients);
        if (rng.next() < 0.06) {
          if (client.provider.shouldConnect) client.provider.disconnect();
          else client.provider.connect();
        } else {
          randomEdit(client.doc, rng, `s${step}`);
        }
        if (step === 60) {
          // Restart: what the server held before must be there after, before anyone resyncs.
          const held = await serverState();
          await server.stop({ keepData: true });
          server = await startTestServer({ dataDir: server.dataDir, port });
          const after = new Y.Doc();
          Y.applyUpdate(after, await serverState());
          const expected = after.getXmlFragment('body').toJSON();
          Y.applyUpdate(after, held);
          expect(after.getXmlFragment('body').toJSON()).toBe(expected);
        }
        if (step % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();

      await vi.waitFor(
        async () => {
          const reference = new Y.Doc();
          Y.applyUpdate(reference, await serverState());
          const want = reference.getXmlFragment('body').toJSON();
          for (const client of clients) {
            expect(client.doc.getXmlFragment('body').toJSON()).toBe(want);
            expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(reference));
          }
        },
        { timeout: 15_000, interval: 100 },
      );
    });
  }
});
