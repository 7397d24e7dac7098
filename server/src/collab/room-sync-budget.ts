import type { Peer } from './peer';

interface Spending {
  since: number;
  bytes: number;
  reported: boolean;
}

/**
 * What one connection may cost the relay in sync answers. Each distinct state vector needs its
 * own encoding of what the sender lacks: on a 2 MB document, a connection asking with a new
 * state vector at the message rate would keep the event loop busy for every other document.
 * Within its budget a connection's requests are encoded for it; past it they are answered from
 * the encoding shared by devices that join with nothing (the whole document, correct for any
 * state vector), which costs the relay nothing more.
 */
export class SyncAnswerBudget {
  private readonly spending = new WeakMap<Peer, Spending>();

  constructor(
    private readonly bytes: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    /** Called once per window when a connection runs out. */
    private readonly onExhausted: (peer: Peer) => void,
  ) {}

  /** Whether an answer may be encoded for `peer` alone. */
  allows(peer: Peer): boolean {
    const spending = this.of(peer);
    if (spending.bytes < this.bytes) return true;
    if (!spending.reported) {
      spending.reported = true;
      this.onExhausted(peer);
    }
    return false;
  }

  spend(peer: Peer, bytes: number): void {
    this.of(peer).bytes += bytes;
  }

  private of(peer: Peer): Spending {
    const now = this.now();
    let spending = this.spending.get(peer);
    if (!spending || now - spending.since >= this.windowMs) {
      spending = { since: now, bytes: 0, reported: false };
      this.spending.set(peer, spending);
    }
    return spending;
  }
}
