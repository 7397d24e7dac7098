import type { RequestHandler } from 'express';
import { authorId, type Principal } from '../../auth/principal';
import { oncePerMinute, securityDetail, type SecurityEventSink } from '../../security-event';
import { AccordError } from '../../domain/errors';

export interface RequestRateLimits {
  /**
   * Requests a minute one participant's link may make; a burst of as many is allowed. The
   * secretariat's token, which already governs the whole server and drives its scripts (bulk
   * invitations, imports), is held to the per-address limit only.
   */
  perToken: number;
  /** Requests a minute from one network address, whoever sends them (a hall behind one NAT). */
  perAddress: number;
  /** Most clients (links and addresses) tracked at once: the limiter's memory bound. */
  maxTracked: number;
}

export const DEFAULT_REQUEST_RATE: RequestRateLimits = {
  perToken: 300,
  perAddress: 3000,
  maxTracked: 20_000,
};

interface Bucket {
  tokens: number;
  last: number;
}

/**
 * Token buckets by key, refilled at `perMinute`. At most `maxTracked` keys are kept: full
 * buckets (clients idle for a minute) are forgotten first, then the longest-known ones, so a
 * flood of distinct keys costs bounded memory and at worst forgets a quiet client's history.
 */
class Buckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly maxTracked: number,
    private readonly now: () => number,
  ) {}

  /** Takes one request; returns 0 when allowed, else the seconds until the next one is. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(
        this.perMinute,
        bucket.tokens + ((now - bucket.last) / 60_000) * this.perMinute,
      );
      bucket.last = now;
    } else {
      if (this.buckets.size >= this.maxTracked) this.evict(now);
      bucket = { tokens: this.perMinute, last: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / this.perMinute) * 60));
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.last) / 60_000) * this.perMinute >= this.perMinute) {
        this.buckets.delete(key);
      }
    }
    // Still full: forget the longest-known tenth at once, so the next new keys cost nothing.
    while (this.buckets.size >= this.maxTracked * 0.9) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}

/**
 * Requests a minute per link and per address on the HTTP API: past either, `429` with
 * `Retry-After` (seconds), and other links and addresses are still served. Runs after the
 * token is read and before any body is, so a flood costs no parsing.
 */
export function requestRate(
  limits: RequestRateLimits,
  onSecurityEvent?: SecurityEventSink,
  now: () => number = () => performance.now(),
): RequestHandler {
  const byToken = new Buckets(limits.perToken, limits.maxTracked, now);
  const byAddress = new Buckets(limits.perAddress, limits.maxTracked, now);
  // Once per client and minute, so that a flood does not flood the audit log too.
  const report = oncePerMinute(onSecurityEvent, limits.maxTracked, now);
  return (request, response, next) => {
    const principal = response.locals.principal as Principal | null | undefined;
    const address = request.socket.remoteAddress ?? 'unknown';
    const who = principal?.participant ? authorId(principal) : null;
    const waitAddress = byAddress.take(address);
    const waitToken = who ? byToken.take(who) : 0;
    const wait = Math.max(waitAddress, waitToken);
    if (wait === 0) return next();
    response.setHeader('Retry-After', String(wait));
    report(who ?? address, {
      kind: 'limit_hit',
      ...(principal?.meetingId ? { meetingId: principal.meetingId } : {}),
      ...(who ? { participant: who } : {}),
      ...securityDetail(
        waitToken
          ? {
              text: `More than ${limits.perToken} requests a minute with one link.`,
              key: 'langaudit.audit.requestsPerLink',
              values: { count: String(limits.perToken) },
            }
          : {
              text: `More than ${limits.perAddress} requests a minute from ${address}.`,
              key: 'langaudit.audit.requestsPerAddress',
              values: { count: String(limits.perAddress), address },
            },
      ),
    });
    next(
      new AccordError(
        'too_many_requests',
        'too_many_requests',
        `Too many requests. Try again in ${wait} s.`,
      ),
    );
  };
}
