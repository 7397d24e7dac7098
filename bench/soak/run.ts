import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import type * as Y from 'yjs';
import type { DocLoad, DocTarget } from '../types';
import { accord } from '../servers/accord';
import type { ServerProcess } from '../servers/child';
import { Device } from './device';

/**
 * The soak of `npm run bench` (`--suite=soak`): a meeting day compressed. `documents` documents,
 * `clients` delegates' devices on each, for `seconds`. Each document lives in sessions: its
 * devices join, type a word every one to three seconds, drop off and come back now and then;
 * at the session's end they all leave, so the server unloads the room, and after a pause they
 * come back (half of them with their copy, half with nothing, as a cleared browser) and the
 * room loads again. Documents are out of step, so rooms open and close all the time.
 *
 * Reported: the server's memory (RSS, heap, and heap after a full collection) at the start,
 * along the way and at the end; rooms and connections (GET /api/health) at each sample; and
 * whether every word typed is in the document's stored text at the end. Nothing is asserted:
 * a leak shows as heap after collection that grows from session to session.
 */

export interface SoakOptions {
  documents: number;
  clients: number;
  seconds: number;
  /** Seed of each device's random choices (when it types, drops, comes back with its copy). */
  seed: number;
}

interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  heapUsedAfterGc: number;
  rssAfterGc: number;
}

interface Row {
  moment: string;
  memory: MemorySample;
  rooms: number;
  connections: number;
}

interface Tally {
  sessions: number;
  joins: number;
  drops: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same soak schedule. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads the memory probe's lines from the server's stderr; one sample per SIGUSR2. */
function memoryReader(server: ServerProcess): () => Promise<MemorySample> {
  const waiting: ((sample: MemorySample) => void)[] = [];
  let pending = '';
  server.child.stderr?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    let end = pending.indexOf('\n');
    while (end !== -1) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      if (line.startsWith('accord-memory '))
        waiting.shift()?.(JSON.parse(line.slice('accord-memory '.length)) as MemorySample);
      end = pending.indexOf('\n');
    }
  });
  return () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 10_000);
      waiting.push((sample) => {
        clearTimeout(timer);
        resolve(sample);
      });
      server.child.kill('SIGUSR2');
    });
}

async function health(base: string): Promise<{ rooms: number; connections: number }> {
  // A kept-alive connection the server closes just as it is reused fails the request
  // ("other side closed"); on a loaded machine that happens now and then: ask once more.
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${base}/api/health`);
      return (await response.json()) as { rooms: number; connections: number };
    } catch (error) {
      if (attempt >= 3) throw error;
      await delay(100);
    }
  }
}

/** One document's day: sessions until `deadline`, each ending with every device gone. */
async function documentDay(
  target: DocTarget,
  index: number,
  deadline: number,
  seed: number,
  tally: Tally,
  typed: Set<string>,
): Promise<void> {
  // Each device draws from its own generator, so its schedule does not depend on the others'.
  const next = random(seed * 7919 + index * 131);
  const draws = target.urls.map((_, client) => random(seed * 7919 + index * 131 + client + 1));
  const wsBase = new URL(target.urls[0]!).origin;
  const tokens = target.urls.map((url) => new URL(url).searchParams.get('token') ?? '');
  const copies: (Y.Doc | undefined)[] = tokens.map(() => undefined);
  // Sessions of 8 to 20 s (shorter in a short soak, so that rooms still close and reopen).
  const sessionMs = Math.min(20_000, (deadline - Date.now()) / 4);
  // Out of step with the other documents from the start.
  await delay(next() * 3000);
  while (Date.now() < deadline) {
    tally.sessions += 1;
    const devices = tokens.map((token, client) => {
      tally.joins += 1;
      return new Device(wsBase, target.name, token, `d${index}c${client}`, copies[client]);
    });
    const sessionEnds = Math.min(deadline, Date.now() + (0.4 + 0.6 * next()) * sessionMs);
    const typists = devices.map(async (device, client) => {
      const next = draws[client]!;
      while (Date.now() < sessionEnds) {
        await delay(1000 + next() * 2000);
        if (next() < 0.05) {
          // The hall's Wi-Fi drops this device for a moment.
          tally.drops += 1;
          device.leave();
          await delay(500 + next() * 2500);
          device.rejoin();
          continue;
        }
        device.typeWord();
      }
    });
    await Promise.all(typists);
    // Everyone leaves: the room has no connection left and unloads.
    devices.forEach((device, client) => {
      for (const word of device.typed) typed.add(word);
      device.close();
      // Half come back with their copy, half with nothing (a cleared browser).
      copies[client] = next() < 0.5 ? device.doc : undefined;
      if (!copies[client]) device.doc.destroy();
    });
    // Longer than the 5 s an empty room stays loaded for devices that come straight back.
    if (Date.now() < deadline) await delay(6000 + next() * 4000);
  }
  // A kept copy's awareness has a timer of its own: the copies go with the day.
  for (const copy of copies) copy?.destroy();
}

/** Every typed word that is not in its document's stored text. */
async function missingWords(
  base: string,
  targets: DocTarget[],
  typed: Set<string>,
): Promise<string[]> {
  const missing: string[] = [];
  for (const [index, target] of targets.entries()) {
    const token = new URL(target.urls[0]!).searchParams.get('token') ?? '';
    const response = await fetch(`${base}/api/documents/${target.name}/content?format=text`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const stored = new Set((await response.text()).split(/[\s;.,]+/));
    for (const word of typed)
      if (word.startsWith(`d${index}c`) && !stored.has(word)) missing.push(word);
  }
  return missing;
}

function formatTable(rows: Row[], options: SoakOptions, lines: string[]): string {
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return [
    `### Soak: ${options.documents} documents × ${options.clients} devices, ${options.seconds} s, rooms opening and closing`,
    '',
    '| moment | RSS | heap used | heap total | heap used after full GC | rooms | connections |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ moment, memory, rooms, connections }) =>
        `| ${moment} | ${mb(memory.rss)} | ${mb(memory.heapUsed)} | ${mb(memory.heapTotal)} | ${mb(memory.heapUsedAfterGc)} | ${rooms} | ${connections} |`,
    ),
    '',
    ...lines,
  ].join('\n');
}

/** Peak resident memory (VmHWM) of a process, in bytes. */
function peakRss(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

export async function runSoak(root: string, options: SoakOptions): Promise<string> {
  const docs: DocLoad[] = Array.from({ length: options.documents }, () => ({
    group: 'soak',
    writers: options.clients,
    readers: 0,
    joiners: 0,
    seedBytes: 0,
    storm: false,
  }));
  // Each stock provider listens for the process's exit, to say goodbye to the others.
  process.setMaxListeners(options.documents * options.clients + 20);
  const probe = pathToFileURL(join(root, 'bench', 'soak', 'memory-probe.mjs')).href;
  const server = await accord.start(docs, root, { nodeFlags: ['--expose-gc', '--import', probe] });
  try {
    const base = new URL(server.targets[0]!.urls[0]!).origin.replace(/^ws/, 'http');
    const memory = memoryReader(server.process);
    const rows: Row[] = [];
    const sample = async (moment: string) => {
      const row = { moment, memory: await memory(), ...(await health(base)) };
      rows.push(row);
      process.stderr.write(
        `soak ${moment}: RSS ${(row.memory.rss / 1048576).toFixed(1)} MB, rooms ${row.rooms}, connections ${row.connections}\n`,
      );
    };
    await sample('start (set up, no device yet)');

    const started = Date.now();
    const deadline = started + options.seconds * 1000;
    const tally: Tally = { sessions: 0, joins: 0, drops: 0 };
    const typed = new Set<string>();
    const days = server.targets.map((target, index) =>
      documentDay(target, index, deadline, options.seed, tally, typed),
    );
    // The rooms' count, twice a second: each fall is at least one room unloaded.
    const rooms = { min: Infinity, max: 0, unloads: 0, last: 0 };
    const watching = (async () => {
      while (Date.now() < deadline) {
        const { rooms: open } = await health(base);
        if (open < rooms.last) rooms.unloads += rooms.last - open;
        rooms.last = open;
        rooms.min = Math.min(rooms.min, open);
        rooms.max = Math.max(rooms.max, open);
        await delay(500);
      }
    })();
    // Four samples along the way.
    const along = (async () => {
      for (let quarter = 1; quarter <= 4; quarter++) {
        const at = started + (options.seconds * 1000 * quarter) / 5;
        await delay(Math.max(0, at - Date.now()));
        await sample(`${Math.round((at - started) / 1000)} s`);
      }
    })();
    await Promise.all([...days, along, watching]);

    // Every device has left: wait for the server to unload the rooms.
    const leftAt = Date.now();
    let now = await health(base);
    while ((now.rooms > 0 || now.connections > 0) && Date.now() - leftAt < 30_000) {
      await delay(200);
      now = await health(base);
    }
    const unloadMs = Date.now() - leftAt;
    await sample('end (every device gone)');
    const missing = await missingWords(base, server.targets, typed);
    const first = rows[0]!.memory;
    const last = rows[rows.length - 1]!.memory;
    const lines = [
      `${tally.sessions} sessions (every device of a document joining, typing and leaving), ` +
        `${tally.joins} device joins, ${tally.drops} short drops. Rooms open during the run: ` +
        `${rooms.min} to ${rooms.max}, at least ${rooms.unloads} unloads seen; after the run, rooms and ` +
        `connections were ${now.rooms} and ${now.connections} within ${(unloadMs / 1000).toFixed(1)} s.`,
      `Words typed in sync: ${typed.size}; missing from the stored text: ${missing.length}` +
        `${missing.length > 0 ? ` (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})` : ''}.`,
      `Heap after full GC: ${(first.heapUsedAfterGc / 1048576).toFixed(1)} MB at the start, ` +
        `${(last.heapUsedAfterGc / 1048576).toFixed(1)} MB at the end; peak RSS ${(peakRss(server.process.pid) / 1048576).toFixed(1)} MB.`,
    ];
    return formatTable(rows, options, lines);
  } finally {
    await server.process.stop();
    await server.cleanup();
  }
}
