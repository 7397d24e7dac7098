import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../server/src/config';
import { silentLogger } from '../../../server/src/logger';
import { startAccord, type AccordOptions, type AccordServer } from '../../../server/src/server';

/** A real Accord server on port 0 with a temporary data dir, in this process. */
export interface TestServer {
  server: AccordServer;
  url: string;
  wsUrl: string;
  dataDir: string;
  admin: string;
  /** Stops the server; `keepData` leaves the data dir for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function tempDir(prefix = 'accord-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function startTestServer(
  options: Partial<AccordOptions> & {
    dataDir?: string;
    port?: number;
    config?: Partial<Config>;
  } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await tempDir());
  const server = await startAccord(
    {
      port: options.port ?? 0,
      host: '127.0.0.1',
      dataDir,
      adminToken: undefined,
      publicUrl: null,
      tls: null,
      ...options.config,
    },
    { logger: silentLogger, clientDir: null, idleUnloadMs: 50, ...options },
  );
  return {
    server,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws'),
    dataDir,
    admin: server.adminToken(),
    async stop({ keepData = false } = {}) {
      await server.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
