import { Mark, mergeAttributes } from '@tiptap/core';

function parseList(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Words a delegation proposes to insert (`kind: insert`) or to delete (`kind: delete`), not yet
 * decided by the chair. `id` is shared by every piece of one proposal, also across paragraphs;
 * `delegations` names the proposer first; `participant` who made it. Not inclusive: typing just
 * after a proposal writes outside it (the editor's proposing mode marks new words itself).
 * One proposal per word: a new one on the same words replaces it, so the rules of the relay
 * refuse a delegate's proposal over another delegation's.
 */
export const Proposal = Mark.create({
  name: 'proposal',
  inclusive: false,
  addAttributes() {
    return {
      kind: {
        default: 'insert',
        parseHTML: (element) =>
          element.getAttribute('data-kind') === 'delete' ? 'delete' : 'insert',
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind as string }),
      },
      id: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-proposal') ?? '',
        renderHTML: (attributes) => ({ 'data-proposal': attributes.id as string }),
      },
      delegations: {
        default: [],
        parseHTML: (element) => parseList(element.getAttribute('data-delegations')),
        renderHTML: (attributes) => ({
          'data-delegations': JSON.stringify(attributes.delegations ?? []),
        }),
      },
      participant: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-participant') ?? '',
        renderHTML: (attributes) => ({ 'data-participant': attributes.participant as string }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-type="proposal"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-type': 'proposal', class: 'proposal' }, HTMLAttributes),
      0,
    ];
  },
});
