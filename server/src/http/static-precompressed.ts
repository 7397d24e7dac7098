import type { RequestHandler } from 'express';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** The variants the build writes beside each asset (client/vite-precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

type Encoding = (typeof ENCODINGS)[number]['name'];

function* builtFiles(dir: string, root: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* builtFiles(path, root);
    else yield `/${relative(root, path).split(sep).join('/')}`;
  }
}

/**
 * Serves the brotli or gzip file the build wrote beside an asset, whichever the browser
 * accepts (brotli first: Chromium offers it over HTTPS), with the asset's own type and
 * `Vary: Accept-Encoding` so that no cache hands one browser's variant to another. A browser
 * that accepts neither falls through to the plain file. Compressing once at build time lets
 * the slowest, smallest settings be used at no cost per request.
 *
 * The set of variants is read once at start: the built app does not change while it is served.
 */
export function precompressedAssets(
  clientDir: string,
  cacheControl: (name: string) => string,
): RequestHandler {
  const variants = new Map<string, Map<Encoding, string>>();
  if (existsSync(clientDir)) {
    const names = new Set(builtFiles(clientDir, clientDir));
    for (const name of names) {
      for (const { name: encoding, suffix } of ENCODINGS) {
        if (names.has(`${name}${suffix}`)) {
          const forName = variants.get(name) ?? new Map<Encoding, string>();
          forName.set(encoding, `${name}${suffix}`);
          variants.set(name, forName);
        }
      }
    }
  }

  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const forName = variants.get(request.path);
    if (!forName) return next();
    response.vary('Accept-Encoding');
    // Our order (brotli first) among those the browser accepts at least as much as none at all;
    // the browser's own order would put gzip first, as Chromium lists it first.
    const encoding = ENCODINGS.find(
      ({ name }) => forName.has(name) && request.acceptsEncodings(name, 'identity') === name,
    )?.name;
    const file = encoding ? forName.get(encoding) : undefined;
    if (!encoding || !file) return next();
    response.setHeader('Content-Encoding', encoding);
    response.setHeader('Cache-Control', cacheControl(request.path));
    // The asset's own type (by its extension), not that of the .br or .gz file.
    response.type(extname(request.path));
    response.sendFile(join(clientDir, file), { dotfiles: 'deny', cacheControl: false }, (error) => {
      if (error) next(error);
    });
  };
}
