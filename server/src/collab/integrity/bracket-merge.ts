import * as Y from 'yjs';
import { bracketHolders, sponsorTable } from '@accord/shared';
import { randomId } from '@accord/shared/ids';
import { bracketSponsors } from './draft-shape';
import type { UpdateView } from './update-view';

/**
 * Brackets made at the same moment over overlapping text must both stay. A `bracket` mark is a
 * Yjs format attribute, and formats are last-writer-wins: when Chile brackets "member states"
 * while Peru brackets "states to act", the merged text gives "states" to one of them and cuts
 * the other's end off with the first one's closing format. Neither delegation asked for that.
 *
 * So, for an update that opens a bracket in its sender's name inside a stored paragraph, the
 * relay notes who held each character before (`snapshotBrackets`, before the update is
 * applied) and, once it is applied, what the update itself meant each character to carry
 * (the update's own format items, in text order). Where the merged text keeps less than both,
 * the relay writes the union as one more change attributed to the same sender
 * (`bracketRepairs`): characters held by both get one bracket naming both delegations, and a
 * bracket cut short gets its end back. Nobody loses a bracket they did not remove; the merged
 * result is the same whichever update arrived first. O(touched paragraphs).
 */

/** Who held each character of one paragraph's text before the update, by Yjs id. */
export interface TextBrackets {
  textId: Y.ID;
  /** `<client>:<clock>` of each character → the bracket format value in force there (or null). */
  before: Map<string, unknown>;
}

/** What the relay must look at again once the update is applied. */
export interface BracketMerge {
  texts: TextBrackets[];
  /** The update's new structs: client → [clock, clock + length) ranges. */
  fresh: Map<number, [number, number][]>;
  /** The sender's delegation: a removal in its own name stays a removal. */
  delegation: string | null;
}

/** One run of characters to format: `[index, index + length)` of the text gets `value`. */
export interface BracketRepair {
  textId: Y.ID;
  index: number;
  length: number;
  value: { id: string; delegations: string[] } | null;
}

const charKey = (client: number, clock: number) => `${client}:${clock}`;

const isBracketFormat = (item: Y.Item) =>
  item.content instanceof Y.ContentFormat && item.content.key === 'bracket';

/** Records, before the update, the bracket in force at every character of `texts`. */
export function snapshotBrackets(
  view: UpdateView,
  texts: Iterable<Y.XmlText>,
  delegation: string | null,
): BracketMerge {
  const snapshots: TextBrackets[] = [];
  for (const text of texts) {
    if (!text._item) continue;
    const before = new Map<string, unknown>();
    let current: unknown = null;
    for (let o = text._start; o !== null; o = o.right) {
      if (o.deleted) continue;
      if (isBracketFormat(o)) current = (o.content as Y.ContentFormat).value;
      else if (o.countable) {
        for (let i = 0; i < o.length; i++)
          before.set(charKey(o.id.client, o.id.clock + i), current);
      }
    }
    snapshots.push({ textId: text._item.id, before });
  }
  const fresh = new Map<number, [number, number][]>();
  for (const struct of view.fresh) {
    const ranges = fresh.get(struct.id.client) ?? [];
    ranges.push([struct.id.clock, struct.id.clock + struct.length]);
    fresh.set(struct.id.client, ranges);
  }
  return { texts: snapshots, fresh, delegation };
}

function isFresh(merge: BracketMerge, id: Y.ID): boolean {
  return (merge.fresh.get(id.client) ?? []).some(([from, to]) => from <= id.clock && id.clock < to);
}

const sameHolders = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((holder) => b.includes(holder));

/**
 * The formats that give every character of the snapshot's texts the union of what it held
 * before and what the update meant it to hold, read from `doc` after the update is applied.
 * Empty when the merged text already says that (the usual case: nothing was concurrent).
 */
export function bracketRepairs(doc: Y.Doc, merge: BracketMerge): BracketRepair[] {
  const sponsors = sponsorTable(doc);
  const holdersOf = (value: unknown): string[] =>
    bracketSponsors(value) ? bracketHolders(value as { id?: unknown }, sponsors) : [];
  const repairs: BracketRepair[] = [];
  for (const { textId, before } of merge.texts) {
    const holder = Y.getItem(doc.store, textId) as Y.Item | undefined;
    const text = holder?.content instanceof Y.ContentType ? holder.content.type : null;
    if (!(text instanceof Y.XmlText) || holder?.deleted) continue;

    let after: unknown = null;
    /** What the update's own formats say here: undefined before its first one. */
    let meant: unknown = undefined;
    /** Whether the update's last format here closes a bracket it opened (not a removal). */
    let closing = false;
    let index = 0;
    let run: BracketRepair | null = null;
    let runHolders: string[] = [];
    const endRun = () => {
      if (run) repairs.push(run);
      run = null;
    };

    for (let o = text._start; o !== null; o = o.right) {
      if (isBracketFormat(o)) {
        const value = (o.content as Y.ContentFormat).value;
        if (isFresh(merge, o.id)) {
          closing = value === null && meant !== undefined && meant !== null;
          meant = value;
        }
        if (!o.deleted) after = value;
        continue;
      }
      if (o.deleted || !o.countable) continue;
      for (let i = 0; i < o.length; i++, index++) {
        const key = charKey(o.id.client, o.id.clock + i);
        if (!before.has(key)) {
          endRun();
          continue;
        }
        const was = before.get(key);
        const wasHolders = holdersOf(was);
        let wanted: string[];
        if (meant === null && !closing) {
          // The update removes a bracket here: only its own delegation's name goes.
          wanted = wasHolders.filter((h) => h !== merge.delegation);
        } else {
          wanted = [...wasHolders];
          for (const h of holdersOf(meant)) if (!wanted.includes(h)) wanted.push(h);
        }
        const nowHolders = holdersOf(after);
        if (sameHolders(wanted, nowHolders)) {
          endRun();
          continue;
        }
        if (run && sameHolders(wanted, runHolders) && run.index + run.length === index) {
          run.length += 1;
          continue;
        }
        endRun();
        runHolders = wanted;
        run = { textId, index, length: 1, value: valueFor(wanted, was, meant, holdersOf) };
      }
    }
    endRun();
  }
  return repairs;
}

/** The format value naming exactly `holders`: one already written if it does, else a new one. */
function valueFor(
  holders: string[],
  was: unknown,
  meant: unknown,
  holdersOf: (value: unknown) => string[],
): BracketRepair['value'] {
  if (holders.length === 0) return null;
  for (const candidate of [was, meant]) {
    const id = (candidate as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && sameHolders(holders, holdersOf(candidate))) {
      return candidate as { id: string; delegations: string[] };
    }
  }
  return { id: randomId(), delegations: holders };
}

/** Writes `repairs` into `doc` (a copy of the room's document), in one transaction. */
export function applyBracketRepairs(doc: Y.Doc, repairs: readonly BracketRepair[]): void {
  doc.transact(() => {
    for (const repair of repairs) {
      const holder = Y.getItem(doc.store, repair.textId);
      const text = (holder.content as Y.ContentType).type as Y.XmlText;
      text.format(repair.index, repair.length, { bracket: repair.value });
    }
  });
}
