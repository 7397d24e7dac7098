import { afterEach, describe, expect, it, vi } from 'vitest';
import { CloseCode, RefusalReason, type Health } from '@accord/shared';
import type { SecurityEvent } from '../../server/src/security-event';
import { FaultyLogFiles } from '../../server/src/storage/faulty-log-files';
import { api, documentText, setUpMeeting, type Fixture } from './support/api';
import {
  appendOperative,
  blockTexts,
  connectClient,
  whenSynced,
  type Client,
} from './support/clients';
import { startTestServer, type TestServer } from './support/server';

/**
 * The disk filling up, or the data folder turning read-only, under the real server while
 * delegates type: the update log's file operations go through the fault-injection seam
 * (`FaultyLogFiles`, passed as `logFiles`), everything else is real (sockets, stock providers,
 * the room, the log on disk).
 */
describe('storage faults under the running server', () => {
  let server: TestServer | null = null;
  let fixture: Fixture;
  const clients: Client[] = [];
  const events: SecurityEvent[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    events.length = 0;
    await server?.stop();
    server = null;
  });

  async function start(files: FaultyLogFiles, dataDir?: string): Promise<TestServer> {
    server = await startTestServer({
      logFiles: files,
      dataDir,
      onSecurityEvent: (event) => events.push(event),
    });
    return server;
  }

  /** A stock provider that also keeps the reason of every close it sees. */
  function connect(running: TestServer, person: string) {
    const client = connectClient(running.wsUrl, fixture.document.id, fixture.people[person]!.token);
    const reasons: string[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) reasons.push(event.reason);
    });
    clients.push(client);
    return { client, reasons };
  }

  const faults = [
    {
      name: 'the disk fills (a short write, then ENOSPC)',
      rule: '[L15]',
      fail: (files: FaultyLogFiles) => files.fillAfter(7),
    },
    {
      name: 'the data folder turns read-only (EROFS)',
      rule: '[L16]',
      fail: (files: FaultyLogFiles) => files.makeReadOnly(),
    },
  ];

  for (const fault of faults) {
    it(`${fault.rule} ${fault.name}: the writer is told storage_unavailable (4503), nothing unstored reaches anyone, and its words arrive once the disk is back`, async () => {
      const files = new FaultyLogFiles();
      const running = await start(files);
      fixture = await setUpMeeting(running.url, running.admin, {
        chile: { role: 'delegate', delegation: 'Chile' },
        peru: { role: 'delegate', delegation: 'Peru' },
      });
      const chile = connect(running, 'chile');
      const peru = connect(running, 'peru');
      await Promise.all([whenSynced(chile.client), whenSynced(peru.client)]);
      appendOperative(chile.client.doc, 'op-stored', 'Written before the fault.');
      await vi.waitFor(
        () => expect(blockTexts(peru.client.doc)).toContain('Written before the fault.'),
        { timeout: 10_000 },
      );

      fault.fail(files);
      appendOperative(chile.client.doc, 'op-unstored', 'Typed while the disk refuses writes.');
      // Told why, then closed "try again later"; the provider comes back and is refused again,
      // as long as the disk refuses.
      await vi.waitFor(() => expect(chile.client.closes.length).toBeGreaterThanOrEqual(3), {
        timeout: 10_000,
      });
      expect(new Set(chile.client.closes)).toEqual(new Set([CloseCode.unavailable]));
      expect(chile.reasons).toContain(RefusalReason.storageUnavailable);
      expect(blockTexts(peru.client.doc)).not.toContain('Typed while the disk refuses writes.');
      // The secretariat hears of it (the audit log), and the server is still up.
      expect(events.map((event) => event.kind)).toContain('storage_unavailable');
      const health = await api<Health>(running.url, 'GET', '/api/health');
      expect(health.status).toBe(200);
      expect(health.body.ok).toBe(true);
      expect(blockTexts(peru.client.doc)).not.toContain('Typed while the disk refuses writes.');

      files.heal();
      // Chile's provider reconnects and its sync answer brings the words in: nothing lost.
      await vi.waitFor(
        () => expect(blockTexts(peru.client.doc)).toContain('Typed while the disk refuses writes.'),
        { timeout: 10_000 },
      );
      expect(blockTexts(peru.client.doc)).toEqual(blockTexts(chile.client.doc));
      const stored = await documentText(
        running.url,
        fixture.document.id,
        fixture.people.peru!.token,
      );
      expect(stored).toContain('Written before the fault.');
      expect(stored).toContain('Typed while the disk refuses writes.');

      // What was stored after the fault loads whole after a restart.
      for (const client of clients.splice(0)) client.destroy();
      const dataDir = running.dataDir;
      await running.stop({ keepData: true });
      const again = await start(new FaultyLogFiles(), dataDir);
      const reloaded = await documentText(
        again.url,
        fixture.document.id,
        fixture.people.peru!.token,
      );
      expect(reloaded).toContain('Written before the fault.');
      expect(reloaded).toContain('Typed while the disk refuses writes.');
    }, 30_000);
  }
});
