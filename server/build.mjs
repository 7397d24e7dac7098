// Builds the server for `npm start`: one ES module, our TypeScript (server/ and shared/)
// compiled and bundled, every npm package left to Node. Running plain JavaScript instead of
// compiling TypeScript at start-up (tsx) saves memory and CPU in the relay's hot paths.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Chunks are named by content hash: start clean so that old ones do not pile up.
rmSync(here('./dist'), { recursive: true, force: true });
await build({
  entryPoints: { main: here('./src/main.ts') },
  outdir: here('./dist'),
  // Modules imported with `import()` (the export and .docx import writers) become chunks of their
  // own, so that their npm packages are loaded on first use rather than at start.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'npm-packages-external',
      setup(builder) {
        // Bare imports are npm packages, resolved by Node at run time; workspace sources
        // (@accord/shared) are ours and bundled.
        builder.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@accord/') ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
