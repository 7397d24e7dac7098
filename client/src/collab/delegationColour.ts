/**
 * One stable colour per delegation: the same delegation has the same colour on every screen and
 * in every session, whoever speaks for it, because the delegation (not the person) is who
 * speaks. Every colour keeps white label text above 5:1 contrast (WCAG AA) for projectors.
 */
const PALETTE = [
  '#1f5fa8',
  '#b3261e',
  '#1b7a3a',
  '#7b3fa0',
  '#a14d00',
  '#00707a',
  '#a02a64',
  '#4d6114',
  '#5146a8',
  '#8f3b1b',
  '#1d6b5b',
  '#6b4e16',
  '#2d5d8a',
  '#9c2f45',
  '#3f6e2a',
  '#6a3d8f',
  '#006687',
  '#865000',
  '#7a3060',
  '#37596e',
] as const;

/** FNV-1a: a small, well-spread string hash; stable across browsers and releases. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** The colour of a delegation; people without one get a colour from their name. */
export function delegationColour(delegation: string | null | undefined, name = ''): string {
  const key = (delegation ?? '').trim().toLowerCase() || `person:${name}`;
  return PALETTE[hash(key) % PALETTE.length] ?? PALETTE[0];
}

/** The caret and presence label: "Name · Delegation", or the name alone. */
export function caretLabel(name: string, delegation: string | null | undefined): string {
  return delegation ? `${name} · ${delegation}` : name;
}
