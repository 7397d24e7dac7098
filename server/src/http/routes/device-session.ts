import { Router } from 'express';
import { clearedDeviceCookie, deviceCookie } from '../../auth/device-cookie';
import type { DomainContext } from '../../domain/context';
import { principalOf } from '../principal';

/**
 * `/api/session/device`: keeping the sign-in on this device, and clearing it.
 *
 * `POST` with the invitation's token as `Authorization: Bearer` (the browser app does it when it
 * is opened from a link) sets the device's cookie: `204`. `DELETE` ("Clear this device") removes
 * it: `204`, whoever asks, since forgetting a sign-in harms no one.
 */
export function deviceSessionRoutes(context: DomainContext): Router {
  const router = Router();

  router.post('/', (request, response) => {
    const principal = principalOf(request, response);
    // Only a link's own token is kept: a device signed in by its cookie already has it.
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (token) {
      response.append(
        'Set-Cookie',
        deviceCookie(token, {
          secure: request.secure,
          expiresAt: principal.participant?.expiresAt ?? null,
          now: context.now(),
        }),
      );
    }
    response.status(204).end();
  });

  router.delete('/', (request, response) => {
    response.append('Set-Cookie', clearedDeviceCookie(request.secure));
    response.status(204).end();
  });

  return router;
}
