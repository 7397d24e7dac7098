import { describe, expect, it } from 'vitest';
import { MessageThrottle, TokenBucket } from './rate-limit';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('message rate', () => {
  it('[N1] a bucket gives its burst, then one token per 1/rate seconds', () => {
    const time = clock();
    const bucket = new TokenBucket(10, 3, time.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    time.advance(100);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('[N2] past its burst messages are held back in order and released at the rate, never refused for a burst', () => {
    const time = clock();
    const throttle = new MessageThrottle(100, 10, 5_000, time.now);
    for (let i = 0; i < 10; i++) expect(throttle.admit(false)).toBe('handle');
    expect(throttle.admit(false)).toBe('hold');
    // Once one is held, later ones queue behind it even if a token came meanwhile.
    time.advance(10);
    expect(throttle.admit(true)).toBe('hold');
    expect(throttle.release()).toBe(true);
    expect(throttle.release()).toBe(false);
    expect(throttle.waitMs).toBeCloseTo(10, 5);
    expect(throttle.throttled).toBe(true);
    // The client eases off: the bucket refills and the socket is no longer throttled.
    time.advance(1_000);
    expect(throttle.throttled).toBe(false);
    expect(throttle.admit(false)).toBe('handle');
  });

  it('[N3] a socket that keeps the bucket empty past the ceiling is to be closed', () => {
    const time = clock();
    const throttle = new MessageThrottle(100, 10, 5_000, time.now);
    const verdicts = new Set<string>();
    // 1,000 messages a second for 6 s: far past the rate, for longer than the ceiling.
    for (let ms = 0; ms < 6_000; ms += 1) {
      verdicts.add(throttle.admit(false));
      time.advance(1);
    }
    expect(verdicts).toEqual(new Set(['handle', 'hold', 'close']));
  });
});
