import type { DecorationAttrs } from '@tiptap/pm/view';
import { caretLabel, delegationColour } from '../collab/delegationColour';

interface CaretUser {
  name?: unknown;
  delegation?: unknown;
}

function describe(user: CaretUser): { label: string; colour: string } {
  const name = typeof user.name === 'string' ? user.name : '';
  const delegation = typeof user.delegation === 'string' ? user.delegation : null;
  return { label: caretLabel(name, delegation), colour: delegationColour(delegation, name) };
}

/**
 * Another participant's caret, labelled "Name · Delegation" in their delegation's colour. The
 * colour is computed here from the delegation the server vouches for, not taken from the
 * state, so every screen agrees whatever a client claims.
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const { label, colour } = describe(user);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = colour;
  caret.setAttribute('aria-hidden', 'true');
  const tag = document.createElement('span');
  tag.className = 'collaboration-carets__label';
  tag.style.backgroundColor = colour;
  // Drawn by CSS from the attribute: a text node would become part of the paragraph's text for
  // copy, find-in-page and screen readers.
  tag.dataset.label = label;
  caret.append(tag);
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
