/**
 * One stable colour per delegation, the same on every screen: attribution, carets and the
 * history legend are by delegation first. Colours are dark enough for white text (WCAG AA on
 * labels) and distinct on a projector.
 */
const PALETTE = [
  '#1f5fa8',
  '#b3261e',
  '#1b7a3e',
  '#8a4b00',
  '#6a3d9a',
  '#00727a',
  '#a3286b',
  '#4d5d00',
  '#8c1c13',
  '#2e4a8a',
  '#7a5200',
  '#3f6b21',
  '#5b2c83',
  '#005f73',
  '#9b2242',
  '#52606d',
];

function hash(text: string): number {
  // FNV-1a: tiny, stable across platforms.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The colour of a delegation (or of a person without one, by name). */
export function delegationColor(delegationOrName: string): string {
  return PALETTE[hash(delegationOrName.trim().toLowerCase()) % PALETTE.length] ?? '#1f5fa8';
}
