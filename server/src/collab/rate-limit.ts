/** A token bucket: `burst` messages at once, refilled at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  private refill(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    return now;
  }

  /** Tokens available now (negative: in debt). */
  get available(): number {
    this.refill();
    return this.tokens;
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until at least one token is available again. */
  get msUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSecond) * 1000;
  }
}

/** What to do with a message just read: handle it, hold it back, or close the socket. */
export type ThrottleVerdict = 'handle' | 'hold' | 'close';

/**
 * The per-connection message rate. Past the bucket, messages already read are held back (in
 * order, never dropped) and handled as tokens come, while the socket's reads stay paused: TCP
 * backpressure then slows the client itself, and what is held is bounded by one read. Only a
 * socket that keeps the bucket empty for longer than `ceilingMs` (a flood, not a burst of
 * honest typing, which drains within seconds) is to be closed.
 */
export class MessageThrottle {
  private readonly bucket: TokenBucket;
  /** When the bucket ran dry, unless it has refilled to half since; null when not throttled. */
  private throttledSince: number | null = null;

  constructor(
    perSecond: number,
    private readonly burst: number,
    private readonly ceilingMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bucket = new TokenBucket(perSecond, burst, now);
  }

  /** Whether the socket is being slowed (its bucket ran dry and has not recovered since). */
  get throttled(): boolean {
    this.recover();
    return this.throttledSince !== null;
  }

  /** A client that slowed down by itself (the bucket half full again) is no longer throttled. */
  private recover(): void {
    if (this.throttledSince !== null && this.bucket.available >= this.burst / 2) {
      this.throttledSince = null;
    }
  }

  /** Decides about one message read from the socket; `behind`: earlier ones are still held. */
  admit(behind: boolean): ThrottleVerdict {
    this.recover();
    if (!behind && this.bucket.take()) return 'handle';
    const now = this.now();
    this.throttledSince ??= now;
    return now - this.throttledSince > this.ceilingMs ? 'close' : 'hold';
  }

  /** Whether the socket has been throttled for longer than the ceiling (and should be closed). */
  get pastCeiling(): boolean {
    this.recover();
    return this.throttledSince !== null && this.now() - this.throttledSince > this.ceilingMs;
  }

  /** Takes a token for a held message; false when it must wait `waitMs`. */
  release(): boolean {
    return this.bucket.take();
  }

  /** Milliseconds until the next held message may be handled. */
  get waitMs(): number {
    return this.bucket.msUntilToken;
  }
}
