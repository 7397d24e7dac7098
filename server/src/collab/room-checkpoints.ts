import * as Y from 'yjs';
import type { Logger } from '../logger';
import type { UpdateLog } from '../storage';

/** What a checkpoint records: the document and how far into its history it reaches. */
export interface CheckpointSource {
  doc: Y.Doc;
  lastSeq: number;
  bindings: ReadonlyMap<number, string>;
}

/**
 * When a room writes a checkpoint of its whole document (every `every` updates, and on close),
 * so that opening a long-edited document does not replay its whole history.
 *
 * A checkpoint is written beside the room's flushes, not in front of them: its file takes
 * milliseconds to reach the disk, and keystrokes that arrive meanwhile are appended and relayed
 * as usual (the log appends them after the checkpoint).
 */
export class RoomCheckpoints {
  private sinceLast = 0;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly documentId: string,
    private readonly log: UpdateLog,
    private readonly logger: Logger,
    private readonly every = 2000,
  ) {}

  /** Counts updates that are in the log but not in a checkpoint (at load, and after relaying). */
  count(updates: number): void {
    this.sinceLast += updates;
  }

  /**
   * Starts a checkpoint if enough updates are due and none is being written; returns the
   * document's encoded size when it does. Call only when every accepted update is in the log.
   */
  maybeStart(source: CheckpointSource): number | null {
    if (this.writing || this.sinceLast < this.every) return null;
    const { state, done } = this.write(source);
    this.writing = done
      .catch((error: unknown) => {
        // Nothing is lost: the log still holds every update; loading just reads further back.
        this.logger.error('checkpoint could not be written', {
          documentId: this.documentId,
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        this.writing = null;
      });
    return state.length;
  }

  /** On close: waits for a checkpoint being written, then writes one if anything is new. */
  async finish(source: CheckpointSource): Promise<void> {
    await this.writing;
    if (this.sinceLast > 0) await this.write(source).done;
  }

  private write(source: CheckpointSource): { state: Uint8Array; done: Promise<void> } {
    this.sinceLast = 0;
    const state = Y.encodeStateAsUpdate(source.doc);
    return {
      state,
      done: this.log.checkpoint(this.documentId, state, source.lastSeq, source.bindings),
    };
  }
}
