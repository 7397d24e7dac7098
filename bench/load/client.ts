import { WebSocket, type RawData } from 'ws';
import * as Y from 'yjs';
import { scanTokens } from './token';
import {
  EMPTY_STATE_VECTOR,
  EMPTY_UPDATE,
  MESSAGE_SYNC,
  STEP1,
  STEP2,
  UPDATE,
  type Wire,
} from './wire';
import type { Samples } from './samples';

/**
 * seed: fills the document before the run, then idles (not measured).
 * writer: a full Y.Doc that types into its own paragraph; it applies only its first sync,
 *   because its inserts only ever reference its own text (so it never needs others' edits).
 * probe: a reader with a full Y.Doc that applies everything, to check convergence at the end.
 * reader: counts bytes and scans update bytes for tokens; never decodes Yjs.
 */
export type Role = 'seed' | 'writer' | 'probe' | 'reader';

/** What the clients of one document share. */
export interface DocContext {
  wire: Wire;
  samples: Samples;
}

const ORIGIN_REMOTE = 'remote';

export class BenchClient {
  readonly doc: Y.Doc | null;
  readonly clientId: number;
  ws: WebSocket | null = null;
  /** Monotonic ms: first connection (changes before it are not owed to this client). */
  firstConnectedAt = -1;
  /** When the current connection received its sync answer; -1 while unsynced. */
  syncedAt = -1;
  bytesIn = 0;
  /** Changes that arrived again in a live update after having arrived once. */
  duplicates = 0;
  /** Per writer, how often each change arrived (index: seq). */
  readonly seen = new Map<number, Uint8Array>();
  private everSynced = false;
  private awarenessClock = 0;
  private waiters: (() => void)[] = [];

  constructor(
    readonly url: string,
    readonly role: Role,
    readonly context: DocContext,
    /** Global writer index (writers only; -1 otherwise). */
    readonly writerIndex: number,
    readonly name: string,
  ) {
    this.doc = role === 'reader' ? null : new Y.Doc();
    // Readers have no Y.Doc but still need an awareness client id of their own.
    this.clientId = this.doc?.clientID ?? Math.floor(Math.random() * 0x7fffffff);
    this.doc?.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== ORIGIN_REMOTE) this.send(this.context.wire.sync(UPDATE, update));
    });
  }

  /** Connects and resolves once the server's sync answer has arrived. */
  connect(): Promise<void> {
    const { wire } = this.context;
    const ws = new WebSocket(this.url, { perMessageDeflate: false });
    this.ws = ws;
    this.syncedAt = -1;
    const synced = this.whenSynced();
    ws.on('open', () => {
      if (this.firstConnectedAt < 0) this.firstConnectedAt = performance.now();
      const hello = wire.hello();
      if (hello) ws.send(hello);
      ws.send(wire.sync(STEP1, this.doc ? Y.encodeStateVector(this.doc) : EMPTY_STATE_VECTOR));
      this.sendAwareness(null);
    });
    ws.on('message', (data: RawData) => this.receive(data as Buffer));
    ws.on('error', () => undefined);
    return Promise.race([
      synced,
      new Promise<void>((_, reject) => {
        ws.once('close', (code) => {
          if (this.syncedAt < 0) reject(new Error(`${this.name}: closed ${code} before sync`));
        });
      }),
    ]);
  }

  whenSynced(): Promise<void> {
    if (this.syncedAt >= 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the connection without a closing handshake, as a network loss would. */
  drop(): void {
    this.ws?.removeAllListeners();
    this.ws?.on('error', () => undefined);
    this.ws?.terminate();
    this.ws = null;
    this.syncedAt = -1;
  }

  close(): void {
    this.ws?.terminate();
    this.ws = null;
  }

  send(message: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(message);
  }

  /** A presence state, with a cursor for writers (anchor/head as Yjs relative positions). */
  sendAwareness(cursor: { anchor: unknown; head: unknown } | null): void {
    this.awarenessClock += 1;
    const user = { name: this.name, color: '#30bced' };
    const state = cursor ? { user, cursor } : { user };
    this.send(this.context.wire.awareness(this.clientId, this.awarenessClock, state));
  }

  private receive(data: Buffer): void {
    this.bytesIn += data.length;
    const message = this.context.wire.parse(data);
    // Awareness and protocol chatter are only counted.
    if (message.type !== MESSAGE_SYNC || !message.payload) return;
    const { payload, step } = message;
    if (step === STEP1) {
      const answer = this.doc ? Y.encodeStateAsUpdate(this.doc, payload) : EMPTY_UPDATE;
      this.send(this.context.wire.sync(STEP2, answer));
      return;
    }
    const now = performance.now();
    const applies =
      this.role === 'probe' || this.role === 'seed' || (this.role === 'writer' && !this.everSynced);
    if (this.doc && applies) Y.applyUpdate(this.doc, payload, ORIGIN_REMOTE);
    this.scan(payload, step === UPDATE, now);
    if (step === STEP2 && this.syncedAt < 0) {
      this.syncedAt = now;
      this.everSynced = true;
      for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  private scan(payload: Uint8Array, live: boolean, now: number): void {
    scanTokens(payload, (writer, seq, sentAt) => {
      if (writer === this.writerIndex) return;
      let counts = this.seen.get(writer);
      if (!counts || counts.length <= seq) {
        const bigger = new Uint8Array(Math.max(64, (seq + 1) * 2));
        if (counts) bigger.set(counts);
        counts = bigger;
        this.seen.set(writer, counts);
      }
      // 0: not seen; 1: seen in a sync answer only; 2: seen in a live update; 3+: duplicates.
      // A sync answer may overlap live updates (Yjs ignores the repeat): only a second *live*
      // arrival counts as a duplicate.
      const state = counts[seq]!;
      if (state === 0 && live && this.syncedAt >= 0 && sentAt >= this.syncedAt) {
        // Only changes sent after this connection synced measure the relay's latency.
        this.context.samples.add(sentAt, now - sentAt);
      }
      if (!live) {
        if (state === 0) counts[seq] = 1;
      } else if (state < 2) {
        counts[seq] = 2;
      } else {
        this.duplicates += 1;
        if (state < 255) counts[seq] = state + 1;
      }
    });
  }
}
