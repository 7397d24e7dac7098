import { createServer } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { ConfigError, configFromEnv } from '../config';
import { silentLogger } from '../logger';
import { scratchDatabase } from '../storage/postgres/testing';
import { Cluster, ClusterStartError } from './cluster';

/** Which mode the environment asks for, and what the operator is told when it cannot be had. */

const databaseUrl = inject('databaseUrl');

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('the clustered mode from the environment', () => {
  it('[CL5] neither REDIS_URL nor DATABASE_URL: the embedded mode; both: the clustered one', () => {
    expect(configFromEnv({}).cluster).toBeNull();
    expect(
      configFromEnv({
        REDIS_URL: 'redis://10.0.0.7:6379',
        DATABASE_URL: 'postgres://accord@10.0.0.8/accord',
      }).cluster,
    ).toEqual({
      redisUrl: 'redis://10.0.0.7:6379',
      databaseUrl: 'postgres://accord@10.0.0.8/accord',
    });
  });

  it('[CL5] only one of them set, or one that is not a URL of its engine, stops the start with the reason', () => {
    expect(() => configFromEnv({ REDIS_URL: 'redis://10.0.0.7:6379' })).toThrow(
      /Set both REDIS_URL and DATABASE_URL.*only REDIS_URL is set/,
    );
    expect(() => configFromEnv({ DATABASE_URL: 'postgres://10.0.0.8/accord' })).toThrow(
      /only DATABASE_URL is set/,
    );
    expect(() =>
      configFromEnv({ REDIS_URL: 'http://10.0.0.7', DATABASE_URL: 'postgres://10.0.0.8/a' }),
    ).toThrow(ConfigError);
    expect(() =>
      configFromEnv({
        REDIS_URL: 'redis://10.0.0.7',
        DATABASE_URL: 'mysql://secret:pw@10.0.0.8/a',
      }),
    ).toThrow(/DATABASE_URL must be a URL such as postgres:.*not "mysql:\/\/…@10\.0\.0\.8\/a"/);
  });

  it('[CL14] a PostgreSQL that cannot be reached stops the start, naming DATABASE_URL', async () => {
    const port = await closedPort();
    const opening = Cluster.open(
      {
        databaseUrl: `postgres://accord:secret@127.0.0.1:${port}/accord`,
        redisUrl: 'redis://127.0.0.1:1',
      },
      silentLogger,
    );
    await expect(opening).rejects.toThrow(ClusterStartError);
    await expect(opening).rejects.toThrow(/PostgreSQL at DATABASE_URL .*\*\*\*@127\.0\.0\.1/);
  });

  it.runIf(databaseUrl)(
    '[CL14] a Redis that cannot be reached stops the start, naming REDIS_URL',
    async () => {
      const scratch = await scratchDatabase(databaseUrl!);
      try {
        const port = await closedPort();
        const opening = Cluster.open(
          { databaseUrl: scratch.url, redisUrl: `redis://127.0.0.1:${port}` },
          silentLogger,
        );
        await expect(opening).rejects.toThrow(/Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:\d+\)/);
      } finally {
        await scratch.drop();
      }
    },
  );
});
