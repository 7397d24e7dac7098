import { automaticLabel } from '@accord/shared/version-labels';
import type { Logger } from '../../logger';
import type { DomainContext } from '../context';
import { recordVersion } from '../versions';

export interface AutoVersionOptions {
  /** A version after this long without edits (default 2 minutes). */
  pauseMs?: number;
  /** A version at least this often while editing goes on (default 10 minutes). */
  maxIntervalMs?: number;
  /** How often rooms are looked at (default 15 s). */
  checkEveryMs?: number;
}

/**
 * Automatic versions: after a pause in editing, and at least every ten minutes of continuous
 * editing, so a chair can always go back to "what it was half an hour ago" without anyone
 * having named a version.
 */
export class AutoVersioner {
  private timer: NodeJS.Timeout | null = null;
  /** Documents with edits after their last version: when the first such edit was seen. */
  private readonly unversionedSince = new Map<string, number>();
  private running: Promise<void> | null = null;

  constructor(
    private readonly context: DomainContext,
    private readonly logger: Logger,
    private readonly options: AutoVersionOptions = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.tick().finally(() => (this.running = null));
    }, this.options.checkEveryMs ?? 15_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private lastVersionSeq(documentId: string): number {
    let seq = 0;
    for (const v of this.context.storage.metadata.versionsOf(documentId)) {
      if (v.seq > seq) seq = v.seq;
    }
    return seq;
  }

  /** Looks at every open document once; makes the versions that are due. */
  async tick(now = Date.now()): Promise<void> {
    const pause = this.options.pauseMs ?? 120_000;
    const maxInterval = this.options.maxIntervalMs ?? 600_000;
    const lastChange = new Map<string, number>();
    for (const room of this.context.rooms.loaded()) {
      if (room.seq > this.lastVersionSeq(room.documentId)) {
        lastChange.set(room.documentId, room.lastChangeAt);
        if (!this.unversionedSince.has(room.documentId)) {
          this.unversionedSince.set(room.documentId, room.lastChangeAt || now);
        }
      }
    }
    for (const [documentId, since] of [...this.unversionedSince]) {
      const document = this.context.storage.metadata.document(documentId);
      const last = lastChange.get(documentId) ?? since;
      if (!document || (now - last < pause && now - since < maxInterval)) continue;
      this.unversionedSince.delete(documentId);
      try {
        await recordVersion(this.context, document, 'auto', automaticLabel(new Date(now)), null);
      } catch (error) {
        this.logger.error('automatic version failed', {
          documentId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}
