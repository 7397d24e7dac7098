import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../i18n';
import { formatMoment, readerMoment, showTimesIn } from './format';

/** Intl separates "8:04 PM" with a narrow no-break space in newer ICU versions: read any as a space. */
const plain = (text: string | null) => text?.replace(/\s/g, ' ') ?? null;

const AFTERNOON_IN_DECEMBER = '2026-12-04T14:04:00Z';
const AFTERNOON_IN_JULY = '2026-07-04T14:04:00Z';

describe('times in the meeting’s time zone', () => {
  beforeAll(async () => {
    await initI18n('en');
  });
  afterEach(async () => {
    showTimesIn(null);
    await i18n.changeLanguage('en');
  });

  it('[Y7] a moment reads as the meeting’s clock showed it, with no tooltip for a reader in the same zone', () => {
    showTimesIn('America/Guatemala');
    const shown = plain(formatMoment(AFTERNOON_IN_DECEMBER, { reader: 'America/Guatemala' }));
    expect(shown).toMatch(/^Dec 4, 2026, 8:04 AM$/);
    expect(readerMoment(AFTERNOON_IN_DECEMBER, 'America/Guatemala')).toBeNull();
  });

  it('[Y8] a reader in another zone reads the meeting’s time with the zone named, and their own time in the tooltip', () => {
    showTimesIn('America/Guatemala');
    const shown = plain(formatMoment(AFTERNOON_IN_DECEMBER, { reader: 'Europe/Madrid' }));
    expect(shown).toBe('Dec 4, 2026, 8:04 AM CST');
    expect(shown).not.toContain('UTC');
    expect(plain(readerMoment(AFTERNOON_IN_DECEMBER, 'Europe/Madrid'))).toBe(
      'Your time: Dec 4, 2026, 3:04 PM GMT+1',
    );
  });

  it('[Y9] daylight saving time decides whether two zones differ: Chicago and Guatemala agree in December, not in July', () => {
    showTimesIn('America/Chicago');
    expect(plain(formatMoment(AFTERNOON_IN_DECEMBER, { reader: 'America/Guatemala' }))).toBe(
      'Dec 4, 2026, 8:04 AM',
    );
    expect(readerMoment(AFTERNOON_IN_DECEMBER, 'America/Guatemala')).toBeNull();
    expect(plain(formatMoment(AFTERNOON_IN_JULY, { reader: 'America/Guatemala' }))).toBe(
      'Jul 4, 2026, 9:04 AM CDT',
    );
    expect(plain(readerMoment(AFTERNOON_IN_JULY, 'America/Guatemala'))).toBe(
      'Your time: Jul 4, 2026, 8:04 AM CST',
    );
  });

  it('[Y10] the reader’s language writes the date and the tooltip, the meeting’s zone still decides the hour', async () => {
    showTimesIn('America/New_York');
    await i18n.changeLanguage('es');
    expect(plain(formatMoment(AFTERNOON_IN_DECEMBER, { reader: 'America/New_York' }))).toBe(
      '4 dic 2026, 9:04',
    );
    expect(
      plain(formatMoment(AFTERNOON_IN_DECEMBER, { style: 'time', reader: 'America/New_York' })),
    ).toBe('9:04');
    expect(plain(readerMoment(AFTERNOON_IN_DECEMBER, 'America/Guatemala'))).toBe(
      'Su hora: 4 dic 2026, 8:04 GMT-6',
    );
  });

  it('[Y7] without a meeting open, times are the reader’s own', () => {
    expect(plain(formatMoment(AFTERNOON_IN_DECEMBER, { reader: 'Europe/Madrid' }))).toBe(
      'Dec 4, 2026, 3:04 PM',
    );
  });
});
