import * as Y from 'yjs';
import type { UpdateRecord } from '../../storage';
import type { Authorship } from './word-spans';

/** Characters whose deleter is wanted: client → sorted clocks. */
export type WantedCharacters = Map<number, number[]>;

interface DeleteSetLike {
  clients: Map<number, { clock: number; len: number }[]>;
}

function firstAtOrAfter(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Who deleted each wanted character, and when: the author and time of the first logged update, in history order,
 * whose delete set covers it. Yjs does not record deleters; the log does, since every update is
 * stored with its author. Later updates may repeat a deletion (a reconnecting client's sync
 * answer carries its whole delete set): the first one made it.
 *
 * Cost: one decode per record and a binary search per delete range, whatever the document size.
 */
export function attributeDeletions(
  records: readonly UpdateRecord[],
  wanted: WantedCharacters,
): Map<string, Authorship> {
  const found = new Map<string, Authorship>();
  let remaining = 0;
  for (const clocks of wanted.values()) remaining += clocks.length;
  for (const record of records) {
    if (remaining === 0) break;
    let ds: DeleteSetLike;
    try {
      ds = (Y.decodeUpdate(record.update) as unknown as { ds: DeleteSetLike }).ds;
    } catch {
      continue;
    }
    for (const [client, ranges] of ds.clients) {
      const clocks = wanted.get(client);
      if (!clocks) continue;
      for (const range of ranges) {
        for (let i = firstAtOrAfter(clocks, range.clock); i < clocks.length; i++) {
          const clock = clocks[i]!;
          if (clock >= range.clock + range.len) break;
          const key = `${client}:${clock}`;
          if (!found.has(key)) {
            found.set(key, { author: record.author, at: record.at });
            remaining -= 1;
          }
        }
      }
    }
  }
  return found;
}

/**
 * When each wanted character was inserted: the time of the first logged update that carried it.
 * Yjs items hold no time; the log does. Later updates may carry the same items again (a
 * reconnecting client's sync answer): the first one made them.
 */
export function insertionTimes(
  records: readonly UpdateRecord[],
  wanted: WantedCharacters,
): Map<string, number> {
  const found = new Map<string, number>();
  let remaining = 0;
  for (const clocks of wanted.values()) remaining += clocks.length;
  for (const record of records) {
    if (remaining === 0) break;
    let structs: { id: { client: number; clock: number }; length: number }[];
    try {
      structs = (Y.decodeUpdate(record.update) as unknown as { structs: typeof structs }).structs;
    } catch {
      continue;
    }
    for (const struct of structs) {
      const clocks = wanted.get(struct.id.client);
      if (!clocks) continue;
      const end = struct.id.clock + struct.length;
      for (let i = firstAtOrAfter(clocks, struct.id.clock); i < clocks.length; i++) {
        const clock = clocks[i]!;
        if (clock >= end) break;
        const key = `${struct.id.client}:${clock}`;
        if (!found.has(key)) {
          found.set(key, record.at);
          remaining -= 1;
        }
      }
    }
  }
  return found;
}
