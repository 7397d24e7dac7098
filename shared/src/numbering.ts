import type { DraftStyle, NodeJSON } from './content';

/** Latin suffixes of alternative paragraphs: 2 bis, 2 ter, 2 quater, … */
const ALTERNATIVE_SUFFIXES = [
  'bis',
  'ter',
  'quater',
  'quinquies',
  'sexies',
  'septies',
  'octies',
  'novies',
  'decies',
];

function letter(n: number): string {
  // a … z, then aa, bb, … as in long UN lists.
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

export function roman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** What a block is numbered, as a reader sees it ("3.", "3 bis.", "a.", "(a)", "(ii)"). */
export interface BlockNumber {
  /** The label as printed, with its punctuation. */
  label: string;
  /** The bare number ("3", "3 bis", "a", "ii"), for `eId`s and comparisons. */
  value: string;
}

/** A frozen number as the chair stored it ("3", "3 bis"): its base and alternative rank. */
function parseFrozen(value: unknown): { base: string; rank: number } | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,4})(?: ([a-z]+))?$/.exec(value);
  if (!match) return null;
  const rank = match[2] === undefined ? 0 : ALTERNATIVE_SUFFIXES.indexOf(match[2]) + 1;
  return match[2] !== undefined && rank === 0 ? null : { base: match[1]!, rank };
}

/** Whether `value` can be a frozen paragraph number ("3", "3 bis", …). */
export function isFrozenNumber(value: unknown): value is string {
  return parseFrozen(value) !== null;
}

/** Whether the chair froze the numbering of these blocks (some operative keeps a number). */
export function isNumberingFrozen(blocks: readonly NodeJSON[]): boolean {
  return blocks.some((block) => block.type === 'operative' && parseFrozen(block.attrs?.number));
}

const suffixed = (base: string | number, rank: number) =>
  rank > 0 ? `${base} ${ALTERNATIVE_SUFFIXES[rank - 1] ?? `alt. ${rank}`}` : String(base);

/**
 * Numbers the top-level blocks of a draft: operative paragraphs 1, 2, … in order (an
 * alternative takes the previous number with bis, ter, …), sub-paragraphs lettered within
 * their operative paragraph, second-level sub-paragraphs with roman numerals. Other blocks get
 * `null`. The result is parallel to `blocks`.
 *
 * During a reading the chair freezes the numbers: each operative paragraph then keeps the
 * `number` attribute it was given, and a paragraph without one (added since) takes the number
 * before it with bis, ter, … so no existing number moves ("2", new → "2 bis", new → "2 ter").
 */
export function numberBlocks(
  blocks: readonly NodeJSON[],
  style: DraftStyle,
): (BlockNumber | null)[] {
  const frozen = isNumberingFrozen(blocks);
  let operative = 0;
  let base = '0';
  let alternatives = 0;
  let level1 = 0;
  let level2 = 0;
  return blocks.map((block) => {
    if (block.type === 'operative') {
      const kept = frozen ? parseFrozen(block.attrs?.number) : null;
      if (kept) {
        base = kept.base;
        alternatives = kept.rank;
      } else if (frozen || (block.attrs?.alternative === true && operative > 0)) {
        alternatives += 1;
      } else {
        operative += 1;
        base = String(operative);
        alternatives = 0;
      }
      level1 = 0;
      level2 = 0;
      const value = suffixed(base, alternatives);
      return { value, label: `${value}.` };
    }
    if (block.type === 'subparagraph') {
      if (block.attrs?.level === 2) {
        level2 += 1;
        const value = roman(level2);
        return { value, label: style === 'un' ? `(${value})` : `${value}.` };
      }
      level1 += 1;
      level2 = 0;
      const value = letter(level1);
      return { value, label: style === 'un' ? `(${value})` : `${value}.` };
    }
    return null;
  });
}
