// Builds the server for `npm start`: one ES module, our TypeScript (server/ and shared/)
// compiled and bundled, every npm package left to Node. Running plain JavaScript instead of
// compiling TypeScript at start-up (tsx) saves memory and CPU in the relay's hot paths.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./src/main.ts')],
  outfile: here('./dist/main.mjs'),
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
