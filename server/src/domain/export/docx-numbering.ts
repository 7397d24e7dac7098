import { roman, type DraftStyle } from '@accord/shared';
import type { BlockModel } from './model';

/**
 * Word list numbering for the operative part (SPEC.md [AP4]). One numbering definition: level 0
 * the operative paragraphs ("1."), level 1 sub-paragraphs ("a." or "(a)"), level 2 their
 * sub-paragraphs ("i." or "(i)"), each level restarting after the one above, so a secretariat can
 * restyle the numbers and Word renumbers when paragraphs move.
 *
 * A number Word's own counting would not give is kept as text: a frozen "2 bis" (an alternative,
 * or any label the negotiation fixed) is not a list number, and a paragraph numbered as text does
 * not advance Word's counter, so "1, 2, 2 bis, 3" prints the same in Word as in the draft. We
 * simulate Word's counters over the blocks and give a block list numbering only where Word would
 * print exactly the block's label; everything else keeps its number as text. Tracked exports keep
 * every number as text: Word has no revision for "this paragraph was 2 and is now 3", and the
 * written numbers let accept and reject each give their version's numbering exactly.
 */

export const NUMBERING_REFERENCE = 'operative-paragraphs';

/** Twentieths of a point: the number column of a hanging indent, wide enough for "10 bis.". */
export const HANGING = 900;
/** The indent step of each sub-paragraph level. */
export const STEP = 720;

function letter(n: number): string {
  const base = String.fromCharCode(97 + ((n - 1) % 26));
  return base.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The label Word prints at a level for counter `n`. */
function wordLabel(level: 0 | 1 | 2, n: number, style: DraftStyle): string {
  if (level === 0) return `${n}.`;
  const value = level === 1 ? letter(n) : roman(n);
  return style === 'un' ? `(${value})` : `${value}.`;
}

/** The level text of the numbering definition (`%1.`, `(%2)`, …). */
export function levelText(level: 0 | 1 | 2, style: DraftStyle): string {
  if (level === 0) return '%1.';
  return style === 'un' ? `(%${level + 1})` : `%${level + 1}.`;
}

/** The left indent of a level, in twentieths of a point (the number hangs left of it). */
export function levelIndent(level: 0 | 1 | 2): number {
  return HANGING + STEP * level;
}

/**
 * For each block, the list level Word should number it at, or `null` to keep its number as
 * text. Parallel to `blocks`.
 */
export function listLevels(blocks: BlockModel[], style: DraftStyle): (0 | 1 | 2 | null)[] {
  const counters = [0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'operative' && block.type !== 'subparagraph') return null;
    if (block.change !== 'unchanged') return null;
    if (block.label.length !== 1 || block.label[0]!.change !== 'equal') return null;
    const level: 0 | 1 | 2 = block.type === 'operative' ? 0 : block.level === 2 ? 2 : 1;
    // Word restarts a level after any numbered paragraph of a higher level; a level whose parent
    // level was never numbered continues, which our prediction follows as Word does.
    const next = counters[level]! + 1;
    if (wordLabel(level, next, style) !== block.label[0]!.text) return null;
    counters[level] = next;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return level;
  });
}
