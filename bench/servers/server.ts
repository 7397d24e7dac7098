import type { Dialect, DocLoad, DocTarget } from '../types';
import type { ServerProcess } from './child';

/** A server started for one round, with the documents of the scenario ready to join. */
export interface ServerUnderTest {
  process: ServerProcess;
  dialect: Dialect;
  targets: DocTarget[];
  /** Further processes of the same server (a cluster's): their CPU counts with the first's. */
  morePids?: number[];
  /** Removes what the server left on disk (after it has stopped). */
  cleanup(): Promise<void>;
}

export interface ServerKind {
  /** Short name used in tables and JSON. */
  name: 'accord' | 'accord-cluster' | 'reference' | 'hocuspocus';
  label: string;
  start(
    docs: DocLoad[],
    root: string,
    options: {
      cpuProfileDir?: string;
      /** More Node flags for the server process (the soak's memory probe); Accord only. */
      nodeFlags?: string[];
    },
  ): Promise<ServerUnderTest>;
}

/** Every client of a document, in the order the load generator takes URLs. */
export function clientCount(doc: DocLoad): number {
  return (
    (doc.seedBytes > 0 ? 1 : 0) + doc.writers + doc.readers + doc.joiners + (doc.hostile ? 1 : 0)
  );
}

/** Node flags for a server child: a CPU profile when asked for, nothing else. */
export function profileFlags(dir: string | undefined): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}
