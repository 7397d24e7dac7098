import * as Y from 'yjs';
import type { Role, SideTable } from '@accord/shared';
import { levelOf } from './draft-shape';
import type { UpdateView } from './update-view';
import { bracketSponsorRule } from './side-rules/bracket-sponsors';
import { commentRule } from './side-rules/comments';
import { paragraphModeRule } from './side-rules/paragraph-modes';
import { proposalSupportRule } from './side-rules/proposal-support';

/**
 * The side tables' entries an update adds or removes, each checked by its table's rule. An
 * entry is one JSON value under a key of a root map (see `@accord/shared` side-tables); a
 * nested Yjs type there is outside the schema. O(update + deletions).
 */

/** Who sends the update, as the side tables' rules need it. */
export interface SideTableContext {
  author: string;
  delegation: string | null;
  role: Role;
  /** The live stored items this update deletes. */
  deletions: readonly Y.Item[];
}

export interface SideEntry {
  key: string;
  value: unknown;
}

/** One table's rule: why the sender may not add or remove the entry, or null when it may. */
export interface SideTableRule {
  added(entry: SideEntry, context: SideTableContext, doc: Y.Doc): string | null;
  removed(entry: SideEntry, context: SideTableContext, doc: Y.Doc): string | null;
}

const rules: Record<SideTable, SideTableRule> = {
  comments: commentRule,
  bracketSponsors: bracketSponsorRule,
  proposalSupport: proposalSupportRule,
  paragraphModes: paragraphModeRule,
};

/** The value an item of a side table holds, or undefined when it holds something else. */
function entryValue(item: Y.Item): { value: unknown } | undefined {
  const content = item.content;
  if (content instanceof Y.ContentAny && content.arr.length === 1) return { value: content.arr[0] };
  return undefined;
}

function tableOf(item: Y.Item): SideTable | null {
  const parent = item.parent;
  if (!(parent instanceof Y.AbstractType) || parent._item !== null || !parent.doc) return null;
  for (const [name, shared] of parent.doc.share) {
    if (shared === parent)
      return (rules as Record<string, SideTableRule>)[name] ? (name as SideTable) : null;
  }
  return null;
}

export function sideTableProblem(
  view: UpdateView,
  context: SideTableContext,
  doc: Y.Doc,
): string | null {
  for (const struct of view.fresh) {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) continue;
    const level = levelOf(view.placeOf(struct), view);
    if (level.level !== 'side') continue;
    // Shape was checked by the schema rules before: a key and one JSON value.
    const entry = entryValue(struct);
    if (level.key === null || !entry) continue;
    const problem = rules[level.table].added({ key: level.key, value: entry.value }, context, doc);
    if (problem) return problem;
  }
  for (const item of context.deletions) {
    const table = tableOf(item);
    if (!table || item.parentSub === null) continue;
    const entry = entryValue(item);
    if (!entry) continue;
    const problem = rules[table].removed({ key: item.parentSub, value: entry.value }, context, doc);
    if (problem) return problem;
  }
  return null;
}
