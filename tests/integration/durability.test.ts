import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { setUpMeeting } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  whenSynced,
  type Client,
} from './support/clients';
import { RawClient } from './support/raw-client';
import { spawnServer, type ServerProcess } from './support/process';
import { tempDir } from './support/server';

/**
 * [D1] Kill the server with SIGKILL while two delegations type: nothing any client had received
 * is lost, and after reconnecting every keystroke is there exactly once.
 */
describe('durability: SIGKILL while typing', () => {
  const processes: ServerProcess[] = [];
  const clients: Client[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const p of processes.splice(0)) p.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('[D1] loses nothing relayed, and reconnecting clients bring back what they had not sent', async () => {
    dataDir = await tempDir();
    const first = await spawnServer(dataDir);
    processes.push(first);
    const fixture = await setUpMeeting(first.url, first.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
      belize: { role: 'delegate', delegation: 'Belize' },
      spain: { role: 'observer', delegation: 'Spain' },
    });
    const connect = (who: string) => {
      const client = connectClient(first.wsUrl, fixture.document.id, fixture.people[who]!.token);
      clients.push(client);
      return client;
    };
    const chile = connect('chile');
    const belize = connect('belize');
    const reader = connect('spain');
    await Promise.all([chile, belize, reader].map(whenSynced));
    appendOperative(chile.doc, 'op-chile', 'C:');
    appendOperative(belize.doc, 'op-belize', 'B:');
    await vi.waitFor(() =>
      expect(blockTexts(reader.doc)).toEqual(expect.arrayContaining(['C:', 'B:'])),
    );

    // Each writer types a numbered token every millisecond or so, and keeps its own record.
    const typed = { chile: 'C:', belize: 'B:' };
    let counter = 0;
    const type = () => {
      counter += 1;
      const c = ` c${counter}`;
      const b = ` b${counter}`;
      operativeText(chile.doc, 'op-chile').insert(typed.chile.length, c);
      operativeText(belize.doc, 'op-belize').insert(typed.belize.length, b);
      typed.chile += c;
      typed.belize += b;
    };
    const typing = setInterval(type, 1);
    await vi.waitFor(() => {
      const seen = blockTexts(reader.doc).find((t) => t.startsWith('C:')) ?? '';
      expect(seen.split(' ').length).toBeGreaterThan(80);
    });
    const readerClosed = new Promise<void>((done) =>
      reader.provider.once('connection-close', () => done()),
    );
    first.child.kill('SIGKILL');
    await first.exited;
    await readerClosed;
    // The writers go on typing offline; stop every client from reconnecting for now.
    for (const client of [chile, belize, reader]) client.provider.disconnect();
    for (let i = 0; i < 20; i++) type();
    clearInterval(typing);
    const seenByReader = Y.encodeStateAsUpdate(reader.doc);
    const readerTexts = blockTexts(reader.doc);

    const second = await spawnServer(dataDir);
    processes.push(second);
    // Before any of them reconnects, the restarted server has all the reader had seen.
    const probe = await RawClient.connect(
      second.wsUrl,
      fixture.document.id,
      fixture.people.spain!.token,
    );
    await probe.sync();
    const before = blockTexts(probe.doc);
    Y.applyUpdate(probe.doc, seenByReader);
    expect(blockTexts(probe.doc)).toEqual(before);
    // The server may hold a little more than the reader: updates written to the log whose
    // relay was still on its way when the process died. Never less.
    for (const prefix of ['C:', 'B:']) {
      const stored = before.find((t) => t.startsWith(prefix)) ?? '';
      const seen = readerTexts.find((t) => t.startsWith(prefix)) ?? '';
      expect(stored.startsWith(seen)).toBe(true);
    }
    probe.close();

    for (const client of [chile, belize, reader]) {
      client.provider.serverUrl = `${second.wsUrl}/collab`;
      client.provider.connect();
    }
    await vi.waitFor(
      () => {
        for (const client of [chile, belize, reader]) {
          const texts = blockTexts(client.doc);
          expect(texts).toContain(typed.chile);
          expect(texts).toContain(typed.belize);
        }
      },
      { timeout: 10_000 },
    );
    // Exactly once: each paragraph is exactly the sequence its writer typed.
    expect(blockTexts(reader.doc).filter((t) => t.startsWith('C:'))).toEqual([typed.chile]);
    expect(blockTexts(reader.doc).filter((t) => t.startsWith('B:'))).toEqual([typed.belize]);
  });
});
