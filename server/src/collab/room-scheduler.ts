/**
 * When a room's deferred work runs: its flush at the end of the event-loop turn, its caret relay
 * after an interval. Production uses the event loop; tests pass a scheduler they drive by hand,
 * so a whole session of a room replays step by step, the same way every time.
 */
export interface RoomScheduler {
  /** Runs `task` once the current event-loop turn is over (production: `setImmediate`). */
  soon(task: () => unknown): void;
  /** Runs `task` after `ms` milliseconds (production: `setTimeout`); returns its cancel. */
  later(ms: number, task: () => unknown): () => void;
}

export const eventLoopScheduler: RoomScheduler = {
  soon(task) {
    setImmediate(task);
  },
  later(ms, task) {
    const timer = setTimeout(task, ms);
    return () => clearTimeout(timer);
  },
};
