import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * PostgreSQL and Redis for the tests of the clustered mode: the engines from Debian's packages,
 * started on free loopback ports with throw-away folders and stopped at the end. When
 * `ACCORD_TEST_DATABASE_URL` / `ACCORD_TEST_REDIS_URL` are set, those servers are used instead.
 */

export interface Engines {
  databaseUrl: string | null;
  redisUrl: string | null;
  /** Why an engine is missing, in one sentence each. */
  missing: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function redisBin(): string | null {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
    if (existsSync(path)) return path;
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/** Runs `command` as the `postgres` user when we are root (initdb refuses root). */
function asPostgres(command: string, args: string[]): { command: string; args: string[] } {
  if (!isRoot()) return { command, args };
  const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return { command: 'su', args: ['postgres', '-s', '/bin/sh', '-c', `exec ${quoted}`] };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startPostgres(folder: string): Promise<{ url: string; process: ChildProcess }> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
  const data = join(folder, 'pg');
  if (isRoot()) spawnSync('chown', ['-R', 'postgres', folder]);
  const init = asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres']);
  const initResult = spawnSync(init.command, init.args, { encoding: 'utf8' });
  if (initResult.status !== 0) throw new Error(`initdb failed: ${initResult.stderr}`);
  const port = await freePort();
  const run = asPostgres(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    folder,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'max_connections=200',
    // A throw-away cluster: durability against power loss is not what the tests check, and
    // CREATE DATABASE per test would otherwise cost a second of fsync each.
    '-c',
    'fsync=off',
  ]);
  const child = spawn(run.command, run.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const isReady = join(bin, 'pg_isready');
  await waitFor(
    () =>
      spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port)], { encoding: 'utf8' }).status ===
        0 || child.exitCode !== null,
    'PostgreSQL',
  );
  if (child.exitCode !== null) throw new Error(`PostgreSQL exited: ${log.slice(-500)}`);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, process: child };
}

async function startRedis(folder: string): Promise<{ url: string; process: ChildProcess }> {
  const bin = redisBin();
  if (!bin) throw new Error('Redis is not installed (apt-get install redis-server)');
  const port = await freePort();
  const child = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'yes',
      '--dir',
      folder,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let ready = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('Ready to accept connections')) ready = true;
  });
  await waitFor(() => ready || child.exitCode !== null, 'Redis');
  if (child.exitCode !== null) throw new Error('Redis exited at start');
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // `su` forwards SIGTERM to PostgreSQL: a fast shutdown.
    child.kill('SIGTERM');
  });
}

export async function startEngines(): Promise<Engines> {
  const missing: string[] = [];
  const children: ChildProcess[] = [];
  const folder = await mkdtemp(join(tmpdir(), 'accord-engines-'));
  await chmod(folder, 0o755);
  let databaseUrl = process.env.ACCORD_TEST_DATABASE_URL ?? null;
  let redisUrl = process.env.ACCORD_TEST_REDIS_URL ?? null;
  if (!databaseUrl) {
    try {
      const started = await startPostgres(folder);
      databaseUrl = started.url;
      children.push(started.process);
    } catch (error) {
      missing.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!redisUrl) {
    try {
      const started = await startRedis(folder);
      redisUrl = started.url;
      children.push(started.process);
    } catch (error) {
      missing.push(error instanceof Error ? error.message : String(error));
    }
  }
  return {
    databaseUrl,
    redisUrl,
    missing,
    stop: async () => {
      await Promise.all(children.map(stopProcess));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
