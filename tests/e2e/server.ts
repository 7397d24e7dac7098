import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningServer {
  /** `http://127.0.0.1:<port>` as the server printed it. */
  url: string;
  /** The secretariat link the server printed. */
  secretariatLink: string;
  adminToken: string;
  stop: () => Promise<void>;
}

const LISTENING = /^Accord is listening on (http:\/\/\S+)$/;
const SECRETARIAT = /^Secretariat link: (http:\/\/\S+)$/;

/**
 * Starts the real server as users do (`node --import tsx server/src/main.ts`) on a free port
 * with a fresh data directory, and resolves once it has printed its two lines. Started without
 * npx so that killing the PID frees the port.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'client/dist/index.html')))
    throw new Error('client/dist is missing: run "npm run build" before the browser tests.');
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-e2e-'));
  const adminToken = `e2e-admin-${Math.random().toString(36).slice(2)}-secretariat`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  if (!child.stdout) throw new Error('the server was started without a stdout pipe');
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<{ url: string; secretariatLink: string }>((resolveReady, reject) => {
    let url: string | null = null;
    lines.on('line', (line) => {
      const listening = LISTENING.exec(line.trim());
      if (listening?.[1]) url = listening[1];
      const secretariat = SECRETARIAT.exec(line.trim());
      if (secretariat?.[1] && url) resolveReady({ url, secretariatLink: secretariat[1] });
    });
    child.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before it was ready:\n${stderr}`)),
    );
  });
  const { url, secretariatLink } = await ready;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, secretariatLink, adminToken, stop };
}
