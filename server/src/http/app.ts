import express, { type Express } from 'express';
import type { SecurityEventSink } from '../security-event';
import type { DomainContext } from '../domain/context';
import { apiNotFound, errorHandler } from './errors';
import { jsonOnly } from './middleware/json-body';
import {
  DEFAULT_REQUEST_RATE,
  requestRate,
  type RequestRateLimits,
} from './middleware/request-rate';
import { deviceSignIn } from './middleware/device-sign-in';
import { securityHeaders } from './middleware/security-headers';
import { auditRefusals, identify } from './principal';
import { deviceSessionRoutes } from './routes/device-session';
import { archivedDocumentGuard } from './middleware/archived-documents';
import { documentRoutes } from './routes/documents';
import { translationRoutes } from './routes/translations';
import { meetingRoutes } from './routes/meetings';
import { systemRoutes } from './routes/system';
import { templateRoutes } from './routes/templates';
import { serveClientApp } from './static-app';

export interface HttpAppOptions {
  version: string;
  /** The built browser app (client/dist), if present. */
  clientDir: string | null;
  /** Largest JSON body accepted. */
  jsonLimit?: string;
  /** Requests a minute per link and per address (429 past either). */
  requestRate?: Partial<RequestRateLimits>;
  /** Limits reached (for the audit log). */
  onSecurityEvent?: SecurityEventSink;
  /** Origins besides the request's own whose pages may use the sign-in kept on a device. */
  allowedOrigins?: () => string[];
  /** Express' `trust proxy` (TRUST_PROXY): who may say the request came over HTTPS. */
  trustProxy?: boolean | number | string;
}

/** The one API route whose body is not JSON: an uploaded file. */
const IMPORT_PATH = /^\/meetings\/[^/]+\/documents\/import\/?$/;

/**
 * The Express app: the JSON API under /api, then the browser app (static-app.ts), which
 * answers every page a browser navigates to outside /api.
 */
export function createHttpApp(context: DomainContext, options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders);

  const api = express.Router();
  // Who is asking, then whether they may ask this often, and only then their body is read.
  // A refused token is audited by `principalOf`, once the route turns out to need one.
  api.use(identify(context.authenticator, auditRefusals(context)));
  api.use(
    deviceSignIn({
      authenticator: context.authenticator,
      onRefused: auditRefusals(context),
      allowedOrigins: options.allowedOrigins ?? (() => []),
    }),
  );
  api.use(
    requestRate({ ...DEFAULT_REQUEST_RATE, ...options.requestRate }, options.onSecurityEvent),
  );
  api.use((request, response, next) => {
    if (IMPORT_PATH.test(request.path)) next();
    else jsonOnly(request, response, next);
  });
  api.use(express.json({ limit: options.jsonLimit ?? '256kb', strict: false }));
  api.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use('/session/device', deviceSessionRoutes(context));
  api.use('/', systemRoutes(context, options.version));
  api.use('/templates', templateRoutes(context));
  api.use('/meetings', meetingRoutes(context));
  api.use('/documents', archivedDocumentGuard(context));
  api.use('/documents', documentRoutes(context));
  api.use('/documents', translationRoutes(context));
  api.use(apiNotFound);
  app.use('/api', api);

  serveClientApp(app, options.clientDir, context);
  // Express' own 404 page would replace the security headers with its own policy.
  app.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found.\n');
  });
  app.use(errorHandler(context.logger));
  return app;
}
