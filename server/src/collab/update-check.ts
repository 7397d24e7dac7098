import type * as Y from 'yjs';
import { RefusalReason, type DraftingMode, type Role } from '@accord/shared';
import { snapshotBrackets, type BracketMerge } from './integrity/bracket-merge';
import { bracketProblem } from './integrity/bracket-rules';
import { DocumentIndex } from './integrity/document-index';
import { DEFAULT_MERGE_BUDGET, deletionWork, mergeCost } from './integrity/merge-cost';
import { paragraphProblem } from './integrity/paragraph-rules';
import { proposalProblem } from './integrity/proposal-rules';
import { checkReferences } from './integrity/references';
import { schemaProblem } from './integrity/schema-rules';
import { sideTableProblem } from './integrity/side-tables';
import { viewUpdate, type UpdateView } from './integrity/update-view';

/**
 * The relay's central decision: may this update enter the document? It is taken before the
 * update touches the room's `Y.Doc` or the log, from the decoded update and a read-only look at
 * the document, because Yjs cannot roll a transaction back. A refused update is refused whole.
 * The check is the document's integrity boundary: what it accepts costs a bounded time to merge,
 * refers only to what exists, fits the draft schema and respects who may set a status or speak
 * for a delegation. It costs O(update + touched paragraphs), never O(document).
 */

export interface UpdateContext {
  doc: Y.Doc;
  /** The participant id the update would be attributed to. */
  author: string;
  /** The sender's delegation (the only one they may bracket for). */
  delegation: string | null;
  /** The sender's role, for the side tables' rules (who may resolve a comment, …). */
  role: Role;
  canEdit: boolean;
  canSetStatus: boolean;
  /** The chair's right to remove any delegation's bracket. */
  canRemoveAnyBracket: boolean;
  locked: boolean;
  /** The document's drafting mode (default `open`): whether the sender may only propose. */
  mode?: DraftingMode;
  /** Client id → participant id, for every client id already claimed. */
  bindings: ReadonlyMap<number, string>;
  /** Merge cost units an update may take (default `DEFAULT_MERGE_BUDGET`). */
  mergeBudget?: number;
}

export type UpdateVerdict =
  | { accept: true; empty: true }
  | {
      accept: true;
      empty: false;
      newClients: number[];
      /** Brackets to merge once the update is applied (see bracket-merge.ts). */
      bracketMerge?: BracketMerge;
    }
  /** Needs the sender's own (or unclaimed) history the server has not received yet: queue it. */
  | { accept: false; pending: true; detail: string }
  | { accept: false; pending?: false; reason: RefusalReason; detail: string };

export { DEFAULT_MERGE_BUDGET } from './integrity/merge-cost';
export { DocumentIndex } from './integrity/document-index';

const refuse = (reason: RefusalReason, detail: string): UpdateVerdict => ({
  accept: false,
  reason,
  detail,
});

export function checkUpdate(update: Uint8Array, context: UpdateContext): UpdateVerdict {
  let view: UpdateView;
  try {
    view = viewUpdate(context.doc, update);
  } catch {
    return refuse(RefusalReason.invalid, 'the update could not be decoded');
  }
  try {
    return decide(view, context);
  } catch (error) {
    // A shape no rule foresaw is not let in: the boundary fails closed.
    return refuse(RefusalReason.invalid, `the update could not be checked (${String(error)})`);
  }
}

function decide(view: UpdateView, context: UpdateContext): UpdateVerdict {
  const budget = context.mergeBudget ?? DEFAULT_MERGE_BUDGET;
  // A delete set names everything its sender ever deleted; it changes something only where it
  // deletes what the server still shows, or what the server does not have yet.
  const deleting = deletionWork(view, budget);
  if (deleting === null) {
    return refuse(
      RefusalReason.mergeCost,
      `its deletions would cost more than ${budget} units to merge`,
    );
  }
  let deletesAhead = false;
  for (const [client, ranges] of view.ds.clients) {
    const state = view.state(client);
    if (ranges.some((range) => range.clock + range.len > state)) deletesAhead = true;
  }
  if (
    view.fresh.length === 0 &&
    view.gaps.length === 0 &&
    deleting.deletions.length === 0 &&
    !deletesAhead
  ) {
    return { accept: true, empty: true };
  }
  if (!context.canEdit) return refuse(RefusalReason.readOnly, 'this participant may only read');
  if (context.locked) return refuse(RefusalReason.locked, 'the document is locked');

  // Only structs past the server's state are new, and only new ones name an author.
  const newClients: number[] = [];
  const seen = new Set<number>();
  for (const struct of [...view.fresh, ...view.gaps]) {
    const client = struct.id.client;
    if (seen.has(client)) continue;
    seen.add(client);
    const owner = context.bindings.get(client);
    if (owner === undefined) newClients.push(client);
    else if (owner !== context.author) {
      return refuse(RefusalReason.foreignClient, `client ${client} belongs to another participant`);
    }
  }

  const cost = mergeCost(view, budget, deleting.work);
  if (cost.over) {
    return refuse(RefusalReason.mergeCost, `would cost more than ${budget} units to merge`);
  }

  // Refusals come first: an update that waits for its sender's history is still checked now,
  // as far as it can be (items whose place is unknown yet are checked when it is retried).
  const references = checkReferences(view, context);
  if (references?.kind === 'refuse') return refuse(references.reason, references.detail);

  const shape = schemaProblem(view);
  if (shape) return refuse(RefusalReason.schema, shape);

  const paragraph = paragraphProblem(view, {
    canSetStatus: context.canSetStatus,
    index: DocumentIndex.of(context.doc),
    deletions: deleting.deletions,
  });
  if (paragraph) return refuse(paragraph.reason, paragraph.detail);

  const merges = new Set<Y.XmlText>();
  const bracket = bracketProblem(view, {
    delegation: context.delegation,
    canRemoveAnyBracket: context.canRemoveAnyBracket,
    deletions: deleting.deletions,
    merges,
  });
  if (bracket) return refuse(RefusalReason.bracketNotAllowed, bracket);

  const proposal = proposalProblem(view, { ...context, deletions: deleting.deletions });
  if (proposal) return refuse(proposal.reason, proposal.detail);

  const side = sideTableProblem(
    view,
    {
      author: context.author,
      delegation: context.delegation,
      role: context.role,
      deletions: deleting.deletions,
    },
    context.doc,
  );
  if (side) return refuse(RefusalReason.sideTable, side);

  if (references?.kind === 'pending') {
    return { accept: false, pending: true, detail: references.detail };
  }
  if (merges.size > 0) {
    const bracketMerge = snapshotBrackets(view, merges, context.delegation);
    return { accept: true, empty: false, newClients, bracketMerge };
  }
  return { accept: true, empty: false, newClients };
}
