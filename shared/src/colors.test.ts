import { differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { contrastRatio, simulateDeficiency, type Deficiency } from './colour-vision';
import {
  DELEGATION_PALETTE,
  assignDelegationColors,
  delegationColor,
  delegationKey,
  meetingColor,
} from './colors';
import { DELEGATION_GROUPS, OAS_MEMBER_STATES } from './delegations';

const deltaE = differenceCiede2000();

/** The stated thresholds (CIEDE2000), for normal vision and each simulated dichromacy. */
const ALL_SLOTS = 5;
const FIRST_EIGHT = 12;
const FIRST_FOUR = 20;

const VISIONS: (Deficiency | 'normal')[] = ['normal', 'deuteranopia', 'protanopia'];

function seen(colour: string, vision: Deficiency | 'normal'): string {
  return vision === 'normal' ? colour : simulateDeficiency(colour, vision);
}

/** The closest pair of colours as the given vision sees them. */
function closestPair(colours: readonly string[], vision: Deficiency | 'normal') {
  let closest = { difference: Infinity, pair: ['', ''] };
  for (let i = 0; i < colours.length; i++) {
    for (let j = i + 1; j < colours.length; j++) {
      const a = colours[i] ?? '';
      const b = colours[j] ?? '';
      const difference = deltaE(seen(a, vision), seen(b, vision));
      if (difference < closest.difference) closest = { difference, pair: [a, b] };
    }
  }
  return closest;
}

/** `color-mix(in srgb, colour share, white)`. */
function tint(colour: string, share: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  return `#${channels
    .map((c) =>
      Math.round(c * share + 255 * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const EVERYONE = [...OAS_MEMBER_STATES, ...DELEGATION_GROUPS];

describe('delegation colours', () => {
  it('[O1] the palette has 40 colours, each dark enough for white label text and to read on its own tint (WCAG AA)', () => {
    expect(DELEGATION_PALETTE).toHaveLength(40);
    expect(new Set(DELEGATION_PALETTE).size).toBe(40);
    for (const colour of DELEGATION_PALETTE) {
      expect(contrastRatio('#ffffff', colour), colour).toBeGreaterThanOrEqual(4.5);
      // The comparison writes insertions in the colour on an 8% tint of it over white paper.
      expect(contrastRatio(tint(colour, 0.08), colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('[O1] 39 delegations present at once (35 member states, 4 groups) get 39 distinct colours, pairwise CIEDE2000 >= 5 for normal vision, deuteranopia and protanopia', () => {
    expect(EVERYONE).toHaveLength(39);
    const colours = assignDelegationColors(EVERYONE);
    const assigned = EVERYONE.map((delegation) => meetingColor(colours, delegation));
    expect(new Set(assigned).size).toBe(39);
    for (const vision of VISIONS) {
      const closest = closestPair(assigned, vision);
      expect(closest.difference, `${vision}: ${closest.pair.join(' vs ')}`).toBeGreaterThanOrEqual(
        ALL_SLOTS,
      );
    }
  });

  it('[O1] a smaller meeting gets the most distinct slots: >= 20 among four delegations, >= 12 among eight', () => {
    for (const vision of VISIONS) {
      expect(closestPair(DELEGATION_PALETTE.slice(0, 4), vision).difference).toBeGreaterThanOrEqual(
        FIRST_FOUR,
      );
      expect(closestPair(DELEGATION_PALETTE.slice(0, 8), vision).difference).toBeGreaterThanOrEqual(
        FIRST_EIGHT,
      );
    }
  });

  it('[O1] the delegations the old hash confused now differ: Belize, Mexico, El Salvador, Antigua and Barbuda; Brazil, Canada', () => {
    // Under the old 16-colour hash these shared colours; check they are not the same in a meeting.
    const colours = assignDelegationColors(EVERYONE);
    const cited = ['Belize', 'Mexico', 'El Salvador', 'Antigua and Barbuda', 'Brazil', 'Canada'];
    const picked = cited.map((delegation) => meetingColor(colours, delegation));
    expect(new Set(picked).size).toBe(cited.length);
    for (const vision of VISIONS) {
      expect(closestPair(picked, vision).difference).toBeGreaterThanOrEqual(ALL_SLOTS);
    }
  });

  it('[O2] a delegation keeps its colour when another is invited later, and case or spacing do not matter', () => {
    const before = assignDelegationColors(['Chile', 'Belize', 'chile ', 'Mexico']);
    const after = assignDelegationColors(['Chile', 'Belize', 'chile ', 'Mexico', 'Brazil']);
    expect(Object.keys(before)).toEqual(['chile', 'belize', 'mexico']);
    for (const key of Object.keys(before)) expect(after[key]).toBe(before[key]);
    expect(meetingColor(after, '  CHILE')).toBe(before[delegationKey('Chile')]);
    expect(after.brazil).not.toBe(after.chile);
  });

  it('[O2] a delegation the meeting does not list falls back to the stable hashed colour', () => {
    expect(meetingColor({ chile: '#0000ff' }, 'Peru')).toBe(delegationColor('Peru'));
    expect(meetingColor(null, 'Peru')).toBe(delegationColor('peru'));
    expect(DELEGATION_PALETTE).toContain(delegationColor('Peru'));
  });
});
