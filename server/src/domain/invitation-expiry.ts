import type { Principal } from '../auth/principal';
import type { DomainContext } from './context';

/** Whether the principal came in on an invitation that has expired by `now`. */
export function invitationExpired(principal: Principal, now: Date): boolean {
  const expiresAt = principal.participant?.expiresAt;
  return expiresAt != null && Date.parse(expiresAt) <= now.getTime();
}

/**
 * Closes relay connections whose invitation has expired (4401, like a revoked link): the
 * token is refused from its expiry on, and a connection opened before it does not outlive it.
 * Checked every `everyMs`; returns the stop function.
 */
export function watchInvitationExpiry(context: DomainContext, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    const now = context.now();
    context.rooms.closePrincipals((p) => invitationExpired(p, now), 'invitation expired');
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
