import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Template } from '@accord/shared/template';
import { loadAdminToken } from './auth/admin-token';
import { Authenticator } from './auth/authenticator';
import { Cluster, nodeId } from './cluster/cluster';
import { RoomRegistry } from './collab/rooms';
import type { SecurityEventSink } from './security-event';
import {
  bufferLimitFor,
  catchUpLimitFor,
  messageLimitFor,
  type CollabLimits,
} from './collab/limits';
import { attachCollab } from './collab/websocket';
import { derivePublicUrl, type Config } from './config';
import type { DomainContext } from './domain/context';
import { recordSecurityEvent } from './domain/security-events';
import { AutoVersioner, type AutoVersionOptions } from './domain/history/auto-versions';
import { watchInvitationExpiry } from './domain/invitation-expiry';
import { meetingColours } from './domain/meetings';
import { loadTemplates } from './domain/templates';
import { createHttpApp } from './http/app';
import type { RequestRateLimits } from './http/middleware/request-rate';
import type { Logger } from './logger';
import { openFileStorage, type LogFiles } from './storage';

const root = resolve(import.meta.dirname, '../..');

export interface AccordOptions {
  logger: Logger;
  templatesDir?: string;
  clientDir?: string | null;
  /** How long an empty room stays loaded (ms). */
  idleUnloadMs?: number;
  /** Longest wait for an fsync of the update log (ms). */
  syncDelayMs?: number;
  checkpointEvery?: number;
  /** Largest document, in bytes of Yjs state (default 64 MiB). */
  maxDocumentBytes?: number;
  limits?: Partial<CollabLimits>;
  /** HTTP API requests a minute per link and per address (over the environment's). */
  requestRate?: Partial<RequestRateLimits>;
  /** Refused tokens and origins, limits reached: for the audit log. */
  onSecurityEvent?: SecurityEventSink;
  autoVersions?: AutoVersionOptions;
  /**
   * The update log's file operations (default: the disk). Tests pass `FaultyLogFiles` to fill
   * the disk or make it read-only under a running server.
   */
  logFiles?: LogFiles;
  /** This process's id in the clustered mode (default: host, pid and a random suffix). */
  node?: string;
}

export interface AccordServer {
  /** Where the server listens. */
  url: string;
  /** The base of invitation links. */
  publicUrl: string;
  port: number;
  adminToken: () => string;
  context: DomainContext;
  /** Stops accepting, flushes everything to disk, releases files. */
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function indexTemplates(dir: string, logger: Logger): Map<string, Template> {
  const { templates, errors } = loadTemplates(dir);
  for (const problem of errors) {
    // A bad template is named and left out; the server still starts.
    logger.error('template not loaded', { file: problem.file, error: problem.message });
  }
  return templates;
}

/** Wires storage, auth, rooms, the HTTP API and the relay together, and listens. */
export async function startAccord(config: Config, options: AccordOptions): Promise<AccordServer> {
  const { logger } = options;
  // The clustered mode when REDIS_URL and DATABASE_URL are set; else the embedded default.
  const cluster = config.cluster ? await Cluster.open(config.cluster, logger, options.node) : null;
  const storage =
    cluster?.storage ??
    (await openFileStorage(config.dataDir, logger, {
      syncDelayMs: options.syncDelayMs,
      files: options.logFiles,
    }));
  const authenticator = new Authenticator(
    await loadAdminToken(config.dataDir, config.adminToken),
    storage.metadata,
    () => new Date(),
  );
  // Limits hit, refused origins and tokens, refused updates: into the meeting's audit log.
  const onSecurityEvent: SecurityEventSink = (event) => {
    // Reported only once connections are served, after `context` below exists.
    recordSecurityEvent(context, event);
    options.onSecurityEvent?.(event);
  };
  const rooms = new RoomRegistry({
    log: cluster?.log ?? storage.updates,
    ...(cluster ? { cluster } : {}),
    onSecurityEvent,
    logger,
    isLocked: (id) => storage.metadata.isLocked(id),
    modeOf: (id) => storage.metadata.modeOf(id),
    idleUnloadMs: options.idleUnloadMs,
    checkpointEvery: options.checkpointEvery,
    maxDocumentBytes: options.maxDocumentBytes,
  });
  let publicUrl = '';
  const context: DomainContext = {
    storage,
    rooms,
    authenticator,
    templates: indexTemplates(options.templatesDir ?? join(root, 'templates'), logger),
    logger,
    dataDir: config.dataDir,
    publicUrl: () => publicUrl,
    now: () => new Date(),
    deployment: { mode: cluster ? 'cluster' : 'embedded', node: cluster?.node ?? nodeId() },
  };
  cluster?.attach(rooms);
  const autoVersions = new AutoVersioner(context, logger, options.autoVersions);
  autoVersions.start();
  const stopExpiryWatch = watchInvitationExpiry(context);
  const clientDir =
    options.clientDir === undefined ? join(root, 'client', 'dist') : options.clientDir;
  const app = createHttpApp(context, {
    version: packageVersion(),
    clientDir,
    requestRate: { ...config.requestRate, ...options.requestRate },
    onSecurityEvent,
    allowedOrigins: () => [new URL(publicUrl).origin, ...(config.allowedOrigins ?? [])],
    trustProxy: config.trustProxy,
  });
  const server: Server = config.tls
    ? createHttpsServer(
        { cert: readFileSync(config.tls.cert), key: readFileSync(config.tls.key) },
        app,
      )
    : createHttpServer(app);
  const maxDocumentBytes = options.maxDocumentBytes ?? 64 * 1024 * 1024;
  const collab = attachCollab(server, {
    registry: rooms,
    authenticator,
    resolveDocument: (id) => storage.metadata.resolveDocument(id),
    meetingColours: (meetingId) => meetingColours(storage.metadata, meetingId),
    logger,
    allowedOrigins: () => [new URL(publicUrl).origin, ...(config.allowedOrigins ?? [])],
    limits: {
      maxMessageBytes: messageLimitFor(maxDocumentBytes),
      maxCatchUpBytes: catchUpLimitFor(maxDocumentBytes),
      maxBufferedBytes: bufferLimitFor(maxDocumentBytes),
      ...options.limits,
    },
    onSecurityEvent,
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(config.port, config.host, () => {
      server.off('error', fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  publicUrl = derivePublicUrl(config, port);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `${config.tls ? 'https' : 'http'}://${host}:${port}`,
    publicUrl,
    port,
    adminToken: () => authenticator.currentAdminToken,
    context,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        collab.close();
        stopExpiryWatch();
        server.closeIdleConnections();
        await autoVersions.stop();
        await rooms.closeAll();
        // The clustered mode's Redis connections go with its storage.
        await (cluster ? cluster.close() : storage.close());
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
