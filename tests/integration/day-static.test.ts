import { mkdir, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from './support/server';

/** A built app in miniature: a page and one hashed bundle large enough to be worth compressing. */
async function builtClient(): Promise<{ dir: string; bundle: string }> {
  const dir = await tempDir('accord-client-');
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><title>Accord</title><div id="root"></div>',
  );
  const bundle = `export const words = ${JSON.stringify('the delegation of Belize proposes '.repeat(400))};\n`;
  await writeFile(join(dir, 'assets', 'editor-Bq3xY9zK.js'), bundle);
  await writeFile(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Accord' }));
  return { dir, bundle };
}

/** One GET over a plain socket: fetch() would undo the compression this test is about. */
function raw(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          bytes: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('the browser app on conference Wi-Fi and on every path', () => {
  let server: TestServer;
  let bundle: string;

  beforeAll(async () => {
    const client = await builtClient();
    bundle = client.bundle;
    server = await startTestServer({ clientDir: client.dir });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[MD1] hashed assets travel compressed (brotli or gzip) and are cached for a year as immutable', async () => {
    const url = `${server.url}/assets/editor-Bq3xY9zK.js`;
    const br = await raw(url, { 'accept-encoding': 'br, gzip' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.bytes.length).toBeLessThan(bundle.length / 4);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(bundle);

    const gz = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(bundle);
  });

  it('[MD1] the page that names the assets is revalidated every time, so a new release reaches every browser', async () => {
    for (const path of ['/', '/meetings/m1', '/manifest.webmanifest']) {
      const response = await raw(`${server.url}${path}`, { accept: 'text/html' });
      expect(response.status, path).toBe(200);
      expect(response.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('[MD2] every path a browser navigates to outside /api gets the app, which shows its own page', async () => {
    for (const path of ['/typo', '/meetings', '/documents/abc/extra', '/a/b/c?x=1']) {
      const response = await raw(`${server.url}${path}`, { accept: 'text/html,*/*' });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-type'], path).toMatch(/text\/html/);
      expect(response.bytes.toString(), path).toContain('<div id="root">');
      // The app's security headers still hold on the fallback.
      expect(response.headers['content-security-policy'], path).toContain("script-src 'self'");
    }
  });

  it('[MD2] a missing asset or API path is a plain 404, never the app', async () => {
    const asset = await raw(`${server.url}/assets/gone-0000.js`, { accept: '*/*' });
    expect(asset.status).toBe(404);
    const api = await raw(`${server.url}/api/nothing-here`, { accept: 'text/html' });
    expect(api.status).toBe(404);
    const body = JSON.parse(api.bytes.toString()) as { error: { code: string } };
    expect(typeof body.error.code).toBe('string');
  });
});
