import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import {
  BRACKET_SPONSORS,
  bracketHolders,
  bracketSponsorKey,
  parseBracketSponsorKey,
} from '@accord/shared/brackets';
import { randomId } from '@accord/shared/ids';
import { delegationColour } from '../collab/delegationColour';

export interface BracketOptions {
  /** The Y.Doc whose `bracketSponsors` table holds the delegations that joined a bracket. */
  doc: Y.Doc | null;
  /** The delegation the local user speaks for (null: none; cannot bracket). */
  delegation: string | null;
  /** The chair removes any bracket. */
  canRemoveAnyBracket: boolean;
  /** "2 brackets", in the reader's language, for the count beside a paragraph's number. */
  countLabel: (count: number) => string;
}

/** One bracket as the reader sees it: its id, where it stands and who holds it. */
export interface BracketInfo {
  id: string | null;
  from: number;
  to: number;
  /** Top-level index of its paragraph. */
  block: number;
  holders: string[];
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    brackets: {
      /** Brackets the selection for our delegation, or joins the bracket already there. */
      bracketSelection: () => ReturnType;
      /**
       * Removes the brackets in the selection (or its paragraph when nothing is selected) that
       * we may remove: any for the chair; for a delegate, those its delegation alone holds
       * (and withdraws it from those it joined).
       */
      removeBrackets: () => ReturnType;
    };
  }
}

const bracketsKey = new PluginKey<DecorationSet>('draftBrackets');
const SPONSORS_CHANGED = 'bracketSponsorsChanged';

function sponsorsOf(doc: Y.Doc | null): Y.Map<unknown> | null {
  return doc ? doc.getMap(BRACKET_SPONSORS) : null;
}

/** Every bracket of the document, each contiguous run of one bracket mark once, in order. */
export function findBrackets(doc: PMNode, sponsors: Y.Map<unknown> | null): BracketInfo[] {
  const found: BracketInfo[] = [];
  doc.forEach((block, offset, index) => {
    let open: { mark: Mark; from: number; to: number } | null = null;
    const close = () => {
      if (!open) return;
      const attrs = open.mark.attrs as { id?: unknown; delegations?: unknown };
      found.push({
        id: typeof attrs.id === 'string' ? attrs.id : null,
        from: open.from,
        to: open.to,
        block: index,
        holders: bracketHolders(attrs, sponsors),
      });
      open = null;
    };
    block.forEach((child, childOffset) => {
      const from = offset + 1 + childOffset;
      const mark = child.marks.find((m) => m.type.name === 'bracket') ?? null;
      if (open && mark && mark.eq(open.mark)) {
        open.to = from + child.nodeSize;
        return;
      }
      close();
      if (mark) open = { mark, from, to: from + child.nodeSize };
    });
    close();
  });
  return found;
}

/** The brackets of `state` that overlap [from, to] (touching counts when nothing is selected). */
function bracketsIn(state: EditorState, sponsors: Y.Map<unknown> | null, from: number, to: number) {
  return findBrackets(state.doc, sponsors).filter((b) =>
    from === to ? b.from <= from && from <= b.to : b.from < to && from < b.to,
  );
}

/** The delegation tags after a bracket: one small chip per holder, in its meeting colour. */
function tags(holders: string[]): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'bracket-tags';
  wrapper.setAttribute('contenteditable', 'false');
  for (const holder of holders) {
    const chip = document.createElement('span');
    chip.className = 'bracket-tag';
    chip.textContent = holder;
    chip.style.background = delegationColour(holder);
    wrapper.append(chip);
  }
  return wrapper;
}

/** The count of a paragraph's brackets, shown in the margin under its number. */
function count(n: number, label: string): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'bracket-count';
  badge.setAttribute('contenteditable', 'false');
  badge.title = label;
  badge.setAttribute('aria-label', label);
  badge.textContent = `[${n}]`;
  return badge;
}

function decorate(
  doc: PMNode,
  sponsors: Y.Map<unknown> | null,
  options: BracketOptions,
): DecorationSet {
  const decorations: Decoration[] = [];
  const perBlock = new Map<number, number>();
  for (const bracket of findBrackets(doc, sponsors)) {
    perBlock.set(bracket.block, (perBlock.get(bracket.block) ?? 0) + 1);
    const holders = bracket.holders;
    decorations.push(
      Decoration.widget(bracket.to, () => tags(holders), {
        side: 1,
        key: `${bracket.id ?? bracket.from}:${holders.join(',')}`,
        ignoreSelection: true,
      }),
    );
  }
  doc.forEach((_node, offset, index) => {
    const n = perBlock.get(index);
    if (!n) return;
    const label = options.countLabel(n);
    decorations.push(
      Decoration.widget(offset + 1, () => count(n, label), {
        side: -1,
        key: `count:${n}:${label}`,
        ignoreSelection: true,
      }),
    );
  });
  return DecorationSet.create(doc, decorations);
}

/** Whether the document holds no bracket: a clean text. */
export function isCleanText(doc: PMNode): boolean {
  let clean = true;
  doc.descendants((node) => {
    if (!clean) return false;
    if (node.marks.some((m) => m.type.name === 'bracket')) clean = false;
    return !node.isTextblock || clean;
  });
  return clean;
}

/**
 * Brackets by delegation: Mod-Shift-B brackets the selection in our delegation's name (or joins
 * the bracket already there, through the side table, so two delegations joining at once both
 * stay); the chair's "Remove brackets" lifts them. Shown as [ ] with a tag per delegation in
 * its meeting colour, and a count beside each paragraph's number.
 */
export const DraftBrackets = Extension.create<BracketOptions>({
  name: 'draftBrackets',
  addOptions() {
    return {
      doc: null,
      delegation: null,
      canRemoveAnyBracket: false,
      countLabel: (count) => String(count),
    };
  },
  addCommands() {
    const options = this.options;
    return {
      bracketSelection:
        () =>
        ({ state, tr, dispatch }) => {
          const { from, to, empty } = state.selection;
          const own = options.delegation;
          const sponsors = sponsorsOf(options.doc);
          if (empty || !own) return false;
          const existing = bracketsIn(state, sponsors, from, to);
          if (existing.length > 0) {
            // Joining: a new mark over someone's bracket would drop their names from it.
            const joinable = existing.filter((b) => b.id && !b.holders.includes(own));
            if (joinable.length === 0) return false;
            if (dispatch && sponsors) {
              options.doc?.transact(() => {
                for (const b of joinable) sponsors.set(bracketSponsorKey(b.id!, own), true);
              });
            }
            return true;
          }
          const type = state.schema.marks.bracket;
          if (!type) return false;
          if (dispatch) tr.addMark(from, to, type.create({ id: randomId(), delegations: [own] }));
          return true;
        },
      removeBrackets:
        () =>
        ({ state, tr, dispatch }) => {
          const { $from, $to, empty } = state.selection;
          const from = empty ? $from.start(1) : $from.pos;
          const to = empty ? $to.end(1) : $to.pos;
          const own = options.delegation;
          const sponsors = sponsorsOf(options.doc);
          const type = state.schema.marks.bracket;
          if (!type) return false;
          const lifted: string[] = [];
          let changed = false;
          for (const b of bracketsIn(state, sponsors, from, to)) {
            const mine = b.holders.length === 1 && b.holders[0] === own;
            if (options.canRemoveAnyBracket || mine) {
              tr.removeMark(Math.max(from, b.from), Math.min(to, b.to), type);
              if (b.id) lifted.push(...b.holders.map((h) => bracketSponsorKey(b.id!, h)));
              changed = true;
            } else if (b.id && own && sponsors?.get(bracketSponsorKey(b.id, own)) === true) {
              lifted.push(bracketSponsorKey(b.id, own));
              changed = true;
            }
          }
          if (!changed) return false;
          if (dispatch) {
            options.doc?.transact(() => {
              for (const key of lifted) if (sponsors?.has(key)) sponsors.delete(key);
            });
          }
          return true;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-b': () => this.editor.commands.bracketSelection(),
      'Mod-Shift-x': () => this.editor.commands.removeBrackets(),
    };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    const sponsors = sponsorsOf(options.doc);
    return [
      new Plugin<DecorationSet>({
        key: bracketsKey,
        state: {
          init: (_config, state) => decorate(state.doc, sponsors, options),
          apply: (tr, old, _oldState, newState) =>
            tr.docChanged || tr.getMeta(SPONSORS_CHANGED)
              ? decorate(newState.doc, sponsors, options)
              : old,
        },
        props: { decorations: (state) => bracketsKey.getState(state) },
        view: (view) => {
          // Joining a bracket changes the side table, not the body: redraw the tags then.
          const redraw = (event: Y.YMapEvent<unknown>) => {
            const touched = [...(event.keysChanged as Set<string>)].some((k) =>
              parseBracketSponsorKey(k),
            );
            if (touched && !view.isDestroyed) {
              view.dispatch(view.state.tr.setMeta(SPONSORS_CHANGED, true));
            }
          };
          sponsors?.observe(redraw);
          return { destroy: () => sponsors?.unobserve(redraw) };
        },
      }),
    ];
  },
});
