import * as Y from 'yjs';
import { storedStructs, type UpdateView } from './update-view';

/**
 * A sync answer repeats every deletion its sender ever saw: finding a range and stepping over
 * structs that are already deleted is cheap for Yjs (a lookup, a flag test), so ten of them
 * count as one unit; deleting a live struct counts one.
 */
const ALREADY_DELETED_PER_UNIT = 10;

export interface Deleting {
  /** The live stored items the delete set removes. */
  deletions: Y.Item[];
  /** Their merge cost units. */
  work: number;
}

/** What the update's delete set removes, or null past `cap` units (then it is too costly). */
export function deletionWork(view: UpdateView, cap: number): Deleting | null {
  const deletions: Y.Item[] = [];
  let ranges = 0;
  let stepped = 0;
  const work = () => deletions.length + (ranges + stepped) / ALREADY_DELETED_PER_UNIT;
  for (const [client, list] of view.ds.clients) {
    for (const range of list) {
      ranges += 1;
      for (const struct of storedStructs(view.doc, client, range.clock, range.len)) {
        if (struct instanceof Y.Item && !struct.deleted) deletions.push(struct);
        else stepped += 1;
        if (work() > cap) return null;
      }
    }
    if (work() > cap) return null;
  }
  return { deletions, work: Math.ceil(work()) };
}

/**
 * What an update would cost Yjs to merge, estimated from its decoded structs before it is
 * applied. Bytes are no measure: Yjs places an item whose neighbours have moved apart by walking
 * every item between its origin and right origin (`Item.integrate`, "conflict resolution"), and
 * an item that shares its origin with others walks them all and everything hanging off them, so
 * a few kilobytes of items that all claim one spot in front of a long run cost O(k × run).
 *
 * The unit is one step of that walk (about 0.2 µs on the reference machine, with `getItem`
 * lookups), plus one per struct and per deleted struct. The estimate is an upper bound for the
 * walks Yjs makes: for each group of new items claiming the same spot (same origin, right origin,
 * parent and key), every member may walk the whole group plus every new item of that parent
 * plus the stored items between the spot's ends; a lone item walks the stored items between its
 * ends. Honest editing makes a group of one whose ends are neighbours: one unit per struct.
 */

/**
 * 250,000 steps: about 50 ms of conflict resolution at 0.2 µs a step, the most one update may
 * hold up every other meeting on the server. Typing, pasting fifty pages, a reconnecting
 * client's offline work and a restore all cost about one unit per struct (a few thousand).
 */
export const DEFAULT_MERGE_BUDGET = 250_000;

export interface MergeCost {
  /** The estimate, stopped early once it passes the budget. */
  cost: number;
  over: boolean;
}

const idKey = (id: Y.ID | null) => (id ? `${id.client}:${id.clock}` : '');

/**
 * `deleting` is the delete set's share, from `deletionWork`: Yjs walks the stored structs of
 * each range, deleting the live ones.
 */
export function mergeCost(view: UpdateView, budget: number, deleting: number): MergeCost {
  let cost = view.fresh.length + view.gaps.length + deleting;
  const over = () => cost > budget;
  const remaining = () => Math.max(0, budget - cost + 1);
  if (over()) return { cost, over: true };

  const perParent = new Map<unknown, number>();
  const groups = new Map<string, Y.Item[]>();
  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item)) continue;
    const place = view.placeOf(struct);
    const parentKey =
      place.kind === 'root'
        ? `root:${place.name}`
        : place.kind === 'stored'
          ? place.type
          : place.kind === 'new'
            ? place.holder
            : place.kind;
    perParent.set(parentKey, (perParent.get(parentKey) ?? 0) + 1);
    // Items with neither neighbour name their parent; the others are placed by their ends.
    const anchor =
      struct.origin || struct.rightOrigin
        ? ''
        : struct.parent instanceof Y.ID
          ? idKey(struct.parent)
          : `root:${typeof struct.parent === 'string' ? struct.parent : '?'}`;
    const key = `${idKey(struct.origin)}|${idKey(struct.rightOrigin)}|${anchor}|${struct.parentSub ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(struct);
    else groups.set(key, [struct]);
  }
  const parentCount = (item: Y.Item): number => {
    const place = view.placeOf(item);
    const parentKey =
      place.kind === 'root'
        ? `root:${place.name}`
        : place.kind === 'stored'
          ? place.type
          : place.kind === 'new'
            ? place.holder
            : place.kind;
    return perParent.get(parentKey) ?? 0;
  };
  for (const group of groups.values()) {
    const first = group[0]!;
    const between = storedBetween(view, first, remaining());
    if (group.length === 1) {
      cost += between;
      // Placed between two ends of which one is new: Yjs walks whatever this update put in
      // between first, at most the new items of that parent (half of them on average).
      if (!placedAgainstItsEnds(view, first)) cost += Math.ceil(parentCount(first) / 2);
    } else cost += group.length * (group.length + parentCount(first) + between);
    if (over()) return { cost, over: true };
  }
  return { cost, over: false };
}

const sameId = (a: Y.ID | null, b: Y.ID | null) =>
  a === b || (a !== null && b !== null && a.client === b.client && a.clock === b.clock);

/**
 * Whether an item's ends are neighbours as far as this update goes, so Yjs has nothing to walk
 * (beyond the stored items `storedBetween` counts): both ends stored; or it continues a new
 * item (its origin is that item's last character and it shares its right end); or it is typed
 * inside one (its right end is the character after its origin); or it is typed just before a
 * new item placed at the same origin.
 */
function placedAgainstItsEnds(view: UpdateView, item: Y.Item): boolean {
  const left = item.origin ? view.locate(item.origin) : null;
  const right = item.rightOrigin ? view.locate(item.rightOrigin) : null;
  if (left?.where !== 'update' && right?.where !== 'update') return true;
  if (item.origin && item.rightOrigin && item.origin.client === item.rightOrigin.client) {
    if (item.rightOrigin.clock === item.origin.clock + 1) return true;
  }
  if (left?.where === 'update' && left.struct instanceof Y.Item && item.origin) {
    const last = left.struct.id.clock + left.struct.length - 1;
    if (item.origin.clock === last && sameId(item.rightOrigin, left.struct.rightOrigin))
      return true;
  }
  if (right?.where === 'update' && right.struct instanceof Y.Item && item.rightOrigin) {
    const starts = right.struct.id.clock === item.rightOrigin.clock;
    if (starts && sameId(item.origin, right.struct.origin)) return true;
  }
  return false;
}

/**
 * The stored items Yjs walks between a new item's origin and right origin, counted up to
 * `cap`. Zero when they are neighbours (honest typing).
 */
function storedBetween(view: UpdateView, item: Y.Item, cap: number): number {
  const right = item.rightOrigin ? view.locate(item.rightOrigin) : null;
  // A right end the update itself brings is new: nothing stored lies before it that is not
  // also after an origin Yjs places first.
  if (right && right.where === 'update') return 0;
  const stop = right?.struct ?? null;
  let start: Y.Item | null;
  let steps = 0;
  if (item.origin) {
    const left = view.locate(item.origin);
    if (!left || left.where === 'update' || !(left.struct instanceof Y.Item)) return 0;
    // An origin inside a stored item splits it: the rest of that item is walked first.
    if (item.origin.clock < left.struct.id.clock + left.struct.length - 1) {
      if (stop && stop === left.struct) return 0;
      steps += 1;
    }
    start = left.struct.right;
  } else {
    const place = view.placeOf(item);
    if (place.kind !== 'stored' && place.kind !== 'root') return 0;
    const type = place.kind === 'stored' ? place.type : view.doc.share.get(place.name);
    if (!type) return 0;
    if (place.sub !== null) {
      // A key's values form a chain, walked from its first (what Yjs does).
      start = type._map.get(place.sub) ?? null;
      while (start?.left && steps < cap) {
        start = start.left;
        steps += 1;
      }
    } else start = type._start;
  }
  for (let o = start; o !== null && o !== stop && steps < cap; o = o.right) steps += 1;
  return steps;
}
