import type { Request, RequestHandler, Response } from 'express';
import type { Authenticator } from '../auth/authenticator';
import type { Principal } from '../auth/principal';
import { AccordError } from '../domain/errors';

/** Reads `Authorization: Bearer <token>` into `res.locals.principal` (or null). */
export function identify(authenticator: Authenticator): RequestHandler {
  return (request, response, next) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    response.locals.principal = match ? authenticator.authenticate(match[1]) : null;
    next();
  };
}

/** The request's principal; a 401 when there is none. */
export function principalOf(_request: Request, response: Response): Principal {
  const principal = response.locals.principal as Principal | null | undefined;
  if (!principal) {
    throw new AccordError(
      'unauthenticated',
      'unauthenticated',
      'Your link is not valid (or was revoked). Ask the secretariat for a new one.',
    );
  }
  return principal;
}
