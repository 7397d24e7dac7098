import { Server } from '@hocuspocus/server';

/**
 * Hocuspocus as a stand-alone process, configured only where the benchmark must: loopback,
 * an ephemeral port, and no start-up banner. Everything else is Hocuspocus' default.
 */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`Hocuspocus bench listening on ${server.address.port}\n`);
