import { delegationColor } from '@accord/shared/colors';

/**
 * The colour of a delegation; people without one get a colour from their name. One stable
 * colour per delegation on every screen and in every session, whoever speaks for it, because
 * the delegation (not the person) is who speaks. It is the shared palette (`@accord/shared`'s
 * `delegationColor`, white label text above 5:1 contrast), keyed as the server keys a
 * connection's colour, so carets, presence and the history panel's changes agree.
 */
export function delegationColour(delegation: string | null | undefined, name = ''): string {
  return delegationColor(delegation?.trim() ? delegation : name);
}

/** The caret and presence label: "Name · Delegation", or the name alone. */
export function caretLabel(name: string, delegation: string | null | undefined): string {
  return delegation ? `${name} · ${delegation}` : name;
}
