import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommentEntry } from '@accord/shared/comments';
import { commentsTable, filterThreads, NO_FILTER, openCounts, readThreads } from './commentThreads';

const entry = (id: string, fields: Partial<CommentEntry>): CommentEntry => ({
  id,
  paragraphId: 'p1',
  quote: '',
  text: `Comment ${id}`,
  participant: 'chile-1',
  delegation: 'Chile',
  createdAt: `2026-12-04T18:00:0${id.slice(-1)}.000Z`,
  resolved: false,
  ...fields,
});

function table(): Y.Map<unknown> {
  const map = commentsTable(new Y.Doc());
  for (const value of [
    entry('c1', {}),
    entry('c2', { paragraphId: 'p2', participant: 'peru-1', delegation: 'Peru' }),
    entry('c3', {
      resolved: true,
      resolvedBy: 'chair-1',
      resolvedAt: '2026-12-04T19:00:00.000Z',
    }),
    entry('r4', { parent: 'c2', participant: 'chile-1', delegation: 'Chile' }),
    entry('r5', { parent: 'gone' }),
  ]) {
    map.set(value.id, value);
  }
  map.set('junk', { text: 'not a comment' });
  return map;
}

describe('the sidebar’s threads', () => {
  it('[CT8] threads come oldest first with their replies; malformed entries and orphans are left out', () => {
    const threads = readThreads(table());
    expect(threads.map((t) => t.entry.id)).toEqual(['c1', 'c2', 'c3']);
    expect(threads[1]?.replies.map((r) => r.id)).toEqual(['r4']);
  });

  it('[CT8] the filters: open, mine (a thread I wrote or answered), by delegation, by paragraph; counts are of open threads', () => {
    const threads = readThreads(table());
    const ids = (filter: Partial<typeof NO_FILTER>) =>
      filterThreads(threads, { ...NO_FILTER, ...filter }, 'chile-1').map((t) => t.entry.id);
    expect(ids({})).toEqual(['c1', 'c2']);
    expect(ids({ open: false })).toEqual(['c1', 'c2', 'c3']);
    expect(ids({ mine: true, open: false })).toEqual(['c1', 'c2', 'c3']);
    expect(
      filterThreads(threads, { ...NO_FILTER, mine: true }, 'peru-1').map((t) => t.entry.id),
    ).toEqual(['c2']);
    expect(ids({ delegation: 'Peru' })).toEqual(['c2']);
    expect(ids({ paragraphId: 'p1', open: false })).toEqual(['c1', 'c3']);
    expect([...openCounts(threads)]).toEqual([
      ['p1', 1],
      ['p2', 1],
    ]);
  });
});
