import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../server/src/storage/postgres/database';
import { scratchDatabase, type ScratchDatabase } from '../../server/src/storage/postgres/testing';
import { PostgresUpdateLog } from '../../server/src/storage/postgres/update-log';
import { api, setUpMeeting } from '../integration/support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  operativeText,
  type Client,
} from '../integration/support/clients';
import { spawnServer, type ServerProcess } from '../integration/support/process';
import { startProxy, type Proxy } from './proxy';
import { ADMIN, databaseUrl, engines, redisUrl } from './support';

/**
 * Two Accord processes behind one address; one is killed (SIGKILL) while ten clients type,
 * five on each. Its clients come back through the same address to the survivor.
 */

const CLIENTS = 10;
/** Each client types every 100 ms: about 100 updates a second in all. */
const TYPING_MS = 100;

let scratch: ScratchDatabase | null = null;
let proxy: Proxy | null = null;
const processes: ServerProcess[] = [];
const folders: string[] = [];

afterAll(async () => {
  for (const server of processes) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  await Promise.all(processes.map((server) => server.exited));
  await proxy?.close();
  await scratch?.drop();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function spawnNode(): Promise<ServerProcess> {
  const folder = await mkdtemp(join(tmpdir(), 'accord-node-'));
  folders.push(folder);
  const server = await spawnServer(folder, {
    REDIS_URL: redisUrl!,
    DATABASE_URL: scratch!.url,
    ADMIN_TOKEN: ADMIN,
  });
  processes.push(server);
  return server;
}

const portOf = (server: ServerProcess) => Number(new URL(server.url).port);
const alive = (server: ServerProcess) => server.child.exitCode === null && !server.child.killed;

/** Every `[c<i>-<n>]` a text holds, counted. */
function marks(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [mark] of text.matchAll(/\[c\d+-\d+\]/g))
    counts.set(mark, (counts.get(mark) ?? 0) + 1);
  return counts;
}

const textOf = (doc: Y.Doc) => blockTexts(doc).join('\n');

describe.runIf(engines)('failover', () => {
  it('[CL15] a process killed while ten clients type: its clients reconnect to the survivor and every edit seen is kept exactly once, three rounds', async () => {
    scratch = await scratchDatabase(databaseUrl!);
    let nodes = [await spawnNode(), await spawnNode()];
    proxy = await startProxy(() => nodes.filter(alive).map(portOf));
    const { document, people } = await setUpMeeting(
      nodes[0]!.url,
      ADMIN,
      Object.fromEntries(
        Array.from({ length: CLIENTS }, (_, i) => [
          `d${i}`,
          { role: 'delegate' as const, delegation: `Delegation ${i}` },
        ]),
      ),
    );
    const database = openDatabase(scratch.url, { max: 2 });
    const log = new PostgresUpdateLog(database);
    for (let round = 0; round < 3; round++) {
      const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) =>
        connectClient(proxy!.wsUrl, document.id, people[`d${i}`]!.token),
      );
      await expect
        .poll(() => clients.every((c) => c.provider.synced), { timeout: 20_000 })
        .toBe(true);
      for (const [i, client] of clients.entries()) {
        if (round === 0) appendOperative(client.doc, `p${i}`, '');
      }
      let typed = 0;
      const timers = clients.map((client, i) =>
        setInterval(() => {
          operativeText(client.doc, `p${i}`).insert(0, `[c${i}-${round * 100_000 + typed++}]`);
        }, TYPING_MS),
      );
      // Half of the connections are on the process about to die.
      await expect.poll(() => typed, { timeout: 10_000 }).toBeGreaterThan(150);
      const victim = nodes[round % 2]!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      await expect.poll(() => typed, { timeout: 10_000 }).toBeGreaterThan(300);
      for (const timer of timers) clearInterval(timer);
      const seen = new Set<string>();
      for (const client of clients)
        for (const mark of marks(textOf(client.doc)).keys()) seen.add(mark);
      // Everything settles: every client holds the same text, with every edit any had seen.
      await expect
        .poll(() => new Set(clients.map((c) => textOf(c.doc))).size, { timeout: 30_000 })
        .toBe(1);
      // The victim's five clients lost their connection and came back through the same address.
      expect(clients.filter((c) => c.closes.length > 0).length).toBeGreaterThanOrEqual(5);
      expect(clients.every((c) => c.provider.wsconnected)).toBe(true);
      const final = textOf(clients[0]!.doc);
      const counts = marks(final);
      for (const mark of seen) expect(counts.get(mark), mark).toBe(1);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      // Storage holds the same text.
      await expect
        .poll(async () => {
          const stored = await log.load(document.id);
          const replay = new Y.Doc();
          if (stored.checkpoint) Y.applyUpdate(replay, stored.checkpoint);
          for (const update of stored.updates) Y.applyUpdate(replay, update.update);
          return textOf(replay);
        })
        .toBe(final);
      for (const client of clients) client.destroy();
      // The dead process comes back for the next round.
      const survivor = nodes[(round + 1) % 2]!;
      const revived = await spawnNode();
      nodes = round % 2 === 0 ? [revived, survivor] : [survivor, revived];
      const health = await api<{ mode: string }>(revived.url, 'GET', '/api/health');
      expect(health.body.mode).toBe('cluster');
    }
    await database.end();
  }, 240_000);
});
