import { Mark, mergeAttributes } from '@tiptap/core';

function parseDelegations(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Text not yet agreed, shown in [square brackets]. `delegations` names who proposed it, so a
 * chair can ask the right delegation to withdraw its brackets; `id` keys the delegations that
 * joined it later (see `../brackets.ts`). Not inclusive: typing just after
 * a closing bracket writes outside it.
 */
export const Bracket = Mark.create({
  name: 'bracket',
  inclusive: false,
  addAttributes() {
    return {
      // Names the bracket in the `bracketSponsors` side table, where delegations that join it
      // later are kept (a mark attribute is last-writer-wins; the table's keys merge).
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-bracket-id'),
        renderHTML: (attributes) =>
          typeof attributes.id === 'string' ? { 'data-bracket-id': attributes.id } : {},
      },
      delegations: {
        default: [],
        parseHTML: (element) => parseDelegations(element.getAttribute('data-delegations')),
        renderHTML: (attributes) => ({
          'data-delegations': JSON.stringify(attributes.delegations ?? []),
        }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-type="bracket"]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-type': 'bracket', class: 'bracket' }, HTMLAttributes),
      0,
    ];
  },
});
