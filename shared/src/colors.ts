/**
 * One colour per delegation, the same on every screen (carets, presence, the comparison legend,
 * exports), and within a meeting never the same as another delegation's. Attribution is by
 * delegation first, so two delegations sharing a colour (Belize and Mexico under the old hash)
 * make a comparison unreadable.
 *
 * The palette: 40 colours dark enough for white label text (WCAG AA, 4.5:1 and more), and to
 * read as text on their own 8% tint (the comparison's insertions), ordered
 * so that every prefix is as spread out as it can be. A meeting's delegations take slots in the
 * order they first appear among its participants, so a small meeting gets the most distinct
 * colours and a newly invited delegation never changes anyone else's colour. Pairwise CIEDE2000
 * (normal vision, and Machado 2009 deuteranopia and protanopia): at least 20 among the first
 * four slots, 12 among the first eight, 5 among all 40; that is as far as 40 AA-dark colours go
 * for a dichromat, so the caret and presence labels carry the delegation's name as the second
 * cue. Found by a farthest-point search over the sRGB cube (checked in colors.test.ts).
 */
export const DELEGATION_PALETTE: readonly string[] = [
  '#806a00',
  '#0000f4',
  '#40202b',
  '#4a756a',
  '#553500',
  '#604a75',
  '#40154a',
  '#605540',
  '#556aaa',
  '#0000aa',
  '#604a55',
  '#40354a',
  '#353580',
  '#553535',
  '#8a6080',
  '#806a55',
  '#4a1500',
  '#4a55b5',
  '#2b6a6a',
  '#6a5555',
  '#350080',
  '#206000',
  '#552b20',
  '#806a35',
  '#4a35ff',
  '#b5406a',
  '#2b60df',
  '#352035',
  '#9f3520',
  '#4a2baa',
  '#606035',
  '#402020',
  '#602060',
  '#aa2b95',
  '#6a3560',
  '#60402b',
  '#602bca',
  '#356095',
  '#4a3540',
  '#756055',
];

const FIRST = '#806a00';

/** How a delegation (or a person without one) is keyed: case and spacing do not matter. */
export function delegationKey(delegationOrName: string): string {
  return delegationOrName.trim().replace(/\s+/g, ' ').toLowerCase();
}

function hash(text: string): number {
  // FNV-1a: tiny, stable across platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The colour of a delegation (or of a person without one, by name) when the meeting's
 * delegations are not known: stable everywhere, but two delegations may share it.
 */
export function delegationColor(delegationOrName: string): string {
  const key = delegationKey(delegationOrName);
  return DELEGATION_PALETTE[hash(key) % DELEGATION_PALETTE.length] ?? FIRST;
}

/**
 * A meeting's colours, by delegation key: each delegation (a person without one counts by name)
 * takes the next palette slot in the order it first appears. Give the delegations in a stable
 * order (the participants in the order they were invited) so colours never move. Past 40
 * delegations slots repeat, the only case where two share a colour.
 */
export function assignDelegationColors(
  delegationsInOrder: Iterable<string>,
): Record<string, string> {
  const colours: Record<string, string> = {};
  let slot = 0;
  for (const delegation of delegationsInOrder) {
    const key = delegationKey(delegation);
    if (!key || Object.hasOwn(colours, key)) continue;
    colours[key] = DELEGATION_PALETTE[slot % DELEGATION_PALETTE.length] ?? FIRST;
    slot++;
  }
  return colours;
}

/** The delegation's colour in the meeting, or the fallback when the meeting does not list it. */
export function meetingColor(
  colours: Readonly<Record<string, string>> | null | undefined,
  delegationOrName: string,
): string {
  const key = delegationKey(delegationOrName);
  return (
    (colours && Object.hasOwn(colours, key) ? colours[key] : undefined) ?? delegationColor(key)
  );
}
