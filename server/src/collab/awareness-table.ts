import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { AwarenessUser } from '@accord/shared';

/**
 * The room's awareness states (carets, selections, who is here), kept as JSON strings and
 * relayed in batches: all changes of one event-loop turn go out as one message, so a room of
 * 300 devices moving carets costs one encoding per turn rather than one per caret.
 *
 * Wire format of an awareness update (y-protocols): varUint count, then per client
 * varUint clientId, varUint clock, varString JSON state ("null" when the client left).
 */

interface Entry {
  clock: number;
  /** The JSON state as relayed, `null` once the client left. */
  state: string | null;
  owner: string;
}

export type AwarenessVerdict =
  | { ok: true; clientIds: number[] }
  | { ok: false; foreignClientId: number };

export class AwarenessTable {
  private readonly entries = new Map<number, Entry>();
  private readonly dirty = new Set<number>();
  /** The encoded snapshot, kept until a state changes: a crowd joining at once shares it. */
  private snapshotCache: Uint8Array | null = null;

  /**
   * Applies a client's awareness update. Every state is rewritten so that its `user` is the one
   * the server knows; a new state for a client id that belongs to someone else refuses the whole
   * update (applying none of it).
   * `isOwnClient` decides (and records) ownership. Throws on a malformed update.
   */
  apply(
    update: Uint8Array,
    owner: string,
    user: AwarenessUser,
    isOwnClient: (clientId: number) => boolean,
  ): AwarenessVerdict {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const parsed: { clientId: number; clock: number; state: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      parsed.push({ clientId, clock, state });
    }
    // First decide, then apply: a refused update changes nothing.
    const decided = parsed.map((entry) => {
      const value: unknown = JSON.parse(entry.state);
      const current = this.entries.get(entry.clientId);
      const leaving = value === null;
      let echo = false;
      if (!isOwnClient(entry.clientId)) {
        // Stock providers send back every state they receive: an echo carries a clock the
        // server has already relayed (or a removal). Anything newer is a forgery.
        echo = leaving || (current !== undefined && entry.clock <= current.clock);
        if (!echo) return null;
      }
      return { ...entry, value, current, leaving, echo };
    });
    const forged = decided.findIndex((d) => d === null);
    if (forged >= 0) return { ok: false, foreignClientId: parsed[forged]!.clientId };
    const accepted: number[] = [];
    for (const entry of decided) {
      if (!entry || entry.echo) continue;
      const { clientId, clock, value, current, leaving } = entry;
      // y-protocols' rule: newer clocks win; at equal clocks only a removal is news.
      if (current && (clock < current.clock || (clock === current.clock && !leaving))) continue;
      const rewritten =
        leaving || typeof value !== 'object'
          ? null
          : JSON.stringify({ ...(value as Record<string, unknown>), user });
      this.entries.set(clientId, { clock, state: rewritten, owner });
      this.dirty.add(clientId);
      this.snapshotCache = null;
      accepted.push(clientId);
    }
    return { ok: true, clientIds: accepted };
  }

  /** Publishes the server's own state under `clientId` (document-wide news for every client). */
  announce(clientId: number, state: unknown): void {
    const current = this.entries.get(clientId);
    this.entries.set(clientId, {
      clock: (current?.clock ?? 0) + 1,
      state: JSON.stringify(state),
      owner: 'system',
    });
    this.dirty.add(clientId);
    this.snapshotCache = null;
  }

  /** Marks the given clients as gone (their connection closed). */
  remove(clientIds: Iterable<number>): void {
    for (const clientId of clientIds) {
      const entry = this.entries.get(clientId);
      if (!entry || entry.state === null) continue;
      this.entries.set(clientId, { clock: entry.clock + 1, state: null, owner: entry.owner });
      this.dirty.add(clientId);
      this.snapshotCache = null;
    }
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** The clients whose states changed since the last `takeChanges`. */
  get changedClients(): ReadonlySet<number> {
    return this.dirty;
  }

  /** The awareness update of everything changed since the last call, or null. */
  takeChanges(): Uint8Array | null {
    if (this.dirty.size === 0) return null;
    const update = this.encode([...this.dirty]);
    for (const clientId of this.dirty) {
      // Removed states are relayed once, then forgotten.
      if (this.entries.get(clientId)?.state === null) this.entries.delete(clientId);
    }
    this.dirty.clear();
    return update;
  }

  /** The awareness update of every present client, for a joining connection; null if none. */
  snapshot(): Uint8Array | null {
    if (this.snapshotCache) return this.snapshotCache;
    const present = [...this.entries].filter(([, e]) => e.state !== null).map(([id]) => id);
    this.snapshotCache = present.length > 0 ? this.encode(present) : null;
    return this.snapshotCache;
  }

  private encode(clientIds: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, clientIds.length);
    for (const clientId of clientIds) {
      const entry = this.entries.get(clientId);
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, entry?.clock ?? 0);
      encoding.writeVarString(encoder, entry?.state ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }
}
