import { clientCount, profileFlags, type ServerKind } from './server';
import { startNode } from './child';

/**
 * Hocuspocus 4 with its default configuration (no extensions: in memory, no auth hook), in
 * its own process (bench/servers/hocuspocus-main.ts). Clients speak its framing: every
 * message carries the document name, so the URL path does not matter.
 */
export const hocuspocus: ServerKind = {
  name: 'hocuspocus',
  label: 'Hocuspocus 4',
  async start(docs, root, options) {
    const { process, match } = await startNode(
      [
        ...profileFlags(options.cpuProfileDir),
        '--import',
        'tsx',
        'bench/servers/hocuspocus-main.ts',
      ],
      {},
      /Hocuspocus bench listening on (\d+)/,
      root,
    );
    const port = match[1]!;
    const targets = docs.map((doc, index) => {
      const name = `bench-${index}`;
      const urls = Array.from({ length: clientCount(doc) }, () => `ws://127.0.0.1:${port}/`);
      return { ...doc, name, urls };
    });
    return { process, dialect: 'hocuspocus', targets, cleanup: () => Promise.resolve() };
  },
};
