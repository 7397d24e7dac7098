import type { RoomScheduler } from '../room-options';

interface Timer {
  due: number;
  order: number;
  task: () => unknown;
}

/**
 * A room scheduler driven by the test: deferred work runs when the test says so, in the order
 * it was asked for, and time moves only when the test advances it. A room's whole session then
 * replays the same way every run.
 */
export class ManualScheduler implements RoomScheduler {
  private readonly tasks: (() => unknown)[] = [];
  private timers: Timer[] = [];
  private clock = 1_000_000;
  private order = 0;

  /** The virtual time in ms, for the room's `now`. */
  readonly now = (): number => this.clock;

  soon(task: () => unknown): void {
    this.tasks.push(task);
  }

  later(ms: number, task: () => unknown): () => void {
    const timer: Timer = { due: this.clock + ms, order: this.order++, task };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Whether anything waits for the end of the turn or for time to pass. */
  get idle(): boolean {
    return this.tasks.length === 0 && this.timers.length === 0;
  }

  get hasTasks(): boolean {
    return this.tasks.length > 0;
  }

  /** Runs the end-of-turn work (and what it asks for in turn), each awaited before the next. */
  async runSoon(): Promise<void> {
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) await task();
  }

  /** Moves time on by `ms`, running the timers that fall due, earliest first. */
  async advance(ms: number): Promise<void> {
    const until = this.clock + ms;
    for (;;) {
      const next = this.timers
        .filter((t) => t.due <= until)
        .sort((a, b) => a.due - b.due || a.order - b.order)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.clock = Math.max(this.clock, next.due);
      await next.task();
      await this.runSoon();
    }
    this.clock = until;
  }
}
