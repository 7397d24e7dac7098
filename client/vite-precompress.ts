import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the server sends as it is built; index.html is excluded, the server writes it per page. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|webmanifest|txt|woff)$/;

/** Too small to gain anything once the headers are counted. */
const SMALLEST = 512;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Vite's manifest (.vite/) is for the server, never sent.
      if (!entry.name.startsWith('.')) yield* files(path);
    } else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}

/**
 * Writes `x.br` (brotli, quality 11) and `x.gz` (gzip, level 9) beside every built text asset.
 * On conference Wi-Fi (400 kbit/s) every kilobyte costs 20 ms; compressing once at build time
 * lets us spend the slowest settings (brotli 11 is about a fifth smaller than the gzip a server
 * can afford per request) without spending CPU on each request. The server picks the variant
 * the browser accepts (server/src/http/static-precompressed.ts).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'accord-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const work: Promise<void>[] = [];
      for await (const path of files(outDir)) {
        work.push(
          (async () => {
            const bytes = await readFile(path);
            if (bytes.length < SMALLEST) return;
            const [br, gz] = await Promise.all([
              brotli(bytes, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
              gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
          })(),
        );
      }
      await Promise.all(work);
    },
  };
}
