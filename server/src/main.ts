import { ClusterStartError } from './cluster/cluster';
import { ConfigError, configFromEnv } from './config';
import { createConsoleLogger } from './logger';
import { startAccord } from './server';

/**
 * `npm start`: reads the environment, starts Accord, prints where it listens and the
 * secretariat's link, and on SIGTERM/SIGINT stops accepting, flushes to disk and exits 0.
 */
const logger = createConsoleLogger();
try {
  const server = await startAccord(configFromEnv(process.env), { logger });
  process.stdout.write(`Accord is listening on ${server.url}\n`);
  process.stdout.write(`Secretariat link: ${server.publicUrl}/?token=${server.adminToken()}\n`);
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('could not stop cleanly', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  const message =
    error instanceof ConfigError ||
    error instanceof ClusterStartError ||
    error instanceof RangeError
      ? error.message
      : String(error);
  process.stderr.write(`Accord could not start: ${message}\n`);
  process.exit(1);
}
