import { describe, expect, it } from 'vitest';
import type { NodeJSON } from './content';
import { isFrozenNumber, numberBlocks } from './numbering';

const op = (number?: string, alternative = false): NodeJSON => ({
  type: 'operative',
  attrs: { ...(number === undefined ? {} : { number }), alternative },
});
const sub = (): NodeJSON => ({ type: 'subparagraph', attrs: { level: 1 } });
const labels = (blocks: NodeJSON[]) => numberBlocks(blocks, 'oas').map((n) => n?.label ?? null);

describe('numbering frozen during a reading', () => {
  it('[NB5] while frozen a new paragraph after 2 is "2 bis", then "2 ter", and no number moves', () => {
    expect(labels([op('1'), op('2'), op(), op(), op('3')])).toEqual([
      '1.',
      '2.',
      '2 bis.',
      '2 ter.',
      '3.',
    ]);
    // A frozen number survives a paragraph deleted before it.
    expect(labels([op('2'), op('3')])).toEqual(['2.', '3.']);
    // A frozen alternative continues its own suffixes.
    expect(labels([op('2'), op('2 bis'), op(), sub()])).toEqual(['2.', '2 bis.', '2 ter.', 'a.']);
  });

  it('[NB6] without frozen numbers paragraphs are numbered in order, alternatives bis', () => {
    expect(labels([op(), op(), op(undefined, true), op()])).toEqual(['1.', '2.', '2 bis.', '3.']);
  });

  it('[NB7] a frozen number is digits with an optional Latin suffix', () => {
    expect(['3', '3 bis', '12 quater'].every(isFrozenNumber)).toBe(true);
    expect(['', '3bis', 'three', '3 foo', 3, null].some(isFrozenNumber)).toBe(false);
  });
});
