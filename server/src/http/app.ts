import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainContext } from '../domain/context';
import { apiNotFound, errorHandler } from './errors';
import { auditRefusals, identify } from './principal';
import { documentRoutes } from './routes/documents';
import { meetingRoutes } from './routes/meetings';
import { systemRoutes } from './routes/system';
import { templateRoutes } from './routes/templates';

export interface HttpAppOptions {
  version: string;
  /** The built browser app (client/dist), if present. */
  clientDir: string | null;
  /** Largest JSON body accepted. */
  jsonLimit?: string;
}

/**
 * The Express app: the JSON API under /api, then the browser app with a fallback to its
 * index.html for the app's own paths (/meetings/…, /documents/…).
 */
export function createHttpApp(context: DomainContext, options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((_request, response, next) => {
    // Tokens travel in links: never leak them in a Referer header.
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('X-Frame-Options', 'DENY');
    next();
  });

  const api = express.Router();
  api.use(express.json({ limit: options.jsonLimit ?? '256kb', strict: false }));
  api.use(identify(context.authenticator, auditRefusals(context)));
  api.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use('/', systemRoutes(context, options.version));
  api.use('/templates', templateRoutes(context));
  api.use('/meetings', meetingRoutes(context));
  api.use('/documents', documentRoutes(context));
  api.use(apiNotFound);
  app.use('/api', api);

  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(['/', '/meetings/{*rest}', '/documents/{*rest}'], (_request, response) => {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(clientDir, 'index.html'));
    });
  } else {
    app.get('/', (_request, response) => {
      response
        .type('text/plain')
        .send('Accord is running, but the browser app is not built. Run "npm run build".\n');
    });
  }
  app.use(errorHandler(context.logger));
  return app;
}
