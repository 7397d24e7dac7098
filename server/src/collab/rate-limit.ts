/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. It may go into debt: a
 * socket's messages already read from the network are handled, never dropped, and the debt
 * says how long that socket's reads stay paused before it may send again.
 */
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

  /** Takes one token even when there is none; returns the tokens left (negative in debt). */
  charge(): number {
    this.refill();
    this.tokens -= 1;
    return this.tokens;
  }

  /** Milliseconds until at least one token is available again. */
  get msUntilToken(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.perSecond) * 1000;
  }
}

/** What the throttle tells the transport to do after a message. */
export type ThrottleVerdict = 'go' | 'pause' | 'close';

/**
 * The per-connection message rate. Past the bucket the socket's reads are paused until the
 * bucket has a token again: TCP backpressure then slows the client itself, and nothing it sent
 * is lost. Only a socket that keeps the bucket empty for longer than `ceilingMs` (a flood, not a
 * burst of honest typing, which drains within seconds) is to be closed.
 */
export class MessageThrottle {
  private readonly bucket: TokenBucket;
  /** When the bucket last ran dry without being refilled to half since; null when not throttled. */
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

  /** Counts one message read from the socket. */
  onMessage(): ThrottleVerdict {
    const now = this.now();
    this.recover();
    const left = this.bucket.charge();
    if (left >= 0) return 'go';
    this.throttledSince ??= now;
    return now - this.throttledSince > this.ceilingMs ? 'close' : 'pause';
  }

  /** How long to keep reads paused. */
  get pauseMs(): number {
    return this.bucket.msUntilToken;
  }
}
