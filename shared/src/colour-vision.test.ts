import { differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { contrastRatio, simulateDeficiency } from './colour-vision';

const deltaE = differenceCiede2000();

describe('colour-vision simulation (Machado 2009, severity 1.0)', () => {
  it('[O3] leaves greys alone: a dichromat sees black, white and grey as they are', () => {
    for (const deficiency of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      expect(simulateDeficiency('#000000', deficiency)).toBe('#000000');
      expect(simulateDeficiency('#ffffff', deficiency)).toBe('#ffffff');
      expect(simulateDeficiency('#808080', deficiency)).toBe('#808080');
    }
  });

  it('[O3] shows pure red as the olive a deuteranope or protanope sees', () => {
    // Red is (1, 0, 0) in linear sRGB, so what is seen is the matrix's first column, clamped
    // and gamma-encoded: (0.367, 0.280, 0) is #a39000, (0.152, 0.115, 0) is #6d5f00.
    expect(simulateDeficiency('#ff0000', 'deuteranopia')).toBe('#a39000');
    expect(simulateDeficiency('#ff0000', 'protanopia')).toBe('#6d5f00');
  });

  it('[O3] makes a red and a green that differ plainly look alike under deuteranopia', () => {
    const red = '#c0392b';
    const green = '#6b8e23';
    expect(deltaE(red, green)).toBeGreaterThan(30);
    expect(
      deltaE(simulateDeficiency(red, 'deuteranopia'), simulateDeficiency(green, 'deuteranopia')),
    ).toBeLessThan(10);
  });

  it('[O3] measures WCAG contrast: white on black is 21:1, white on white 1:1', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
