import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ApiErrorBody } from '@accord/shared';
import { AccordError, type ErrorKind } from '../domain/errors';
import type { Logger } from '../logger';

const STATUS: Record<ErrorKind, number> = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  too_many_requests: 429,
  unavailable: 503,
};

function body(error: AccordError): ApiErrorBody {
  const payload: ApiErrorBody = { error: { code: error.code, message: error.message } };
  if (error.field !== undefined) payload.error.field = error.field;
  return payload;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Errors from Express' own parsers and router, turned into the contract's shape. */
function fromParser(error: BodyParserError): AccordError | null {
  // The router could not percent-decode a path parameter (`/api/documents/%E0%A4%A`).
  if (error instanceof URIError) {
    return new AccordError('malformed', 'malformed_path', 'The address is not valid.');
  }
  switch (error.type) {
    case 'entity.parse.failed':
      return new AccordError('malformed', 'malformed_json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AccordError('too_large', 'body_too_large', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AccordError(
        'unsupported_media_type',
        'unsupported_encoding',
        'The request body is in an encoding the server does not read.',
      );
    default:
      // Any other refusal of a request by a parser (aborted, a size that does not add up).
      if (error.status === 413) {
        return new AccordError('too_large', 'body_too_large', 'The request body is too large.');
      }
      if (error.status === 400) {
        return new AccordError('malformed', 'malformed_request', 'The request is not valid.');
      }
      return null;
  }
}

/** The one place errors become HTTP answers. Unknown errors are logged and answered 500. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const known =
      error instanceof AccordError
        ? error
        : typeof error === 'object' && error !== null
          ? fromParser(error)
          : null;
    if (known) {
      response.status(STATUS[known.kind]).json(body(known));
      return;
    }
    logger.error('request failed', {
      method: request.method,
      path: request.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    response.status(500).json({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on the server. Please try again.',
      },
    });
  };
}

/** Unknown API routes get a JSON 404, never the app's HTML. */
export const apiNotFound: RequestHandler = (request, response) => {
  response.status(404).json({
    error: { code: 'route_not_found', message: `There is no ${request.method} ${request.path}.` },
  });
};
