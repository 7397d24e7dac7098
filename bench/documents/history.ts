import { rm } from 'node:fs/promises';
import * as Y from 'yjs';
import { join } from 'node:path';
import type { VersionInfo } from '@accord/shared';
import { silentLogger } from '../../server/src/logger';
import { startAccord } from '../../server/src/server';
import { FileUpdateLog } from '../../server/src/storage/file-update-log';
import { LowdbMetadataStore } from '../../server/src/storage/metadata-lowdb';
import { api, setUpMeeting } from '../../tests/integration/support/api';
import { tempDir } from '../../tests/integration/support/server';
import { appendHistory, thirtyPageDraft } from './history-fixture';
import { median, timed } from './timing';

export interface HistoryRow {
  updates: number;
  stateKB: number;
  openMs: number;
  createVersionMs: number;
  readVersionMs: number;
  compareHalvesMs: number;
  compareRecentMs: number;
}

async function start(dataDir: string) {
  return startAccord(
    { port: 0, host: '127.0.0.1', dataDir, adminToken: undefined, publicUrl: null, tls: null },
    { logger: silentLogger, clientDir: null, autoVersions: { checkEveryMs: 3_600_000 } },
  );
}

/**
 * Versions on a 30-page document with a long history: creating one, reading one, comparing
 * two. One history size per call; the caller doubles it to show how each cost grows.
 */
export async function measureHistory(updates: number): Promise<HistoryRow> {
  const dataDir = await tempDir('accord-bench-history-');
  try {
    let server = await start(dataDir);
    const admin = server.adminToken();
    const fixture = await setUpMeeting(server.url, admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
      belize: { role: 'delegate', delegation: 'Belize' },
      peru: { role: 'delegate', delegation: 'Peru' },
      chair: { role: 'chair', delegation: 'Canada' },
    });
    const documentId = fixture.document.id;
    const people = ['chile', 'belize', 'peru'].map((k) => fixture.people[k]!.id);
    await server.close();

    const seedDoc = new Y.Doc();
    thirtyPageDraft(seedDoc);
    const seedLog = new FileUpdateLog({
      directory: join(dataDir, 'documents'),
      logger: silentLogger,
    });
    await seedLog.load(documentId);
    await seedLog.append(documentId, [
      { kind: 'bind', clientId: seedDoc.clientID, author: 'system' },
      {
        kind: 'update',
        seq: 2,
        at: Date.now(),
        author: 'system',
        update: Y.encodeStateAsUpdate(seedDoc),
      },
    ]);
    await seedLog.close();
    const history = await appendHistory(join(dataDir, 'documents'), documentId, updates, people);

    const middleId = 'vMiddle';
    const log = new FileUpdateLog({ directory: join(dataDir, 'documents'), logger: silentLogger });
    await log.saveVersionState(documentId, middleId, history.middleState);
    await log.close();
    const metadata = await LowdbMetadataStore.open(join(dataDir, 'accord.json'));
    await metadata.change((change) => {
      change.putVersion({
        id: middleId,
        documentId,
        label: 'Middle of the history',
        kind: 'named',
        createdAt: new Date().toISOString(),
        createdBy: null,
        seq: history.middleSeq,
      });
    });

    server = await start(dataDir);
    const token = fixture.people.chair!.token;
    const base = `/api/documents/${documentId}`;
    const get = (path: string) => api(server.url, 'GET', `${base}${path}`, { token });
    const openMs = await timed(() => get('/content?format=text'));
    let lastVersion = '';
    const createVersionMs = median(
      await repeat(5, async () => {
        const answer = await api<VersionInfo>(server.url, 'POST', `${base}/versions`, {
          token,
          json: { label: 'End of the history' },
        });
        lastVersion = answer.body.id;
      }),
    );
    const readVersionMs = median(await repeat(5, () => get(`/content?version=${middleId}`)));
    const compareHalvesMs = median(
      await repeat(3, () => get(`/diff?from=${middleId}&to=${lastVersion}`)),
    );
    const compareRecentMs = median(
      await repeat(3, () => get(`/diff?from=${lastVersion}&to=current`)),
    );
    await server.close();
    return {
      updates,
      stateKB: history.stateBytes / 1024,
      openMs,
      createVersionMs,
      readVersionMs,
      compareHalvesMs,
      compareRecentMs,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function repeat(times: number, run: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) out.push(await timed(run));
  return out;
}
