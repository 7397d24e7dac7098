/**
 * Errors the domain raises, by kind. The HTTP layer maps kinds to statuses; the code is stable
 * (clients may branch on it) and the message is a sentence a delegate understands.
 */
export type ErrorKind =
  | 'malformed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_media_type'
  | 'invalid'
  | 'too_many_requests'
  | 'unavailable';

export class AccordError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string, code = 'not_found') =>
  new AccordError('not_found', code, `${what} does not exist.`);

export const forbidden = (message: string, code = 'forbidden') =>
  new AccordError('forbidden', code, message);

export const invalid = (field: string, message: string, code = 'invalid_value') =>
  new AccordError('invalid', code, message, field);

export const conflict = (code: string, message: string) =>
  new AccordError('conflict', code, message);
