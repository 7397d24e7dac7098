import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';

/**
 * A decoded update seen against the room's document, read-only: which of its structs are new,
 * where an id lives (in the document or in the update), and in which type each new item would
 * land. Every rule of the update check reads the update through this view, so the update is
 * decoded once and each question costs O(log n).
 */

export type Struct = Y.Item | Y.GC | Y.Skip;

/** Yjs' delete set, which its typings do not export. */
export interface DeleteSet {
  clients: Map<number, { clock: number; len: number }[]>;
}

/** Where an item lands. */
export type Place =
  /** A root type of the document, by name (`body`, or anything else a client invents). */
  | { kind: 'root'; name: string; sub: string | null }
  /** A type the document already holds. */
  | { kind: 'stored'; type: Y.AbstractType<unknown>; sub: string | null }
  /** A type created by this same update: the item that holds it. */
  | { kind: 'new'; holder: Y.Item; sub: string | null }
  /** Collected garbage: Yjs drops the item. */
  | { kind: 'gone' }
  /** Refers to an id neither the document nor the update holds. */
  | { kind: 'missing'; id: Y.ID };

export type Located =
  | { where: 'stored'; struct: Y.Item | Y.GC }
  | { where: 'update'; struct: Y.Item | Y.GC };

export class UpdateView {
  /** Items (and GCs) past the server's state, in update order. */
  readonly fresh: (Y.Item | Y.GC)[] = [];
  /** Skips past the server's state: history the update says it does not carry. */
  readonly gaps: Y.Skip[] = [];
  /** The update's structs by client, ascending clock (as decoded). */
  private readonly byClient = new Map<number, Struct[]>();
  private readonly states = new Map<number, number>();
  private readonly places = new Map<Y.Item, Place>();
  /** The draft's body (a root type stays untyped in a loaded doc until someone asks for it). */
  readonly body: Y.XmlFragment | undefined;

  constructor(
    readonly doc: Y.Doc,
    readonly structs: Struct[],
    readonly ds: DeleteSet,
  ) {
    try {
      this.body = doc.getXmlFragment(BODY_FIELD);
    } catch {
      // Defined as another type: nothing is in the body.
      this.body = undefined;
    }
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
      if (struct.id.clock + struct.length <= this.state(struct.id.client)) continue;
      if (struct instanceof Y.Skip) this.gaps.push(struct);
      else this.fresh.push(struct);
    }
  }

  private readonly sortedDeletes = new Map<number, { clock: number; end: number }[]>();

  /** Whether the delete set covers all of `[clock, clock + length)` of `client`. */
  deletes(client: number, clock: number, length: number): boolean {
    let ranges = this.sortedDeletes.get(client);
    if (!ranges) {
      ranges = [];
      const sorted = [...(this.ds.clients.get(client) ?? [])].sort((a, b) => a.clock - b.clock);
      for (const range of sorted) {
        const last = ranges[ranges.length - 1];
        if (last && range.clock <= last.end) last.end = Math.max(last.end, range.clock + range.len);
        else ranges.push({ clock: range.clock, end: range.clock + range.len });
      }
      this.sortedDeletes.set(client, ranges);
    }
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const range = ranges[middle]!;
      if (clock < range.clock) high = middle - 1;
      else if (clock >= range.end) low = middle + 1;
      else return clock + length <= range.end;
    }
    return false;
  }

  /** The server's state for `client`: the first clock it lacks. */
  state(client: number): number {
    let state = this.states.get(client);
    if (state === undefined) {
      state = Y.getState(this.doc.store, client);
      this.states.set(client, state);
    }
    return state;
  }

  /** The first clock of `client` past both the server's state and this update. */
  reach(client: number): number {
    const list = this.byClient.get(client);
    const last = list?.[list.length - 1];
    let end = this.state(client);
    if (last && !(last instanceof Y.Skip)) end = Math.max(end, last.id.clock + last.length);
    return end;
  }

  /** The struct holding `id`: stored in the document, or carried by this update, or neither. */
  locate(id: Y.ID): Located | null {
    if (id.clock < this.state(id.client)) {
      const struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
      return { where: 'stored', struct };
    }
    const list = this.byClient.get(id.client);
    if (!list) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct instanceof Y.Skip ? null : { where: 'update', struct };
    }
    return null;
  }

  /**
   * The type a new item lands in. Items written after a sibling carry no parent: it is their
   * origin's (or right origin's), which may itself be new; the chain is followed without
   * recursion, so a long run costs one step per item.
   */
  placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    let place: Place | undefined;
    for (;;) {
      const known = this.places.get(current);
      if (known) {
        place = known;
        break;
      }
      chain.push(current);
      const own = this.ownPlace(current);
      if (own) {
        place = own;
        break;
      }
      const reference = (current.origin ?? current.rightOrigin)!;
      const located = this.locate(reference);
      if (!located) {
        place = { kind: 'missing', id: reference };
        break;
      }
      if (located.struct instanceof Y.GC) {
        place = { kind: 'gone' };
        break;
      }
      if (located.where === 'stored') {
        place = this.storedPlace(located.struct);
        break;
      }
      if (chain.includes(located.struct) || chain.length > this.fresh.length + 1) {
        place = { kind: 'missing', id: reference };
        break;
      }
      current = located.struct;
    }
    for (const link of chain) this.places.set(link, place);
    return place;
  }

  /** The place an item names itself (parent info is written only when it has no neighbours). */
  private ownPlace(item: Y.Item): Place | null {
    const parent = item.parent as unknown;
    if (parent instanceof Y.ID) {
      const located = this.locate(parent);
      if (!located) return { kind: 'missing', id: parent };
      if (located.struct instanceof Y.GC) return { kind: 'gone' };
      const holder = located.struct;
      if (!(holder.content instanceof Y.ContentType)) return { kind: 'gone' };
      if (located.where === 'update') return { kind: 'new', holder, sub: item.parentSub };
      if (holder.deleted) return { kind: 'gone' };
      return { kind: 'stored', type: holder.content.type, sub: item.parentSub };
    }
    // Decoded updates name a root type by its name.
    if (typeof parent === 'string') return { kind: 'root', name: parent, sub: item.parentSub };
    if (parent instanceof Y.AbstractType) {
      return { kind: 'root', name: rootName(parent), sub: item.parentSub };
    }
    if (item.origin === null && item.rightOrigin === null) return { kind: 'gone' };
    return null;
  }

  private storedPlace(neighbour: Y.Item): Place {
    const parent = neighbour.parent;
    if (!(parent instanceof Y.AbstractType)) return { kind: 'gone' };
    if (parent._item === null) {
      return { kind: 'root', name: rootName(parent), sub: neighbour.parentSub };
    }
    return { kind: 'stored', type: parent, sub: neighbour.parentSub };
  }
}

/** The name under which a root type is shared (decoded updates hold it on a scratch doc). */
function rootName(type: Y.AbstractType<unknown>): string {
  const doc = type.doc;
  if (doc) for (const [name, shared] of doc.share) if (shared === type) return name;
  return '';
}

/** Decodes `update` against `doc`; throws on bytes that are not an update. */
export function viewUpdate(doc: Y.Doc, update: Uint8Array): UpdateView {
  const decoded = Y.decodeUpdate(update);
  return new UpdateView(doc, decoded.structs, decoded.ds);
}

/** The stored structs of `client` overlapping `[clock, clock + length)`. */
export function* storedStructs(doc: Y.Doc, client: number, clock: number, length: number) {
  const structs = doc.store.clients.get(client);
  if (!structs || structs.length === 0) return;
  const state = Y.getState(doc.store, client);
  if (clock >= state) return;
  let index = Y.findIndexSS(structs, clock);
  for (; index < structs.length; index++) {
    const struct = structs[index]!;
    if (struct.id.clock >= clock + length) return;
    yield struct;
  }
}

/** Whether the update's delete set covers `id` (O(log ranges) once sorted). */
export function isDeletedBy(view: UpdateView, id: Y.ID): boolean {
  return view.deletes(id.client, id.clock, 1);
}
