import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { RefusalReason, SERVER_AWARENESS_CLIENT, type AwarenessUser } from '@accord/shared';

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
  /** For a state another process relayed (clustered mode): when it last came, in ms. */
  mirroredAt?: number;
}

/**
 * How long a state relayed by another process is offered to devices joining here without news
 * of it: devices renew their state every 15 s, and y-protocols forgets a state after 30 s. A
 * process that died takes its devices' carets with it after this, here too.
 */
const MIRROR_TTL_MS = 30_000;

/** What decides whose an awareness client id is, for one connection's update. */
export interface AwarenessClaim {
  /** The participant the update is attributed to. */
  owner: string;
  /** The awareness client id this connection announced before, if any: one per connection. */
  own: number | null;
  /** The participant a Yjs client id is bound to, if anyone. */
  ownerOf: (clientId: number) => string | undefined;
  /** States larger than this (JSON, in bytes) are refused. */
  maxStateBytes: number;
}

export type AwarenessRefusal =
  | typeof RefusalReason.foreignClient
  | typeof RefusalReason.awarenessClients
  | typeof RefusalReason.awarenessTooLarge;

export type AwarenessVerdict =
  /** `claimed`: the connection's own client id, when this update announced it first. */
  | { ok: true; clientIds: number[]; claimed: number | null }
  | { ok: false; reason: AwarenessRefusal; clientId: number };

interface Decided {
  clientId: number;
  clock: number;
  value: unknown;
  leaving: boolean;
}

/** Departed clients remembered for their echoes; past this the memory starts again. */
const MAX_DEPARTED = 10_000;

export class AwarenessTable {
  private readonly entries = new Map<number, Entry>();
  private readonly dirty = new Set<number>();
  /** The encoded snapshot, kept until a state changes: a crowd joining at once shares it. */
  private snapshotCache: Uint8Array | null = null;
  /**
   * The last clocks of departed clients, forgotten after their removal was relayed: an echo of
   * their state may still be on its way from a device that had not yet heard they left.
   */
  private readonly departed = new Map<number, number>();

  /**
   * Applies a connection's awareness update. A connection speaks for one client id (its
   * device's); other states in its update must be echoes of what the server relayed (stock
   * providers send back every state they receive) and are ignored. Every state kept is
   * rewritten so that its `user` is the one the server knows. A second client id, a client id
   * bound to someone else or an oversize state refuses the whole update, applying none of it
   * (and decoding no further). Throws on a malformed update.
   */
  apply(update: Uint8Array, user: AwarenessUser, claim: AwarenessClaim): AwarenessVerdict {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const decided: Decided[] = [];
    let own = claim.own;
    let claimed: number | null = null;
    // First decide, then apply: a refused update changes nothing.
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      // A UTF-8 character takes at most three bytes per UTF-16 unit: most states need no count.
      const max = claim.maxStateBytes;
      if (state.length > max || (state.length * 3 > max && Buffer.byteLength(state) > max)) {
        return { ok: false, reason: RefusalReason.awarenessTooLarge, clientId };
      }
      const known = this.entries.get(clientId)?.clock ?? this.departed.get(clientId);
      if (clientId !== own) {
        // An echo carries a clock the server has already relayed, or a removal.
        if (state === 'null' || (known !== undefined && clock <= known)) continue;
        const bound = claim.ownerOf(clientId);
        if (
          clientId === SERVER_AWARENESS_CLIENT ||
          (bound !== undefined && bound !== claim.owner)
        ) {
          return { ok: false, reason: RefusalReason.foreignClient, clientId };
        }
        if (own !== null) return { ok: false, reason: RefusalReason.awarenessClients, clientId };
        own = claimed = clientId;
      }
      const value: unknown = JSON.parse(state);
      decided.push({ clientId, clock, value, leaving: value === null });
    }
    const accepted: number[] = [];
    for (const { clientId, clock, value, leaving } of decided) {
      // y-protocols' rule: newer clocks win; at equal clocks only a removal is news. A departed
      // client's last clock still counts: a state its device sent before leaving may arrive
      // late, on a connection of its own that had not closed yet.
      const known = this.entries.get(clientId)?.clock ?? this.departed.get(clientId);
      if (known !== undefined && (clock < known || (clock === known && !leaving))) continue;
      const rewritten =
        leaving || typeof value !== 'object'
          ? null
          : JSON.stringify({ ...(value as Record<string, unknown>), user });
      this.entries.set(clientId, { clock, state: rewritten, owner: claim.owner });
      this.dirty.add(clientId);
      this.snapshotCache = null;
      accepted.push(clientId);
    }
    return { ok: true, clientIds: accepted, claimed };
  }

  /**
   * States another process of the cluster relayed, already checked and rewritten there. They
   * are kept so that their echoes from this process's devices (stock providers send back every
   * state they receive) are recognised as echoes, and so that a device joining here sees the
   * carets of those over there; they are not relayed again from here (the room relays the
   * message as it came). Throws on a malformed update.
   */
  mirror(update: Uint8Array, now: number): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      if (clientId === SERVER_AWARENESS_CLIENT) continue;
      const known = this.entries.get(clientId)?.clock ?? this.departed.get(clientId);
      if (known !== undefined && clock < known) continue;
      this.snapshotCache = null;
      if (state === 'null') {
        this.entries.delete(clientId);
        this.dirty.delete(clientId);
        this.rememberDeparted(clientId, clock);
        continue;
      }
      this.entries.set(clientId, { clock, state, owner: 'elsewhere', mirroredAt: now });
    }
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
      const entry = this.entries.get(clientId);
      if (entry?.state === null) {
        this.entries.delete(clientId);
        this.rememberDeparted(clientId, entry.clock);
      }
    }
    this.dirty.clear();
    return update;
  }

  /** The awareness update of every present client, for a joining connection; null if none. */
  snapshot(now: number = Date.now()): Uint8Array | null {
    if (this.snapshotCache) return this.snapshotCache;
    for (const [clientId, entry] of this.entries) {
      if (entry.mirroredAt !== undefined && now - entry.mirroredAt > MIRROR_TTL_MS) {
        this.entries.delete(clientId);
        this.rememberDeparted(clientId, entry.clock);
      }
    }
    const present = [...this.entries].filter(([, e]) => e.state !== null).map(([id]) => id);
    this.snapshotCache = present.length > 0 ? this.encode(present) : null;
    return this.snapshotCache;
  }

  private rememberDeparted(clientId: number, clock: number): void {
    if (this.departed.size >= MAX_DEPARTED) this.departed.clear();
    this.departed.set(clientId, clock);
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
