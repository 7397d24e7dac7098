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

/**
 * Numbers the top-level blocks of a draft: operative paragraphs 1, 2, … in order (an
 * alternative takes the previous number with bis, ter, …), sub-paragraphs lettered within
 * their operative paragraph, second-level sub-paragraphs with roman numerals. Other blocks get
 * `null`. The result is parallel to `blocks`.
 */
export function numberBlocks(
  blocks: readonly NodeJSON[],
  style: DraftStyle,
): (BlockNumber | null)[] {
  let operative = 0;
  let alternatives = 0;
  let level1 = 0;
  let level2 = 0;
  return blocks.map((block) => {
    if (block.type === 'operative') {
      if (block.attrs?.alternative === true && operative > 0) {
        alternatives += 1;
      } else {
        operative += 1;
        alternatives = 0;
      }
      level1 = 0;
      level2 = 0;
      const suffix =
        alternatives > 0
          ? ` ${ALTERNATIVE_SUFFIXES[alternatives - 1] ?? `alt. ${alternatives}`}`
          : '';
      const value = `${operative}${suffix}`;
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
