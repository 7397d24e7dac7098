import type { Request, RequestHandler, Response } from 'express';
import type { AuthFailure, Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import { recordAuthFailure } from '../domain/auth-failures';
import type { DomainContext } from '../domain/context';
import { AccordError } from '../domain/errors';

/**
 * Told when a request that carried a token is answered 401, with the path under the API as it
 * was when the token was read (routers later strip their own prefix) and the caller's address.
 */
export type OnRefused = (failure: AuthFailure, path: string, address: string) => void;

/**
 * Reads `Authorization: Bearer <token>` into `res.locals.principal` (or null). A refused token
 * is reported only if the request turns out to need one (a 401), not on public routes.
 */
export function identify(authenticator: Authenticator, onRefused?: OnRefused): RequestHandler {
  return (request, response, next) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const result = match ? authenticator.check(match[1]) : null;
    response.locals.principal = result?.principal ?? null;
    if (result && !result.principal && onRefused) {
      const { failure } = result;
      const path = request.path;
      const address = request.ip ?? 'unknown address';
      response.locals.refused = () => onRefused(failure, path, address);
    }
    next();
  };
}

/** Records refused tokens in the audit log of the meeting (or document) the path names. */
export function auditRefusals(context: DomainContext): OnRefused {
  return (failure, path, address) => {
    const named = /^\/(meetings|documents)\/([^/]+)/.exec(path);
    const target = !named
      ? {}
      : named[1] === 'meetings'
        ? { meetingId: named[2] }
        : { documentId: named[2] };
    recordAuthFailure(context, failure, target, address);
  };
}

/** The request's principal; a 401 when there is none. */
export function principalOf(_request: Request, response: Response): Principal {
  const principal = response.locals.principal as Principal | null | undefined;
  if (!principal) {
    (response.locals.refused as (() => void) | undefined)?.();
    throw new AccordError(
      'unauthenticated',
      'unauthenticated',
      'Your link is not valid (or was revoked). Ask the secretariat for a new one.',
    );
  }
  return principal;
}
