import type { Node as PMNode } from '@tiptap/pm/model';
import type { ProposalKind } from '@accord/shared/proposals';
import { proposalOf } from './proposing';

/** An open proposal as the panel shows it, read from the editor's own document (live). */
export interface OpenProposal {
  id: string;
  kind: ProposalKind;
  text: string;
  delegation: string;
  participant: string;
  paragraphId: string | null;
  /** Where its first words start, for jumping to it. */
  from: number;
  to: number;
}

/** Every open proposal of `doc`, in document order. O(document). */
export function openProposals(doc: PMNode): OpenProposal[] {
  const found = new Map<string, OpenProposal>();
  doc.forEach((block, offset) => {
    const paragraphId = typeof block.attrs.id === 'string' ? block.attrs.id : null;
    block.forEach((child, childOffset) => {
      const proposal = child.isText ? proposalOf(child.marks) : null;
      if (!proposal) return;
      const from = offset + 1 + childOffset;
      const existing = found.get(proposal.id);
      if (existing) {
        existing.text += child.text ?? '';
        existing.to = from + child.nodeSize;
        return;
      }
      found.set(proposal.id, {
        id: proposal.id,
        kind: proposal.kind,
        text: child.text ?? '',
        delegation: proposal.delegations[0] ?? '',
        participant: proposal.participant,
        paragraphId,
        from,
        to: from + child.nodeSize,
      });
    });
  });
  return [...found.values()];
}
