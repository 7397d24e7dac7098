import type { TestProject } from 'vitest/node';
import { startEngines } from './engines';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server for this run (a throw-away cluster), or null when none is installed. */
    databaseUrl: string | null;
    /** A Redis server for this run, or null when none is installed. */
    redisUrl: string | null;
  }
}

/**
 * Starts PostgreSQL and Redis once for the whole run. When one is not installed, says so in
 * one line: the clustered-mode suites then run against what is there (CI installs both).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engines = await startEngines();
  for (const why of engines.missing) {
    console.warn(`Clustered-mode tests need an engine that is not here: ${why}.`);
  }
  project.provide('databaseUrl', engines.databaseUrl);
  project.provide('redisUrl', engines.redisUrl);
  return () => engines.stop();
}
