import { describe, expect, it } from 'vitest';
import { fittingCount } from './overflowFit';

describe('the toolbar’s one row', () => {
  it('[MD21] everything stays on the row when it fits, without "More"', () => {
    expect(fittingCount([80, 650, 165], 931, 90, 17)).toBe(3);
    expect(fittingCount([], 100, 90, 17)).toBe(0);
  });

  it('[MD21] otherwise the first groups that fit beside "More" stay, the rest go behind it', () => {
    // 80 + 17 + 650 = 747, and "More" needs 17 + 90 more: 854.
    expect(fittingCount([80, 650, 165, 400], 900, 90, 17)).toBe(2);
    expect(fittingCount([80, 650, 165, 400], 853, 90, 17)).toBe(1);
    expect(fittingCount([80, 650, 165, 400], 100, 90, 17)).toBe(0);
  });
});
