import type { Request } from 'express';
import type { z } from 'zod';
import { isId } from '@accord/shared';
import { AccordError } from '../domain/errors';

/**
 * Parses a JSON body with a zod schema: not a JSON object is 400 (malformed); a well-formed
 * body with a bad field is 422 naming the field.
 */
export function parseBody<T>(request: Request, schema: z.ZodType<T>): T {
  const hasBody =
    Number(request.headers['content-length'] ?? 0) > 0 ||
    request.headers['transfer-encoding'] !== undefined;
  if (hasBody && !request.is('application/json')) {
    throw new AccordError(
      'unsupported_media_type',
      'unsupported_media_type',
      'Send the request body as JSON (Content-Type: application/json).',
    );
  }
  const body: unknown = request.body ?? {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AccordError('malformed', 'malformed_body', 'The request body must be a JSON object.');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    const message = field
      ? `${field}: ${issue?.message ?? 'invalid'}`
      : (issue?.message ?? 'Invalid request.');
    throw new AccordError('invalid', 'invalid_field', message, field);
  }
  return result.data;
}

/** A path parameter that must be an id; anything else is a 404, never a file path. */
export function idParam(request: Request, name: string): string {
  const value = request.params[name];
  if (!isId(value)) {
    throw new AccordError('not_found', 'not_found', `There is no such ${name.replace(/Id$/, '')}.`);
  }
  return value;
}

/** An optional query parameter that must be a single string. */
export function queryString(request: Request, name: string): string | undefined {
  const value: unknown = request.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new AccordError(
      'malformed',
      'malformed_query',
      `The query parameter "${name}" must appear once.`,
    );
  }
  return value;
}

/** An optional query parameter that must be an ISO 8601 time. */
export function timeQuery(request: Request, name: string): Date | undefined {
  const value = queryString(request, name);
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw new AccordError('invalid', 'invalid_time', `${name} must be an ISO 8601 time.`, name);
  }
  return new Date(time);
}
