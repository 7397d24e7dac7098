import { join } from 'node:path';
import { freePort, startNode } from './child';
import { clientCount, profileFlags, type ServerKind } from './server';

/**
 * y-websocket's reference server, `@y/websocket-server` 0.1.1, run from its own bin with its
 * defaults: in memory (no YPERSISTENCE), document name from the URL path. Its bin prints the
 * configured port rather than the bound one, so a free port is picked for it.
 */
export const reference: ServerKind = {
  name: 'reference',
  label: 'y-websocket reference',
  async start(docs, root, options) {
    const port = await freePort();
    const bin = join(root, 'node_modules/@y/websocket-server/src/server.js');
    const { process } = await startNode(
      [...profileFlags(options.cpuProfileDir), bin],
      { PORT: String(port), HOST: '127.0.0.1' },
      /running at/,
      root,
    );
    const targets = docs.map((doc, index) => {
      const name = `bench-${index}`;
      const urls = Array.from({ length: clientCount(doc) }, () => `ws://127.0.0.1:${port}/${name}`);
      return { ...doc, name, urls };
    });
    return { process, dialect: 'y-websocket', targets, cleanup: () => Promise.resolve() };
  },
};
