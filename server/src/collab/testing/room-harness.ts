import { silentLogger } from '../../logger';
import type { UpdateLog } from '../../storage';
import { MemoryUpdateLog } from '../../storage/memory-update-log';
import { Room, type RoomOptions } from '../room';
import type { SecurityEvent } from '../../security-event';
import { ManualScheduler } from './manual-scheduler';
import { TestClient } from './test-client';
import type { Link } from './test-network';
import type { Principal } from '../../auth/principal';

export const DOCUMENT_ID = 'doc-test';

export type HarnessOptions = Partial<Omit<RoomOptions, 'documentId' | 'log' | 'scheduler' | 'now'>>;

/**
 * A room on a real in-memory update log, driven by a manual scheduler, with devices connected
 * through links the test delivers: every test of the room runs without timers or sockets, and
 * the same steps give the same session.
 */
export class RoomHarness {
  readonly scheduler = new ManualScheduler();
  readonly events: SecurityEvent[] = [];
  readonly clients: TestClient[] = [];
  room: Room;
  private nextClientId = 1;

  constructor(
    readonly log: UpdateLog = new MemoryUpdateLog(),
    private readonly options: HarnessOptions = {},
  ) {
    this.room = this.open();
  }

  /** A room for the document as `options` and the log say (a restart opens another). */
  open(): Room {
    this.room = new Room({
      documentId: DOCUMENT_ID,
      log: this.log,
      logger: silentLogger,
      isLocked: () => false,
      onEmpty: () => undefined,
      onSecurityEvent: (event) => this.events.push(event),
      scheduler: this.scheduler,
      now: this.scheduler.now,
      ...this.options,
    });
    return this.room;
  }

  /** Creates the document's history (empty), then opens its room. */
  static async create(options: HarnessOptions = {}, log?: UpdateLog): Promise<RoomHarness> {
    const store = log ?? new MemoryUpdateLog();
    await store.create(DOCUMENT_ID, []);
    const harness = new RoomHarness(store, options);
    await harness.room.ready;
    return harness;
  }

  /** A device of `principal`, not yet connected. */
  device(name: string, principal: Principal): TestClient {
    const client = new TestClient(name, principal, this.nextClientId++);
    this.clients.push(client);
    return client;
  }

  /** The connections still open or with packets in flight. */
  get links(): Link[] {
    return this.clients.flatMap((c) => c.links).filter((l) => !l.ended || l.inFlight > 0);
  }

  /** Delivers every packet in flight, in both directions, link by link. */
  deliverAll(): number {
    let delivered = 0;
    for (let moved = true; moved; ) {
      moved = false;
      for (const link of this.links) {
        while (link.deliver('toServer') || link.deliver('toClient')) {
          delivered += 1;
          moved = true;
        }
      }
    }
    return delivered;
  }

  /**
   * Runs everything to rest: packets delivered, end-of-turn flushes run, timers (caret relay)
   * fired, until nothing moves.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      const delivered = this.deliverAll();
      const hadTasks = this.scheduler.hasTasks;
      await this.scheduler.runSoon();
      const hadTimers = !this.scheduler.idle;
      await this.scheduler.advance(100);
      if (!delivered && !hadTasks && !hadTimers && this.links.every((l) => l.inFlight === 0)) {
        return;
      }
    }
    throw new Error('the room never came to rest');
  }

  destroy(): void {
    for (const client of this.clients) client.destroy();
  }
}
