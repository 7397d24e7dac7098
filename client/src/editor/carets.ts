import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { DecorationAttrs } from '@tiptap/pm/view';
import type { Awareness } from 'y-protocols/awareness';
import { caretLabel, vouchedColour } from '../collab/delegationColour';

/** How long a caret's label stays after its owner last moved or typed, as in Google Docs. */
export const LABEL_SHOWN_MS = 2000;

const ACTIVE = 'collaboration-carets__caret--active';

interface CaretUser {
  participant?: unknown;
  name?: unknown;
  delegation?: unknown;
  color?: unknown;
}

function describe(user: CaretUser): { label: string; colour: string } {
  const name = typeof user.name === 'string' ? user.name : '';
  const delegation = typeof user.delegation === 'string' ? user.delegation : null;
  return {
    label: caretLabel(name, delegation),
    colour: vouchedColour(user.color, delegation, name),
  };
}

function ownerOf(user: CaretUser): string {
  return typeof user.participant === 'string' ? user.participant : '';
}

/**
 * When each participant's caret last moved. Module-wide because ProseMirror rebuilds a caret's
 * element whenever the text around it is redrawn: a rebuilt caret shows its label only for what
 * is left of its owner's two seconds, so someone else typing nearby does not make it flash.
 */
const movedAt = new Map<string, number>();
const hideTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Shows the caret's label for what is left of `LABEL_SHOWN_MS` since its owner last moved. */
function showLabel(caret: HTMLElement, since: number): void {
  const left = since + LABEL_SHOWN_MS - Date.now();
  clearTimeout(hideTimers.get(caret));
  if (left <= 0) {
    caret.classList.remove(ACTIVE);
    return;
  }
  caret.classList.add(ACTIVE);
  hideTimers.set(
    caret,
    setTimeout(() => caret.classList.remove(ACTIVE), left),
  );
}

/**
 * Another participant's caret, labelled "Name · Delegation" in their delegation's colour (the
 * colour the server vouches for in their awareness state). The label shows when they move or
 * type and fades after two seconds, so it does not cover the line above; hovering the caret
 * shows it again (CSS).
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const { label, colour } = describe(user);
  const owner = ownerOf(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = colour;
  caret.dataset.participant = owner;
  caret.setAttribute('aria-hidden', 'true');
  const tag = document.createElement('span');
  tag.className = 'collaboration-carets__label';
  tag.style.backgroundColor = colour;
  // Drawn by CSS from the attribute: a text node would become part of the paragraph's text for
  // copy, find-in-page and screen readers.
  tag.dataset.label = label;
  caret.append(tag);
  // A caret seen for the first time (someone just arrived) shows its label too.
  if (!movedAt.has(owner)) movedAt.set(owner, Date.now());
  showLabel(caret, movedAt.get(owner) ?? 0);
  return caret;
}

/** Another participant's selection: their colour, faint, under the text. */
export function renderSelection(user: CaretUser): DecorationAttrs {
  const { label, colour } = describe(user);
  return {
    nodeName: 'span',
    class: 'collaboration-carets__selection',
    style: `background-color: ${colour}33`,
    'data-user': label,
  };
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Wakes a caret's label when its owner's cursor moves (typing moves it too). Awareness also
 * changes for other reasons (the server's status news, a refreshed name); only a new cursor
 * position counts.
 */
export const CaretLabels = Extension.create<{ awareness: Awareness | null }>({
  name: 'caretLabels',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      new Plugin({
        key: new PluginKey('caretLabels'),
        view: (view) => {
          const cursors = new Map<number, string>();
          const onChange = ({ added, updated, removed }: AwarenessChange) => {
            for (const clientId of [...added, ...updated]) {
              if (clientId === awareness.clientID) continue;
              const state = awareness.getStates().get(clientId) as
                | { cursor?: unknown; user?: CaretUser }
                | undefined;
              const cursor = JSON.stringify(state?.cursor ?? null);
              if (cursors.get(clientId) === cursor) continue;
              cursors.set(clientId, cursor);
              if (state?.cursor == null) continue;
              const owner = ownerOf(state.user ?? {});
              const now = Date.now();
              movedAt.set(owner, now);
              for (const caret of view.dom.querySelectorAll<HTMLElement>(
                '.collaboration-carets__caret',
              )) {
                if (caret.dataset.participant === owner) showLabel(caret, now);
              }
            }
            for (const clientId of removed) cursors.delete(clientId);
          };
          awareness.on('change', onChange);
          return { destroy: () => awareness.off('change', onChange) };
        },
      }),
    ];
  },
});
