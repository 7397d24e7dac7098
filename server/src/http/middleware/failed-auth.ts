import type { RequestHandler } from 'express';
import { oncePerMinute, type SecurityEventSink } from '../../collab/security-event';

/**
 * Reports requests that carry a token the server does not know (`auth_failed`), once a minute
 * per address: someone guessing tokens shows in the audit log without filling it.
 */
export function reportFailedAuth(onSecurityEvent?: SecurityEventSink): RequestHandler {
  const report = oncePerMinute(onSecurityEvent);
  return (request, response, next) => {
    if (request.headers.authorization && !response.locals.principal) {
      const address = request.socket.remoteAddress ?? 'unknown';
      report(address, {
        kind: 'auth_failed',
        detail: `A request from ${address} with an unknown or revoked token.`,
      });
    }
    next();
  };
}
