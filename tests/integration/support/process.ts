import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Accord as its own process, for kill tests: from source (`node --import tsx server/src/main.ts`)
 * or as `npm start` runs it, built (`server/dist/main.mjs`, which the caller must have built).
 */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  admin: string;
  stdout: string;
  exited: Promise<number | null>;
}

export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  from: 'source' | 'built' = 'source',
): Promise<ServerProcess> {
  const args =
    from === 'built' ? ['server/dist/main.mjs'] : ['--import', 'tsx', 'server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /Accord is listening on (\S+)/.exec(stdout)?.[1];
      const admin = /Secretariat link: \S+\?token=(\S+)/.exec(stdout)?.[1];
      if (url && admin) {
        done({ child, url, wsUrl: url.replace(/^http/, 'ws'), admin, stdout, exited });
      }
    });
    void exited.then((code) => fail(new Error(`server exited with ${code}: ${stderr}`)));
  });
}
