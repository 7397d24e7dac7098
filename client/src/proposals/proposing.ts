import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import {
  Plugin,
  PluginKey,
  TextSelection,
  type EditorState,
  type Transaction,
} from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { randomId } from '@accord/shared/ids';
import { readProposal, type ProposalAttributes } from '@accord/shared/proposals';

/**
 * Proposing mode, in the manner of LEOS and Word's track changes: while it is on, what the
 * user types becomes an `insert` proposal of their delegation and what they delete is marked as
 * a `delete` proposal instead of going (deleting words of their own insert proposal removes
 * them: correcting or withdrawing it). Typing next to one's own insertion extends it; a new
 * paragraph at the end of one is allowed and its text is proposed too. Splitting a paragraph in
 * the middle would move agreed words and is not done while proposing. The relay enforces the
 * same rules (PROTOCOL.md "Drafting modes and proposals"); this only makes the editor keep them.
 *
 * Every proposal is also drawn in its delegation's colour, with the delegation's name on hover.
 */

export interface Proposer {
  participant: string;
  delegation: string | null;
}

export interface ProposingOptions {
  proposer: Proposer;
  /** The colour of a delegation (the meeting's map). */
  colourOf: (delegation: string) => string;
  /** The hover text of a proposal. */
  describe: (proposal: ProposalAttributes) => string;
  /** Whether proposing is required where the selection is (a paragraph's own mode). */
  forcedAt: (state: EditorState) => boolean;
}

export interface ProposingStorage {
  enabled: boolean;
}

declare module '@tiptap/core' {
  interface Storage {
    proposing: ProposingStorage;
  }
  interface Commands<ReturnType> {
    proposing: {
      /** Turns proposing on or off (the page forces it on where the mode requires it). */
      setProposing: (enabled: boolean) => ReturnType;
    };
  }
}

const key = new PluginKey<DecorationSet>('proposing');

export function proposalOf(marks: readonly Mark[]): ProposalAttributes | null {
  const mark = marks.find((m) => m.type.name === 'proposal');
  return mark ? readProposal(mark.attrs) : null;
}

export const Proposing = Extension.create<ProposingOptions, ProposingStorage>({
  name: 'proposing',

  addOptions() {
    return {
      proposer: { participant: '', delegation: null },
      colourOf: () => 'currentColor',
      describe: (proposal) => proposal.delegations.join(', '),
      forcedAt: () => false,
    };
  },

  addStorage() {
    return { enabled: false };
  },

  addCommands() {
    return {
      setProposing:
        (enabled) =>
        ({ editor }) => {
          editor.storage.proposing.enabled = enabled && this.options.proposer.delegation !== null;
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const on = () =>
      (this.storage.enabled || options.forcedAt(this.editor.state)) &&
      this.editor.isEditable &&
      options.proposer.delegation !== null;
    const proposer = () => options.proposer;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc, options),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc, options) : old),
        },
        props: {
          decorations: (state) => key.getState(state),
          handleTextInput(view, from, to, text) {
            if (!on()) return false;
            view.dispatch(proposeInsertion(view.state, from, to, text, proposer()));
            return true;
          },
          handlePaste(view, _event, slice) {
            if (!on()) return false;
            const text = slice.content.textBetween(0, slice.content.size, ' ', ' ');
            const { from, to } = view.state.selection;
            view.dispatch(proposeInsertion(view.state, from, to, text, proposer()));
            return true;
          },
          handleKeyDown(view, event) {
            if (!on()) return false;
            if (event.key === 'Backspace' || event.key === 'Delete') {
              proposeDeletion(view, event.key === 'Backspace' ? -1 : 1, proposer());
              return true;
            }
            if (event.key === 'Enter') {
              const { $from, empty } = view.state.selection;
              // Only a new paragraph after the whole of this one: nothing agreed moves.
              return !(empty && $from.parentOffset === $from.parent.content.size);
            }
            return false;
          },
          handleDrop: () => on(),
          handleDOMEvents: {
            cut: (_view, event) => {
              if (!on()) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});

/** The transaction that proposes `text` in place of `[from, to)`. */
export function proposeInsertion(
  state: EditorState,
  from: number,
  to: number,
  text: string,
  proposer: Proposer,
): Transaction {
  const tr = state.tr;
  let at = to;
  if (from < to) at = markDeletion(tr, from, to, proposer);
  if (text === '') return tr;
  const type = state.schema.marks.proposal!;
  const attrs = insertionBefore(tr.doc, at, proposer) ?? {
    kind: 'insert',
    id: randomId(12),
    delegations: [proposer.delegation!],
    participant: proposer.participant,
  };
  const marks = tr.doc
    .resolve(at)
    .marks()
    .filter((m) => m.type !== type)
    .concat(type.create(attrs));
  tr.insert(at, state.schema.text(text, marks));
  tr.setSelection(TextSelection.create(tr.doc, at + text.length));
  return tr;
}

/** The user's own insertion ending right before `pos` (typing goes on with it), if any. */
function insertionBefore(doc: PMNode, pos: number, proposer: Proposer): ProposalAttributes | null {
  const $pos = doc.resolve(pos);
  const before = $pos.nodeBefore;
  const proposal = before?.isText ? proposalOf(before.marks) : null;
  return proposal?.kind === 'insert' &&
    proposal.participant === proposer.participant &&
    proposal.delegations[0] === proposer.delegation
    ? proposal
    : null;
}

/**
 * Marks `[from, to)` for deletion, removing instead the user's own inserted words there.
 * Returns where `to` is afterwards.
 */
function markDeletion(tr: Transaction, from: number, to: number, proposer: Proposer): number {
  const type = tr.doc.type.schema.marks.proposal!;
  // Deleting on from one's own deletion (Backspace after Backspace) extends it.
  const id =
    [tr.doc.resolve(to).nodeAfter, tr.doc.resolve(from).nodeBefore]
      .map((node) => (node?.isText ? proposalOf(node.marks) : null))
      .find(
        (p) =>
          p?.kind === 'delete' &&
          p.participant === proposer.participant &&
          p.delegations[0] === proposer.delegation,
      )?.id ?? randomId(12);
  const own: { from: number; to: number }[] = [];
  const others: { from: number; to: number }[] = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isText) return true;
    const start = Math.max(from, pos);
    const end = Math.min(to, pos + node.nodeSize);
    const proposal = proposalOf(node.marks);
    if (proposal?.kind === 'insert' && proposal.delegations[0] === proposer.delegation) {
      own.push({ from: start, to: end });
    } else if (!proposal) {
      others.push({ from: start, to: end });
    }
    // Words another delegation proposes are theirs: left as they are.
    return false;
  });
  for (const range of others) {
    tr.addMark(
      range.from,
      range.to,
      type.create({
        kind: 'delete',
        id,
        delegations: [proposer.delegation!],
        participant: proposer.participant,
      }),
    );
  }
  let end = to;
  for (const range of own.reverse()) {
    tr.delete(range.from, range.to);
    end -= range.to - range.from;
  }
  return end;
}

/** Backspace (-1) or Delete (1) while proposing: the selection, or one character. */
function proposeDeletion(view: EditorView, direction: -1 | 1, proposer: Proposer): void {
  const { state } = view;
  let { from, to } = state.selection;
  if (from === to) {
    const $from = state.selection.$from;
    if (direction < 0 && $from.parentOffset === 0) return;
    if (direction > 0 && $from.parentOffset === $from.parent.content.size) return;
    if (direction < 0) from -= 1;
    else to += 1;
  }
  const tr = state.tr;
  const end = markDeletion(tr, from, to, proposer);
  const caret = direction < 0 ? from : end;
  tr.setSelection(TextSelection.create(tr.doc, Math.min(caret, tr.doc.content.size)));
  view.dispatch(tr);
}

function decorate(doc: PMNode, options: ProposingOptions): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const proposal = proposalOf(node.marks);
    if (!proposal) return false;
    const delegation = proposal.delegations[0] ?? '';
    decorations.push(
      Decoration.inline(pos, pos + node.nodeSize, {
        class: `proposal--${proposal.kind}`,
        style: `color: ${options.colourOf(delegation)}; text-decoration-color: ${options.colourOf(delegation)}`,
        title: options.describe(proposal),
        'data-delegation': delegation,
      }),
    );
    return false;
  });
  return DecorationSet.create(doc, decorations);
}
