/**
 * The sign-in kept on a device: the invitation's token in a cookie, so that a new tab, a
 * document URL from a colleague or a reopened browser is signed in without the link.
 *
 * The cookie holds the bearer token itself, not a session of its own: revoking, re-issuing or
 * expiring the invitation (or rotating the secretariat's token) ends the device's sign-in at
 * the same moment, with nothing else to keep in step. It is `HttpOnly` (no script reads it),
 * `SameSite=Strict` (no other site's page sends it) and `Secure` whenever the request came over
 * TLS, so it never travels in clear once the meeting is served over HTTPS.
 */
export const DEVICE_COOKIE = 'accord_device';

/** Browsers keep a cookie at most 400 days; an invitation without expiry asks for that. */
const LONGEST_MS = 400 * 24 * 60 * 60 * 1000;

export interface DeviceCookieOptions {
  /** The request came over TLS (directly, or through a trusted proxy that says so). */
  secure: boolean;
  /** The invitation's expiry (ISO 8601), or null. */
  expiresAt: string | null;
  now: Date;
}

function attributes(secure: boolean): string {
  return `Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The `Set-Cookie` value that keeps `token` on this device until the invitation expires. */
export function deviceCookie(token: string, options: DeviceCookieOptions): string {
  const longest = options.now.getTime() + LONGEST_MS;
  const until =
    options.expiresAt === null ? longest : Math.min(Date.parse(options.expiresAt), longest);
  return `${DEVICE_COOKIE}=${token}; ${attributes(options.secure)}; Expires=${new Date(until).toUTCString()}`;
}

/** The `Set-Cookie` value that removes the device's sign-in. */
export function clearedDeviceCookie(secure: boolean): string {
  return `${DEVICE_COOKIE}=; ${attributes(secure)}; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

/** The token the device's cookie holds (from a `Cookie` request header), or null. */
export function deviceToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    if (pair.slice(0, equals).trim() !== DEVICE_COOKIE) continue;
    const value = pair.slice(equals + 1).trim();
    return value === '' ? null : value;
  }
  return null;
}
