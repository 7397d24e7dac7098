import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './vite-precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Groups third-party code so the first page (home, meeting) never downloads the editor stack:
 * everything Tiptap, ProseMirror and Yjs goes into one `editor-vendor` chunk that only the
 * lazily loaded editor page imports. (`codeSplitting.groups` is Vite 8 / Rolldown's successor to
 * Rollup's `manualChunks`, which is deprecated there.)
 */
function chunkGroup(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (
    /[\\/](@tiptap|prosemirror-[a-z]+|yjs|y-[a-z]+|lib0|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/.test(
      id,
    )
  )
    return 'editor-vendor';
  if (/[\\/](react|react-dom|scheduler|i18next|react-i18next)[\\/]/.test(id)) return 'app-vendor';
  return null;
}

export default defineConfig({
  root,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // dist/.vite/manifest.json: the server reads it to preload a page's chunks with the page.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: chunkGroup, debugName: 'accord-chunks' }] },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
