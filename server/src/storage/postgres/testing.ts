import { randomBytes } from 'node:crypto';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for this run (a throw-away cluster), or null when none is installed. */
    databaseUrl: string | null;
    /** A Redis server for this run, or null when none is installed. */
    redisUrl: string | null;
  }
}

/**
 * A database of its own for one test, owned by a role of its own, on the run's PostgreSQL
 * (tests/engines). `refuseWrites` withdraws the role's right to write, which PostgreSQL
 * enforces at once on open sessions: the clustered mode's "disk full".
 */
export interface ScratchDatabase {
  url: string;
  refuseWrites(): Promise<void>;
  allowWrites(): Promise<void>;
  drop(): Promise<void>;
}

export async function scratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `accord_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${name} LOGIN`);
  await admin.query(`CREATE DATABASE ${name} OWNER ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.username = name;
  url.pathname = `/${name}`;
  const asOwner = async (sql: string) => {
    const superuser = new URL(serverUrl);
    superuser.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: superuser.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    url: url.toString(),
    refuseWrites: () =>
      asOwner(`REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public FROM ${name}`),
    allowWrites: () =>
      asOwner(`GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${name}`);
      } finally {
        await client.end();
      }
    },
  };
}
