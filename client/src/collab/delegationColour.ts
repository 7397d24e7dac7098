import { meetingColor } from '@accord/shared/colors';

/**
 * The meeting's delegation colours (GET /api/meetings/:id `colors`), once the editor page has
 * read them. Module-wide like the palette itself: carets are drawn by ProseMirror outside React,
 * and the history legend must use the same map as presence.
 */
let meetingColours: Readonly<Record<string, string>> | null = null;

/** Uses the meeting's colour map from now on (null: the hashed fallback). */
export function setMeetingColours(colours: Readonly<Record<string, string>> | null): void {
  meetingColours = colours;
}

/**
 * The colour of a delegation; people without one get a colour from their name. One colour per
 * delegation on every screen, whoever speaks for it, because the delegation (not the person) is
 * who speaks; within a meeting no two delegations share one (`@accord/shared`'s
 * `assignDelegationColors`, white label text at 4.5:1 or more). Keyed as the server keys a
 * connection's colour, so carets, presence and the history panel's changes agree.
 */
export function delegationColour(delegation: string | null | undefined, name = ''): string {
  return meetingColor(meetingColours, delegation?.trim() ? delegation : name);
}

/**
 * The colour the server put in a participant's awareness state (it replaces whatever a client
 * claims), or ours for their delegation when the state has none.
 */
export function vouchedColour(
  color: unknown,
  delegation: string | null | undefined,
  name = '',
): string {
  return typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color)
    ? color
    : delegationColour(delegation, name);
}

/** The caret and presence label: "Name · Delegation", or the name alone. */
export function caretLabel(name: string, delegation: string | null | undefined): string {
  return delegation ? `${name} · ${delegation}` : name;
}
