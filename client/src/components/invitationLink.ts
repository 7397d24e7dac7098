/**
 * Whether a link's token has the shape of one Accord issues: 32 random bytes in base64url, 43
 * characters. Asked only once the server has refused the token, to tell a link cut short or
 * mistyped (an e-mail wrapping the line, a character dropped or added) from one withdrawn: the
 * first needs the whole link copied again, the second a new link from the secretariat.
 */
export function looksLikeWholeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** A link opened with `?token=` but nothing after it: cut short before the token. */
export function linkWithEmptyToken(href: string): boolean {
  const url = new URL(href);
  return url.searchParams.has('token') && url.searchParams.get('token') === '';
}
