import type { Request, RequestHandler } from 'express';
import type { Authenticator } from '../../auth/authenticator';
import { clearedDeviceCookie, deviceToken } from '../../auth/device-cookie';
import { AccordError } from '../../domain/errors';
import type { OnRefused } from '../principal';

/** Methods that change nothing: a cookie alone may make them from anywhere it is sent. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface DeviceSignInOptions {
  authenticator: Authenticator;
  onRefused?: OnRefused;
  /** Origins besides the request's own host whose pages may use the app (PUBLIC_URL's…). */
  allowedOrigins: () => string[];
}

/** Whether the request's `Origin` is the server's own, PUBLIC_URL's or an allowed one. */
function fromOurPages(request: Request, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  const host = request.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.includes(origin);
}

/**
 * The sign-in kept on a device (see `auth/device-cookie.ts`): a request without an
 * `Authorization` header is identified by the device's cookie. The header, when present,
 * decides alone, so programs and the secretariat's scripts work as before.
 *
 * Cross-site requests: the cookie is `SameSite=Strict`, so browsers do not send it from other
 * sites; as a second wall, a request that would change something with only the cookie must
 * carry an `Origin` of our own pages (browsers always send one with such requests), else 403
 * `origin_refused` and nothing changes.
 */
export function deviceSignIn(options: DeviceSignInOptions): RequestHandler {
  return (request, response, next) => {
    if (request.headers.authorization !== undefined) return next();
    const token = deviceToken(request.headers.cookie);
    if (token === null) return next();
    if (!SAFE_METHODS.has(request.method) && !fromOurPages(request, options.allowedOrigins())) {
      return next(
        new AccordError(
          'forbidden',
          'origin_refused',
          'This request did not come from Accord’s own pages, so it was not carried out.',
        ),
      );
    }
    const result = options.authenticator.check(token);
    response.locals.principal = result.principal;
    if (!result.principal) {
      // Revoked, re-issued or expired: the device forgets it, and a 401 says so once.
      response.append('Set-Cookie', clearedDeviceCookie(request.secure));
      const { failure } = result;
      const path = request.path;
      const address = request.ip ?? 'unknown address';
      if (options.onRefused)
        response.locals.refused = () => options.onRefused?.(failure, path, address);
    }
    next();
  };
}
