import * as Y from 'yjs';
import { RefusalReason, can, type DraftingMode, type Role } from '@accord/shared';
import { authorId } from '../auth/principal';
import { applyBracketRepairs, bracketRepairs, type BracketMerge } from './integrity/bracket-merge';
import type { Peer } from './peer';
import { applyServerChange, type RoomDocument } from './room-document';
import { checkUpdate, type UpdateContext } from './update-check';

/** What admission needs from its room. */
export interface AdmissionContext {
  document: RoomDocument;
  isLocked(): boolean;
  /** The document's drafting mode now. */
  modeOf(): DraftingMode;
  now(): number;
  maxDocumentBytes: number;
  budget: { bytes: number; windowMs: number; exemptRoles: readonly Role[] };
  maxPending: { updates: number; bytes: number };
  /** Refuses the peer's update whole: it is told why and closed with 4409. */
  refuse(peer: Peer, reason: RefusalReason, detail: string): void;
  /** The peer went past a limit that costs it nothing to retry: closed with 4529. */
  overLimit(peer: Peer, detail: string): void;
  /** Yjs threw while applying an accepted update. */
  applyFailed(error: unknown): void;
}

/** An update that arrived before the sender's own history it builds on. */
interface PendingUpdate {
  update: Uint8Array;
  /** Client id → the clock the document must reach first (empty: retry every time). */
  needs: Map<number, number>;
}

interface PendingQueue {
  updates: PendingUpdate[];
  bytes: number;
}

type Outcome = 'accepted' | 'empty' | 'pending' | 'refused';

/** The verdict as both today's and the pending-aware update check give it. */
interface LooseVerdict {
  accept: boolean;
  empty?: boolean;
  newClients?: number[];
  pending?: boolean;
  reason?: RefusalReason;
  detail?: string;
  bracketMerge?: BracketMerge;
}

/**
 * The door of a room's document: every update is checked, then accepted whole or refused whole,
 * before it touches the `Y.Doc` (Yjs cannot roll back). Past the update check come the room's
 * own limits: the document's size cap and each participant's growth budget.
 *
 * A fast client's updates can overtake the sync answer that carries its earlier edits (a
 * reconnect while typing): they need history the server has not received yet, from the sender
 * itself. They wait here, bounded, and are tried again after each of the sender's accepted
 * updates; an honest client is never refused for arriving early.
 */
export class UpdateAdmission {
  private readonly pending = new Map<Peer, PendingQueue>();
  private readonly spent = new Map<string, { since: number; bytes: number }>();
  private retrying = false;

  constructor(private readonly room: AdmissionContext) {}

  receive(peer: Peer, update: Uint8Array): void {
    const outcome = this.admit(peer, update);
    if (outcome === 'pending') this.hold(peer, update);
    else if (outcome === 'accepted' && this.pending.has(peer)) this.retry(peer);
  }

  /** A connection closed: what it held back goes (its provider resends it through sync). */
  release(peer: Peer): void {
    this.pending.delete(peer);
  }

  private admit(peer: Peer, update: Uint8Array): Outcome {
    const { principal } = peer;
    const author = authorId(principal);
    const document = this.room.document;
    const context: UpdateContext & { delegation: string | null; canRemoveAnyBracket: boolean } = {
      doc: document.doc,
      author,
      delegation: principal.participant?.delegation ?? null,
      role: principal.role,
      canEdit: can(principal.role, 'edit'),
      canSetStatus: can(principal.role, 'setStatus'),
      canRemoveAnyBracket: can(principal.role, 'removeAnyBracket'),
      locked: this.room.isLocked(),
      mode: this.room.modeOf(),
      bindings: document.bindings,
    };
    const verdict = checkUpdate(update, context) as LooseVerdict;
    if (!verdict.accept) {
      if (this.isPending(verdict, update, author)) return 'pending';
      this.room.refuse(peer, verdict.reason ?? RefusalReason.invalid, verdict.detail ?? '');
      return 'refused';
    }
    if (verdict.empty) return 'empty';
    if (document.approximateBytes + update.length > this.room.maxDocumentBytes) {
      this.room.refuse(peer, RefusalReason.documentTooLarge, `${update.length} bytes`);
      return 'refused';
    }
    const budget = this.budgetOf(peer);
    if (budget && budget.bytes + update.length > this.room.budget.bytes) {
      this.room.refuse(
        peer,
        RefusalReason.participantBudget,
        `${budget.bytes} bytes added within the window, ${update.length} more asked`,
      );
      return 'refused';
    }
    for (const clientId of verdict.newClients ?? []) document.bind(clientId, author);
    try {
      document.apply(update, author, peer);
    } catch (error) {
      this.room.applyFailed(error);
      return 'refused';
    }
    if (verdict.bracketMerge) {
      // Brackets placed at the same moment over the same words: both stay (bracket-merge.ts).
      const repairs = bracketRepairs(document.doc, verdict.bracketMerge);
      if (repairs.length > 0) {
        try {
          const apply = (doc: Y.Doc) => applyBracketRepairs(doc, repairs);
          applyServerChange(document, { author, apply }, (error) => this.room.applyFailed(error));
        } catch {
          return 'refused';
        }
      }
    }
    if (budget) budget.bytes += update.length;
    return 'accepted';
  }

  /**
   * Whether the update waits for the sender's own history. The pending-aware check says so
   * itself; the older check refuses with `missing_history`, which waits when every client
   * whose history is missing is the sender's or nobody's.
   */
  private isPending(verdict: LooseVerdict, update: Uint8Array, author: string): boolean {
    if (verdict.pending === true) return true;
    if (verdict.reason !== RefusalReason.missingHistory) return false;
    const { doc, bindings } = this.room.document;
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      const owner = bindings.get(client);
      if (clock > Y.getState(doc.store, client) && owner !== undefined && owner !== author) {
        return false;
      }
    }
    return true;
  }

  private hold(peer: Peer, update: Uint8Array): void {
    let queue = this.pending.get(peer);
    if (!queue) this.pending.set(peer, (queue = { updates: [], bytes: 0 }));
    const { doc } = this.room.document;
    const needs = new Map<number, number>();
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      if (clock > Y.getState(doc.store, client)) needs.set(client, clock);
    }
    queue.updates.push({ update, needs });
    queue.bytes += update.length;
    const limit = this.room.maxPending;
    if (queue.updates.length > limit.updates || queue.bytes > limit.bytes) {
      this.pending.delete(peer);
      this.room.overLimit(
        peer,
        `${queue.updates.length} updates (${queue.bytes} bytes) ahead of their history`,
      );
    }
  }

  /** Tries the peer's held updates again, in order, as long as one of them gets in. */
  private retry(peer: Peer): void {
    if (this.retrying) return;
    this.retrying = true;
    try {
      const { doc } = this.room.document;
      const ready = ({ needs }: PendingUpdate) => {
        for (const [client, clock] of needs)
          if (Y.getState(doc.store, client) < clock) return false;
        return true;
      };
      let progress = true;
      while (progress) {
        progress = false;
        const queue = this.pending.get(peer);
        if (!queue || !peer.isOpen) return;
        for (let i = 0; i < queue.updates.length; i++) {
          const held = queue.updates[i]!;
          if (!ready(held)) continue;
          const outcome = this.admit(peer, held.update);
          if (outcome === 'refused') return this.release(peer);
          if (outcome === 'pending') continue;
          queue.updates.splice(i--, 1);
          queue.bytes -= held.update.length;
          if (outcome === 'accepted') progress = true;
        }
        if (queue.updates.length === 0) this.pending.delete(peer);
      }
    } finally {
      this.retrying = false;
    }
  }

  /** The peer's participant's spending in the current window, or null when exempt. */
  private budgetOf(peer: Peer): { since: number; bytes: number } | null {
    const { role } = peer.principal;
    if (this.room.budget.exemptRoles.includes(role)) return null;
    const author = authorId(peer.principal);
    const now = this.room.now();
    let spent = this.spent.get(author);
    if (!spent || now - spent.since >= this.room.budget.windowMs) {
      spent = { since: now, bytes: 0 };
      this.spent.set(author, spent);
    }
    return spent;
  }
}
