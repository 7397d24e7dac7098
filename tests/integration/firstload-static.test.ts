import { mkdir, writeFile } from 'node:fs/promises';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText, setUpMeeting, type Fixture } from './support/api';
import { startTestServer, tempDir, type TestServer } from './support/server';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * A built app in miniature, as `vite build` leaves it: the page, hashed chunks with the
 * brotli and gzip files the build writes beside them (the gzip one deliberately made at a
 * different level than the server would use, so that a test can tell it was sent as built),
 * and the manifest that names the editor page's chunks.
 */
async function builtClient(): Promise<{ dir: string; bundle: string; gz: Buffer; br: Buffer }> {
  const dir = await tempDir('accord-client-');
  await mkdir(join(dir, 'assets'));
  await mkdir(join(dir, '.vite'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>Accord</title>' +
      '<script type="module" crossorigin src="/assets/index-AAAA1111.js"></script></head>' +
      '<body><div id="root"></div></body></html>',
  );
  const bundle = `export const words = ${JSON.stringify('the delegation of Belize proposes '.repeat(400))};\n`;
  const gz = gzipSync(bundle, { level: 1 });
  const br = brotliCompressSync(bundle);
  for (const name of ['editor-vendor-BBBB2222.js', 'EditorPage-CCCC3333.js', 'index-AAAA1111.js']) {
    await writeFile(join(dir, 'assets', name), bundle);
    await writeFile(join(dir, 'assets', `${name}.gz`), gz);
    await writeFile(join(dir, 'assets', `${name}.br`), br);
  }
  await writeFile(join(dir, 'assets', 'EditorPage-DDDD4444.css'), '.draft { color: black }');
  await writeFile(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-AAAA1111.js', isEntry: true },
      '_editor-vendor-BBBB2222.js': { file: 'assets/editor-vendor-BBBB2222.js' },
      'src/pages/EditorPage.tsx': {
        file: 'assets/EditorPage-CCCC3333.js',
        imports: ['_editor-vendor-BBBB2222.js'],
        css: ['assets/EditorPage-DDDD4444.css'],
      },
    }),
  );
  return { dir, bundle, gz, br };
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

describe('the first load on conference Wi-Fi', () => {
  let server: TestServer;
  let client: Awaited<ReturnType<typeof builtClient>>;
  let fixture: Fixture;

  beforeAll(async () => {
    client = await builtClient();
    server = await startTestServer({ clientDir: client.dir });
    fixture = await setUpMeeting(server.url, server.admin, {
      belize: { role: 'delegate', delegation: 'Belize' },
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('[MD60] an asset goes out as the brotli file built beside it when the browser accepts brotli', async () => {
    const url = `${server.url}/assets/editor-vendor-BBBB2222.js`;
    const answer = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    expect(answer.bytes.equals(client.br)).toBe(true);
    expect(brotliDecompressSync(answer.bytes).toString()).toBe(client.bundle);
  });

  it('[MD60] a browser that accepts only gzip gets the gzip file as built, with the same headers', async () => {
    const url = `${server.url}/assets/editor-vendor-BBBB2222.js`;
    const answer = await raw(url, { 'accept-encoding': 'gzip, deflate' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe(IMMUTABLE);
    // The level-1 file from the build, not a fresh compression by the server.
    expect(answer.bytes.equals(client.gz)).toBe(true);
    expect(gunzipSync(answer.bytes).toString()).toBe(client.bundle);
    // The security headers hold on precompressed answers too.
    expect(answer.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('[MD60] a client that accepts no compression gets the plain file, still immutable', async () => {
    const url = `${server.url}/assets/editor-vendor-BBBB2222.js`;
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const answer = await raw(url, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers.vary).toMatch(/Accept-Encoding/i);
      expect(answer.headers['cache-control']).toBe(IMMUTABLE);
      expect(answer.bytes.toString()).toBe(client.bundle);
    }
  });

  it('[MD61] a document page names the editor chunks and styles, so they load beside the app', async () => {
    const answer = await raw(`${server.url}/documents/${fixture.document.id}`, {
      accept: 'text/html',
    });
    const html = answer.bytes.toString();
    expect(answer.status).toBe(200);
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/EditorPage-CCCC3333.js">',
    );
    expect(html).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/editor-vendor-BBBB2222.js">',
    );
    expect(html).toContain(
      '<link rel="stylesheet" crossorigin href="/assets/EditorPage-DDDD4444.css">',
    );
    // Other pages do not pay for the editor.
    const home = (
      await raw(`${server.url}/meetings/${fixture.meeting.id}`, { accept: 'text/html' })
    ).bytes.toString();
    expect(home).not.toContain('modulepreload');
  });

  it('[MD62] a signed-in reader gets the document text in the page itself, private to them', async () => {
    const token = fixture.people.belize!.token;
    const text = await documentText(server.url, fixture.document.id, token);
    const firstWords = text
      .split('\n')
      .find((line) => line.trim().length > 8)!
      .trim();
    const signIns: Record<string, string>[] = [
      { accept: 'text/html', cookie: `accord_device=${token}` },
      { accept: 'text/html' },
    ];
    for (const headers of signIns) {
      const query = 'cookie' in headers ? '' : `?token=${encodeURIComponent(token)}`;
      const answer = await raw(`${server.url}/documents/${fixture.document.id}${query}`, headers);
      const html = answer.bytes.toString();
      expect(html).toContain(`data-document="${fixture.document.id}"`);
      expect(html).toContain(firstWords.replace(/^\d+\.\s*/, '').slice(0, 20));
      expect(answer.headers['cache-control']).toBe('private, no-cache');
      expect(answer.headers.vary).toMatch(/Cookie/i);
      // No inline script: the page still runs under script-src 'self'.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    }
  });

  it('[MD62] without a valid sign-in for that document, the page holds no text', async () => {
    const other = await setUpMeeting(server.url, server.admin, {
      mexico: { role: 'delegate', delegation: 'Mexico' },
    });
    const cases: Record<string, string>[] = [
      {}, // no sign-in
      { cookie: 'accord_device=not-a-token' },
      { cookie: `accord_device=${other.people.mexico!.token}` }, // another meeting's delegate
    ];
    for (const headers of cases) {
      const answer = await raw(`${server.url}/documents/${fixture.document.id}`, {
        accept: 'text/html',
        ...headers,
      });
      const html = answer.bytes.toString();
      expect(answer.status).toBe(200);
      expect(html).not.toContain('first-paint');
      expect(html).toContain('<div id="root">');
      expect(answer.headers['cache-control']).toBe('no-cache');
    }
  });
});
