import { decidesProposals, isDraftingMode, isId } from '@accord/shared';
import type { SideEntry, SideTableContext, SideTableRule } from '../side-tables';

/**
 * `paragraphModes`: `<paragraph id>` → `open`, `proposals` or `penholder`, the drafting mode
 * the chair set for one paragraph. Like the document's mode, it is the chair's alone: anyone
 * else adding, changing or removing an entry would choose their own rules. Whether the
 * paragraph exists is not asked: an entry for a paragraph that is gone governs nothing.
 * O(1) per entry.
 */

function chairOnly(context: SideTableContext): string | null {
  return decidesProposals(context.role) ? null : 'only the chair sets a paragraph’s drafting mode';
}

export const paragraphModeRule: SideTableRule = {
  added(entry: SideEntry, context: SideTableContext) {
    if (!isId(entry.key)) return 'a paragraph mode is keyed by the paragraph’s id';
    if (!isDraftingMode(entry.value)) return 'a paragraph mode is open, proposals or penholder';
    return chairOnly(context);
  },
  removed: (_entry: SideEntry, context: SideTableContext) => chairOnly(context),
};
