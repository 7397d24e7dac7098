import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngines } from '../../tests/engines/engines';
import { prepare, startFlags } from './accord';
import { startNode } from './child';
import { profileFlags, type ServerKind } from './server';

/**
 * Accord in the clustered mode: two processes on one PostgreSQL and one Redis (started for the
 * round from Debian's packages, as the tests do), each document's clients split between them in
 * turn. The row to read against `accord` (one embedded process): the extra p99 is what the
 * stream between processes costs, and the CPU is both processes' summed.
 */
export const accordCluster: ServerKind = {
  name: 'accord-cluster',
  label: 'Accord, 2 processes',
  async start(docs, root, options) {
    const engines = await startEngines();
    if (!engines.databaseUrl || !engines.redisUrl) {
      await engines.stop();
      throw new Error(`the clustered mode needs its engines: ${engines.missing.join('; ')}`);
    }
    const folders = [
      await mkdtemp(join(tmpdir(), 'accord-bench-')),
      await mkdtemp(join(tmpdir(), 'accord-bench-')),
    ];
    const admin = randomBytes(32).toString('base64url');
    const nodes: Awaited<ReturnType<typeof startNode>>[] = [];
    const cleanup = async () => {
      for (const node of nodes) await node.process.stop();
      await engines.stop();
      for (const folder of folders) await rm(folder, { recursive: true, force: true });
    };
    try {
      for (const folder of folders) {
        nodes.push(
          await startNode(
            [...startFlags(root), ...profileFlags(options.cpuProfileDir), 'server/dist/main.mjs'],
            {
              PORT: '0',
              HOST: '127.0.0.1',
              DATA_DIR: folder,
              ADMIN_TOKEN: admin,
              REDIS_URL: engines.redisUrl,
              DATABASE_URL: engines.databaseUrl,
            },
            /Accord is listening on (http:\/\/\S+)/,
            root,
          ),
        );
      }
      const bases = nodes.map((node) => node.match[1]!);
      const targets = await Promise.all(
        docs.map((doc, index) => prepare(bases[0]!, admin, doc, index)),
      );
      // Every other client of each document on the second process.
      const ws = bases.map((base) => base.replace(/^http/, 'ws'));
      for (const target of targets) {
        target.urls = target.urls.map((url, i) =>
          i % 2 === 1 ? url.replace(ws[0]!, ws[1]!) : url,
        );
      }
      const [first, second] = nodes;
      return {
        process: first!.process,
        morePids: [second!.process.pid],
        dialect: 'y-websocket',
        targets,
        cleanup: async () => {
          await second!.process.stop();
          await engines.stop();
          for (const folder of folders) await rm(folder, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await cleanup();
      throw error;
    }
  },
};
