import * as Y from 'yjs';
import type { Room } from '../collab/room';
import type { Logger } from '../logger';
import type { AppendedRange, PostgresUpdateLog } from '../storage/postgres/update-log';
import type { StoredUpdates } from './wire';

/**
 * Keeps one room in step with its document's log, which every process appends to. The room's
 * document holds every stored update up to `upTo` (a contiguous mark), plus this process's
 * own batches beyond it (`ahead`). Another process's batch that continues the mark is applied
 * at once; one that leaves a gap (a message lost, or still on its way) makes the room read what
 * it lacks from PostgreSQL, in seq order, so nothing is applied out of turn or twice.
 */
export class DocumentFeed {
  private upTo: number;
  private readonly ahead = new Set<number>();
  private catching: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly room: Room,
    private readonly log: PostgresUpdateLog,
    private readonly logger: Logger,
  ) {
    this.upTo = room.loadedSeq;
  }

  /** This process stored a batch of its own: it is in the room already. */
  own(range: AppendedRange): void {
    for (let seq = range.first; seq <= range.last; seq++) this.ahead.add(seq);
    this.advance();
    if (this.upTo < range.first - 1) void this.catchUp();
  }

  /** Another process stored a batch. */
  received(message: StoredUpdates): void {
    if (message.last <= this.upTo) return;
    if (message.first === this.upTo + 1 && !this.catching) {
      this.room.applyStored(message.bytes, message.bindings, message.last);
      this.upTo = message.last;
      this.advance();
      return;
    }
    void this.catchUp();
  }

  /** Reads everything stored past the mark and applies what the room lacks. */
  catchUp(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    this.catching = (async () => {
      do {
        this.again = false;
        const from = this.upTo;
        const records = await this.log.history(this.room.documentId, from, Number.MAX_SAFE_INTEGER);
        if (records.length === 0) continue;
        const missing = records.filter((r) => r.seq > this.upTo && !this.ahead.has(r.seq));
        const last = records[records.length - 1]!.seq;
        if (last <= this.upTo) continue;
        const update =
          missing.length === 0
            ? null
            : missing.length === 1
              ? missing[0]!.update
              : Y.mergeUpdates(missing.map((r) => r.update));
        // A batch of this process's own may be stored but not yet reported (`own`): it is in
        // the records too, and the room relays only what its document lacks.
        if (update) this.room.applyStored(update, [], last, true);
        this.upTo = last;
        this.advance();
      } while (this.again);
    })()
      .catch((error: unknown) => {
        // The next message or read tries again; the room serves what it has meanwhile.
        this.logger.warn('could not catch up from the database', {
          documentId: this.room.documentId,
          error: error instanceof Error ? error.message : String(error),
        });
      })
      .finally(() => {
        this.catching = null;
      });
    return this.catching;
  }

  private advance(): void {
    while (this.ahead.delete(this.upTo + 1)) this.upTo += 1;
    for (const seq of this.ahead) if (seq <= this.upTo) this.ahead.delete(seq);
    this.room.storedUpTo(this.upTo);
  }
}
