import type { RequestHandler } from 'express';
import { AccordError } from '../../domain/errors';

/** Whether a request carries a body at all (whatever its method). */
export function hasBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }) {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

/**
 * Every API route but the import reads JSON or nothing: a body of another type is a 415 before
 * any route runs, whether or not that route reads a body, so that no route can mistake it.
 */
export const jsonOnly: RequestHandler = (request, _response, next) => {
  if (!hasBody(request.headers) || request.is('application/json')) return next();
  next(
    new AccordError(
      'unsupported_media_type',
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    ),
  );
};
