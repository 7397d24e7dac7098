import { execFileSync } from 'node:child_process';
import { stat, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lanAddress } from '../../server/src/config';
import { api, setUpMeeting, documentText } from './support/api';
import { appendOperative, connectClient, whenSynced } from './support/clients';
import { spawnServer, type ServerProcess } from './support/process';
import { tempDir } from './support/server';

describe('the server process', () => {
  const processes: ServerProcess[] = [];
  const dirs: string[] = [];
  const dir = async () => {
    const d = await tempDir();
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const p of processes.splice(0)) p.child.kill('SIGKILL');
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });

  it('[P1] prints where it listens and the secretariat link; SIGTERM flushes and exits 0', async () => {
    const dataDir = await dir();
    const server = await spawnServer(dataDir);
    processes.push(server);
    expect(server.stdout).toMatch(
      /^Accord is listening on http:\/\/127\.0\.0\.1:\d+\nSecretariat link: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+\n$/,
    );
    const tokenFile = join(dataDir, 'admin-token');
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(server.admin);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);

    const fixture = await setUpMeeting(server.url, server.admin, {
      chile: { role: 'delegate', delegation: 'Chile' },
    });
    const client = connectClient(server.wsUrl, fixture.document.id, fixture.people.chile!.token);
    await whenSynced(client);
    appendOperative(client.doc, 'op-term', 'Written before SIGTERM');
    await vi.waitFor(async () => {
      const text = await documentText(server.url, fixture.document.id, server.admin);
      expect(text).toContain('Written before SIGTERM');
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    client.destroy();

    const again = await spawnServer(dataDir);
    processes.push(again);
    expect(again.admin).toBe(server.admin);
    const text = await documentText(again.url, fixture.document.id, again.admin);
    expect(text).toContain('Written before SIGTERM');
  });

  it("[P2] HOST=0.0.0.0 gives invitation links with the machine's LAN address", async () => {
    const server = await spawnServer(await dir(), { HOST: '0.0.0.0' });
    processes.push(server);
    const lan = lanAddress() ?? '127.0.0.1';
    expect(server.stdout).toContain(`Secretariat link: http://${lan}:`);
    const local = server.url.replace('0.0.0.0', '127.0.0.1');
    const meeting = await api<{ id: string }>(local, 'POST', '/api/meetings', {
      token: server.admin,
      json: { title: 'LAN meeting' },
    });
    const invited = await api<{ link: string }>(
      local,
      'POST',
      `/api/meetings/${meeting.body.id}/participants`,
      {
        token: server.admin,
        json: { name: 'Ana', role: 'delegate', delegation: 'Chile' },
      },
    );
    expect(invited.body.link).toMatch(
      new RegExp(`^http://${lan.replace(/\./g, '\\.')}:\\d+/\\?token=`),
    );
  });

  it('[P3] TLS_CERT and TLS_KEY serve HTTPS', async () => {
    const dataDir = await dir();
    const cert = join(dataDir, 'cert.pem');
    const key = join(dataDir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const server = await spawnServer(dataDir, { TLS_CERT: cert, TLS_KEY: key });
    processes.push(server);
    expect(server.url).toMatch(/^https:\/\//);
    const body = await new Promise<string>((done, fail) => {
      get(`${server.url}/api/health`, { rejectUnauthorized: false }, (response) => {
        let data = '';
        response.on('data', (chunk: Buffer) => (data += chunk.toString()));
        response.on('end', () => done(data));
      }).on('error', fail);
    });
    expect(JSON.parse(body)).toMatchObject({ ok: true });
  });

  it('[P4] a bad setting stops the start with one clear line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: 'abc', DATA_DIR: await dir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Accord could not start: PORT must be a whole number from 0 to 65535, not "abc".',
    );
  });
  it('[P5] the built server, as npm start runs it, loads its export and import writers on use', async () => {
    // Word, PDF, Akoma Ntoso and .docx import live in chunks of their own, loaded on first use:
    // a bundling mistake would only show here, at the first export after a start.
    execFileSync(process.execPath, ['server/build.mjs'], {
      cwd: join(import.meta.dirname, '../..'),
    });
    const server = await spawnServer(await dir(), {}, 'built');
    processes.push(server);
    const fixture = await setUpMeeting(server.url, server.admin, {
      rapporteur: { role: 'rapporteur', delegation: 'Belize' },
    });
    const token = fixture.people.rapporteur!.token;
    const exported: Record<string, Buffer> = {};
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf'],
      ['akn', 'application/akn+xml; charset=utf-8'],
    ] as const) {
      const response = await fetch(
        `${server.url}/api/documents/${fixture.document.id}/export?format=${format}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      exported[format] = Buffer.from(await response.arrayBuffer());
    }
    expect(exported.pdf!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(exported.akn!.toString()).toContain('<akomaNtoso');
    // The Word file comes back in through the .docx import, with the document's paragraphs.
    const imported = await api<{ id: string }>(
      server.url,
      'POST',
      `/api/meetings/${fixture.meeting.id}/documents/import`,
      {
        token,
        body: exported.docx!,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    );
    expect(imported.status).toBe(201);
    const original = await documentText(server.url, fixture.document.id, server.admin);
    const roundTrip = await documentText(server.url, imported.body.id, server.admin);
    const firstOperative = original.split('\n').find((line) => /^1\. /.test(line.trim()));
    expect(firstOperative).toBeDefined();
    expect(roundTrip).toContain(firstOperative!.trim());
  });
});
