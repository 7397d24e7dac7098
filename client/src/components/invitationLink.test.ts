import { describe, expect, it } from 'vitest';
import { linkWithEmptyToken, looksLikeWholeToken } from './invitationLink';

const ISSUED = 'q3J0bG9uZy1yYW5kb20tdG9rZW4tYnl0ZXMtMzItYWJj'.slice(0, 43);

describe('invitation links', () => {
  it('[MD24] a token of the issued shape is whole; a shorter, longer or mistyped one is not', () => {
    expect(ISSUED).toHaveLength(43);
    expect(looksLikeWholeToken(ISSUED)).toBe(true);
    expect(looksLikeWholeToken(ISSUED.slice(0, 30))).toBe(false);
    expect(looksLikeWholeToken(`${ISSUED}x`)).toBe(false);
    expect(looksLikeWholeToken(`${ISSUED.slice(0, 42)}.`)).toBe(false);
    expect(looksLikeWholeToken(`${ISSUED.slice(0, 42)} `)).toBe(false);
  });

  it('[MD24] a link cut just after "?token=" is recognised', () => {
    expect(linkWithEmptyToken('https://accord.example/?token=')).toBe(true);
    expect(linkWithEmptyToken('https://accord.example/documents/d1?token=')).toBe(true);
    expect(linkWithEmptyToken(`https://accord.example/?token=${ISSUED}`)).toBe(false);
    expect(linkWithEmptyToken('https://accord.example/')).toBe(false);
  });
});
