import compression from 'compression';
import express, { type Express, type Request } from 'express';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DomainContext } from '../domain/context';
import { FirstPaint } from './static-first-paint';
import { precompressedAssets } from './static-precompressed';

/**
 * Vite names every built asset after a hash of its content, so an asset's address never
 * points at other bytes: a browser may keep it for a year without asking again. The page that
 * names them (index.html) and the service worker must be asked for every time, or a new
 * release would never reach a browser that already has the old one.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const HASHED_ASSET = /^\/assets\//;

/** Files whose address stays the same from release to release. */
const STABLE_NAMES = new Set(['/sw.js', '/registerSW.js', '/manifest.webmanifest', '/index.html']);

/**
 * A browser that navigates (a typed or followed link, a reload) asks for HTML; a script that
 * fetches an asset does not. Only the former gets the app's own pages.
 */
function wantsPage(request: Request): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

function cacheControl(name: string): string {
  const stable = STABLE_NAMES.has(name) || !HASHED_ASSET.test(name);
  return stable ? REVALIDATE : IMMUTABLE;
}

/**
 * The built browser app, compressed: on conference Wi-Fi (400 kbit/s) the editor's bundle is
 * the first thing a delegate waits for. Assets go out as the brotli or gzip files the build
 * wrote (static-precompressed.ts); anything else through `compression`. Every path outside
 * /api that a browser navigates to gets the app, which shows its own "page not found" with a
 * way back (never Express' "Cannot GET"); a document's page comes with the editor's chunks
 * preloaded and, for a signed-in reader, the text itself (static-first-paint.ts).
 */
export function serveClientApp(
  app: Express,
  clientDir: string | null,
  context: DomainContext | null = null,
): void {
  if (!clientDir || !existsSync(join(clientDir, 'index.html'))) {
    app.get('/', (_request, response) => {
      response
        .type('text/plain')
        .send('Accord is running, but the browser app is not built. Run "npm run build".\n');
    });
    return;
  }
  const firstPaint = new FirstPaint(clientDir, context);
  app.use(precompressedAssets(clientDir, cacheControl));
  // Brotli when the browser offers it, else gzip; the WebSocket upgrade never reaches here.
  app.use(compression({ threshold: 1024 }));
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders(response, path) {
        response.setHeader(
          'Cache-Control',
          cacheControl(`/${relative(clientDir, path).split(sep).join('/')}`),
        );
      },
    }),
  );
  app.get('/{*path}', async (request, response, next) => {
    if (request.path.startsWith('/api/') || (request.path !== '/' && !wantsPage(request))) {
      next();
      return;
    }
    const { html, personal } = await firstPaint.page(request);
    // A page holding a reader's text is theirs alone: no shared cache may keep it.
    response.setHeader('Cache-Control', personal ? `private, ${REVALIDATE}` : REVALIDATE);
    response.vary('Cookie');
    response.type('html').send(html);
  });
}
