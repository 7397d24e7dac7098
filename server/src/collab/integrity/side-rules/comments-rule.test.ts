import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COMMENTS_TABLE, type CommentEntry, type Role } from '@accord/shared';
import type { SideTableContext } from '../side-tables';
import { commentRule } from './comments';

const thread: CommentEntry = {
  id: 'c1',
  paragraphId: 'p1',
  quote: 'access to finance',
  text: 'Name the banks.',
  participant: 'chile-1',
  delegation: 'Chile',
  createdAt: '2026-12-04T18:00:00.000Z',
  resolved: false,
};

function stored(): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap(COMMENTS_TABLE).set(thread.id, thread);
  return doc;
}

const as = (author: string, delegation: string | null, role: Role): SideTableContext => ({
  author,
  delegation,
  role,
  deletions: [],
});

const resolved = (by: string): CommentEntry => ({
  ...thread,
  resolved: true,
  resolvedBy: by,
  resolvedAt: '2026-12-04T19:00:00.000Z',
});

/** Both halves of a `Y.Map` set over an existing key, as the relay checks them. */
function replace(value: CommentEntry, context: SideTableContext, doc = stored()) {
  return (
    commentRule.added({ key: value.id, value }, context, doc) ??
    commentRule.removed({ key: value.id, value: thread }, context, doc)
  );
}

describe('the comments table rule', () => {
  it('[CT4] a new comment is in its sender’s own name and delegation, well formed and open', () => {
    const empty = new Y.Doc();
    const chile = as('chile-1', 'Chile', 'delegate');
    expect(commentRule.added({ key: 'c1', value: thread }, chile, empty)).toBeNull();
    const peru = as('peru-1', 'Peru', 'delegate');
    expect(commentRule.added({ key: 'c1', value: thread }, peru, empty)).toMatch(/own name/);
    const wrongDelegation = as('chile-1', 'Peru', 'delegate');
    expect(commentRule.added({ key: 'c1', value: thread }, wrongDelegation, empty)).not.toBeNull();
    for (const value of [
      { ...thread, text: 'x'.repeat(4001) },
      { ...thread, text: '  ' },
      { ...thread, id: 'c2' },
      { ...thread, extra: 1 },
      { ...thread, anchor: { start: 'x'.repeat(500), end: {} } },
      resolved('chile-1'),
      'a string',
    ]) {
      expect(commentRule.added({ key: 'c1', value }, chile, empty)).not.toBeNull();
    }
  });

  it('[CT4] the author, the chair and the rapporteur resolve; another delegation may not', () => {
    expect(replace(resolved('chile-1'), as('chile-1', 'Chile', 'delegate'))).toBeNull();
    expect(replace(resolved('chair-1'), as('chair-1', 'Belize', 'chair'))).toBeNull();
    expect(replace(resolved('rap-1'), as('rap-1', null, 'rapporteur'))).toBeNull();
    expect(replace(resolved('peru-1'), as('peru-1', 'Peru', 'delegate'))).not.toBeNull();
    // Whoever resolves is named as the resolver.
    expect(replace(resolved('chile-1'), as('chair-1', 'Belize', 'chair'))).not.toBeNull();
  });

  it('[CT4] a replacement never changes the author fields, and only the author edits the text', () => {
    const chair = as('chair-1', 'Belize', 'chair');
    expect(replace({ ...thread, delegation: 'Belize' }, chair)).toMatch(/delegation/);
    expect(replace({ ...thread, participant: 'chair-1' }, chair)).toMatch(/participant/);
    expect(replace({ ...thread, text: 'Changed by the chair.' }, chair)).toMatch(/author/);
    expect(
      replace({ ...thread, text: 'Name two banks.' }, as('chile-1', 'Chile', 'delegate')),
    ).toBeNull();
  });

  it('[CT4] deleting a comment outright is for its author or the chair', () => {
    const doc = stored();
    const remove = (context: SideTableContext) =>
      commentRule.removed({ key: 'c1', value: thread }, context, doc);
    expect(remove(as('chile-1', 'Chile', 'delegate'))).toBeNull();
    expect(remove(as('chair-1', 'Belize', 'chair'))).toBeNull();
    expect(remove(as('peru-1', 'Peru', 'delegate'))).not.toBeNull();
    expect(remove(as('rap-1', null, 'rapporteur'))).not.toBeNull();
  });
});
