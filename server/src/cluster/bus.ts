import { createClient } from 'redis';
import type { Logger } from '../logger';
import {
  CHANNEL_PREFIX,
  channelOf,
  decodeMessage,
  encodeMessage,
  type ClusterMessage,
} from './wire';

/** What the bus uses of a connection (the publisher and its duplicate differ in type only). */
interface RedisClient {
  readonly isReady: boolean;
  publish(channel: string, message: Buffer): Promise<unknown>;
  destroy(): void;
}

/** How long a process waits for Redis at start before it gives up with a clear error. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * The live stream between processes on Redis pub/sub: one channel per document, every process
 * subscribed to the pattern of all of them (a meeting has a handful of documents; a message
 * for a document not open here is dropped at once). Pub/sub keeps nothing: durability is
 * PostgreSQL's, and a message missed while Redis or the link was down shows up as a gap in the
 * seqs, filled from PostgreSQL (`DocumentFeed`). After a reconnection, `onResubscribed` runs
 * so that every open document catches up.
 */
export class RedisBus {
  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly logger: Logger,
  ) {}

  static async connect(
    url: string,
    logger: Logger,
    onMessage: (message: ClusterMessage) => void,
    onResubscribed: () => void,
  ): Promise<RedisBus> {
    const publisher = createClient({
      url,
      socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: retry },
    });
    const subscriber = publisher.duplicate();
    let reported = false;
    const report = (error: unknown) => {
      // One line per outage, not one per retry.
      if (reported) return;
      reported = true;
      logger.error('Redis unreachable', { error: errorText(error) });
    };
    publisher.on('error', report);
    subscriber.on('error', report);
    let ready = 0;
    subscriber.on('ready', () => {
      reported = false;
      // The first `ready` is the start; later ones follow a reconnection.
      if (ready++ > 0) onResubscribed();
    });
    try {
      await withTimeout(
        Promise.all([publisher.connect(), subscriber.connect()]),
        CONNECT_TIMEOUT_MS,
        `no answer from ${redacted(url)} within ${CONNECT_TIMEOUT_MS / 1000} s`,
      );
      await subscriber.pSubscribe(
        `${CHANNEL_PREFIX}*`,
        (buffer: Buffer) => {
          const message = decodeMessage(buffer);
          if (message) onMessage(message);
        },
        true,
      );
    } catch (error) {
      publisher.destroy();
      subscriber.destroy();
      throw error;
    }
    return new RedisBus(publisher, subscriber, logger);
  }

  /** Sends `message` to the other processes; a failure is logged (the gap is filled later). */
  publish(message: ClusterMessage): void {
    if (!this.publisher.isReady) return;
    this.publisher
      .publish(channelOf(message.documentId), encodeMessage(message))
      .catch((error: unknown) =>
        this.logger.warn('Redis publish failed', {
          documentId: message.documentId,
          error: errorText(error),
        }),
      );
  }

  close(): void {
    this.publisher.destroy();
    this.subscriber.destroy();
  }
}

/** Reconnect soon, then at most every two seconds, for as long as it takes. */
function retry(attempt: number): number {
  return Math.min(50 * 2 ** attempt, 2_000);
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured address';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
