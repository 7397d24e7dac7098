import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocLoad, DocTarget } from '../types';
import { startNode } from './child';
import { clientCount, profileFlags, type ServerKind } from './server';

/** The title of every benchmark document (the first-load bench finds its link by it). */
export const DOCUMENT_TITLE = 'Draft recommendations';

/** The 35 OAS delegations, cycled: one participant per simulated device. */
const DELEGATIONS = 35;

async function post<T>(base: string, token: string, path: string, json: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (response.status !== 201)
    throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * One meeting per document, one participant (delegate) per client: Accord allows 16
 * connections per participant link, and a real device has its own link. Set up over HTTP
 * before anything is measured.
 */
export async function prepare(
  base: string,
  admin: string,
  doc: DocLoad,
  index: number,
): Promise<DocTarget> {
  const meeting = await post<{ id: string }>(base, admin, '/api/meetings', {
    title: `Benchmark meeting ${index}`,
    sector: 'Trade',
  });
  const tokens: string[] = [];
  const people: NonNullable<DocTarget['people']> = [];
  const count = clientCount(doc);
  // With negotiation, the first writer chairs (clients are seed, writers, readers, joiners).
  const chairAt = doc.negotiation ? (doc.seedBytes > 0 ? 1 : 0) : -1;
  // A few requests at a time: the metadata store writes one file per change.
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, (_, k) =>
      post<{ token: string; id: string; delegation: string }>(
        base,
        admin,
        `/api/meetings/${meeting.id}/participants`,
        {
          name: `Delegate ${i + k + 1}`,
          role: i + k === chairAt ? 'chair' : 'delegate',
          delegation: `Delegation ${((i + k) % DELEGATIONS) + 1}`,
        },
      ),
    );
    for (const invitation of await Promise.all(batch)) {
      tokens.push(invitation.token);
      people.push({
        participant: invitation.id,
        delegation: invitation.delegation,
        chair: people.length === chairAt,
      });
    }
  }
  const document = await post<{ id: string }>(
    base,
    admin,
    `/api/meetings/${meeting.id}/documents`,
    {
      templateId: 'blank-oas-resolution',
      title: DOCUMENT_TITLE,
    },
  );
  const ws = base.replace(/^http/, 'ws');
  const urls = tokens.map(
    (token) => `${ws}/collab/${document.id}?token=${encodeURIComponent(token)}`,
  );
  return { ...doc, name: document.id, urls, ...(doc.negotiation ? { people } : {}) };
}

/**
 * The Node flags `npm start` gives the server, read from package.json's `start` script, so
 * that the benchmark measures exactly the process users run.
 */
export function startFlags(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode((?: --\S+)*) server\/dist\/main\.mjs/.exec(pkg.scripts.start ?? '');
  if (!match) throw new Error("package.json's start script does not run server/dist/main.mjs");
  return match[1]!.split(' ').filter(Boolean);
}

export const accord: ServerKind = {
  name: 'accord',
  label: 'Accord',
  async start(docs, root, options) {
    const dataDir = await mkdtemp(join(tmpdir(), 'accord-bench-'));
    const admin = randomBytes(32).toString('base64url');
    const { process, match } = await startNode(
      // The built server, as `npm start` runs it (`npm run bench` builds it first).
      [
        ...startFlags(root),
        ...profileFlags(options.cpuProfileDir),
        ...(options.nodeFlags ?? []),
        'server/dist/main.mjs',
      ],
      { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN: admin },
      /Accord is listening on (http:\/\/\S+)/,
      root,
    );
    const base = match[1]!;
    try {
      const targets = await Promise.all(docs.map((doc, index) => prepare(base, admin, doc, index)));
      return {
        process,
        dialect: 'y-websocket',
        targets,
        cleanup: () => rm(dataDir, { recursive: true, force: true }),
      };
    } catch (error) {
      await process.stop();
      await rm(dataDir, { recursive: true, force: true });
      throw error;
    }
  },
};
