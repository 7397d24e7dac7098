import { inject } from 'vitest';
import { scratchDatabase, type ScratchDatabase } from '../../server/src/storage/postgres/testing';
import { startTestServer, type TestServer } from '../integration/support/server';

/** The run's engines (tests/engines), or null where one is not installed. */
export const databaseUrl = inject('databaseUrl');
export const redisUrl = inject('redisUrl');
export const engines = databaseUrl !== null && redisUrl !== null;

/** The secretariat's token, the same on every process (ADMIN_TOKEN). */
export const ADMIN = 'secretariat-token-for-the-cluster';

/** Two Accord servers in the clustered mode over one scratch database and the run's Redis. */
export interface Pair {
  one: TestServer;
  two: TestServer;
  database: ScratchDatabase;
  stop(): Promise<void>;
}

export async function startNode(database: ScratchDatabase, node: string): Promise<TestServer> {
  return startTestServer({
    node,
    config: { adminToken: ADMIN, cluster: { databaseUrl: database.url, redisUrl: redisUrl! } },
  });
}

export async function startPair(): Promise<Pair> {
  const database = await scratchDatabase(databaseUrl!);
  const one = await startNode(database, 'one');
  const two = await startNode(database, 'two');
  return {
    one,
    two,
    database,
    async stop() {
      await one.stop();
      await two.stop();
      await database.drop();
    },
  };
}
