import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killAllChildren } from './servers/child';
import { accord } from './servers/accord';
import { accordCluster } from './servers/accord-cluster';
import { hocuspocus } from './servers/hocuspocus';
import { reference } from './servers/reference';
import type { ServerKind } from './servers/server';
import { runOnce, type RunRecord } from './round';
import { findScenarios } from './scenarios';
import { scenarioTable } from './table';
import { runDocumentBench } from './documents/run';
import { runBrowserBench } from './browser/latency';
import { runFirstLoadBench } from './first-load';
import { runSoak } from './soak/run';

/**
 * `npm run bench -- [--suite=relay,documents,browser,soak] [--scenario=10x40,40x260] [--rounds=3]
 * [--seconds=8] [--warmup=6] [--servers=accord,reference] [--profile] [--keys=40]
 * [--soak-seconds=180] [--soak-documents=10] [--soak-clients=20] [--soak-seed=1]`: every server
 * in its own process, the load in another, rounds interleaved (A, R, H, A, R, H, …) so that
 * drift in the machine hits every server alike. `browser`: typing latency between two Chromium
 * pages (`--keys` keystrokes per row); `soak`: rooms opening and closing for minutes, with the
 * server's memory.
 */

/**
 * The machine's noise: a fixed CPU-bound loop (integer hashing, no allocation), timed. Run before
 * and after the benchmark; a large difference means something else took the CPU meanwhile and the
 * numbers deserve suspicion. The best of five runs is reported, as the least disturbed.
 */
function noiseMs(): number {
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    let hash = 2166136261;
    for (let i = 0; i < 100_000_000; i++) hash = Math.imul(hash ^ i, 16777619) >>> 0;
    const took = performance.now() - start;
    // Keep `hash` alive so the loop cannot be optimised away.
    if (hash === 42) process.stdout.write('');
    best = Math.min(best, took);
  }
  return best;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KINDS: ServerKind[] = [accord, reference, hocuspocus, accordCluster];

function option(name: string): string | null {
  const prefix = `--${name}=`;
  const found = process.argv.find((arg) => arg.startsWith(prefix) || arg === `--${name}`);
  if (!found) return null;
  return found === `--${name}` ? '' : found.slice(prefix.length);
}

function nonNegative(name: string, fallback: number): number {
  const text = option(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`--${name} must be zero or a positive number, not "${text}"`);
  return value;
}

const SUITES = ['relay', 'documents', 'browser', 'soak', 'first-load'];

/** Seconds of typing before each measured window, for every server alike (see LoadConfig). */
const WARMUP_SECONDS = 6;

function positive(name: string, fallback: number | null): number | null {
  const text = option(name);
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError(`--${name} must be a positive number, not "${text}"`);
  return value;
}

/** "node 0.31+0.05, libuv-worker 0.02+0.06, …": user+system CPU seconds per thread kind. */
function threadSummary(record: RunRecord): string {
  return Object.entries(record.threadCpu)
    .filter(([, t]) => t.user + t.system > 0)
    .sort(([, a], [, b]) => b.user + b.system - (a.user + a.system))
    .map(([name, t]) => `${name} ${t.user.toFixed(2)}+${t.system.toFixed(2)}`)
    .join(', ');
}

/**
 * " (6 of 400 changes, first receiver 3.2 ms)": the changes behind the p99 and how late their
 * first receiver got them. Few changes, each late for everyone from the first receiver on,
 * mean the p99 measures a few stalls before the fan-out, not the fan-out.
 */
function tailSummary(record: RunRecord): string {
  const tail = record.latencyTail;
  if (!tail) return '';
  return ` (${tail.changes} of ${tail.of} changes, first receiver ${tail.firstReceiverMs.toFixed(1)} ms)`;
}

async function main(): Promise<void> {
  const suites = option('suite')?.split(',') ?? SUITES;
  const unknown = suites.filter((suite) => !SUITES.includes(suite));
  if (unknown.length > 0)
    throw new RangeError(`--suite: unknown ${unknown.join(', ')}; one of ${SUITES.join(', ')}`);
  const scenarios = suites.includes('relay')
    ? findScenarios(option('scenario')?.split(',') ?? null)
    : [];
  const rounds = positive('rounds', 3)!;
  const seconds = positive('seconds', null);
  const warmupSeconds = nonNegative('warmup', WARMUP_SECONDS);
  // The clustered row needs PostgreSQL and Redis: asked for by name (`--servers=accord,accord-cluster`).
  const serverNames =
    option('servers')?.split(',') ??
    KINDS.filter((k) => k.name !== 'accord-cluster').map((k) => k.name);
  const kinds = KINDS.filter((k) => serverNames.includes(k.name));
  const profileDir = option('profile') !== null ? join(root, '.bench', 'profiles') : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });

  const version = (pkg: string) =>
    (
      JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const noiseBefore = noiseMs();
  const startedAt = new Date();
  process.stdout.write(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; load ${loadavg()[0]!.toFixed(2)}; ` +
      `${warmupSeconds} s of warm-up typing before each window; ` +
      `reference ${version('@y/websocket-server')}, Hocuspocus ${version('@hocuspocus/server')}\n`,
  );
  const records: RunRecord[] = [];
  const tables: string[] = [];
  for (const scenario of scenarios) {
    const runs: RunRecord[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const kind of kinds) {
        const record = await runOnce(kind, scenario, {
          round,
          seconds: seconds ?? scenario.seconds,
          warmupSeconds,
          root,
          cpuProfileDir: profileDir,
        });
        runs.push(record);
        process.stdout.write(
          `  ${scenario.id} round ${round} ${kind.name}: p99 ${record.latency.p99.toFixed(1)} ms${tailSummary(record)}, ` +
            `CPU ${record.cpuSeconds.toFixed(2)} s, delivered ${(record.delivery * 100).toFixed(2)}%` +
            `${record.eventSyncMs !== null ? `, event sync ${record.eventSyncMs.toFixed(0)} ms` : ''}` +
            `${record.load.generatorEventLagMax !== null ? `, generator's longest stall meanwhile ${record.load.generatorEventLagMax.toFixed(0)} ms` : ''}\n`,
        );
        process.stdout.write(`    threads (user+system s): ${threadSummary(record)}\n`);
      }
    }
    records.push(...runs);
    tables.push(scenarioTable(scenario, runs));
    process.stdout.write(`\n${tables[tables.length - 1]}\n\n`);
  }
  if (suites.includes('documents')) {
    // Versions, comparisons and exports: in this process, on the built code paths.
    const documents = await runDocumentBench([12_500, 25_000, 50_000, 100_000], rounds);
    tables.push(documents);
    process.stdout.write(`\n${documents}\n`);
  }
  if (suites.includes('browser')) {
    const browser = await runBrowserBench(root, positive('keys', 40)!);
    tables.push(browser);
    process.stdout.write(`\n${browser}\n`);
  }
  if (suites.includes('first-load')) {
    const firstLoad = await runFirstLoadBench(root);
    tables.push(firstLoad);
    process.stdout.write(`\n${firstLoad}\n`);
  }
  if (suites.includes('soak')) {
    const soak = await runSoak(root, {
      documents: positive('soak-documents', 10)!,
      clients: positive('soak-clients', 20)!,
      seconds: positive('soak-seconds', 180)!,
      seed: nonNegative('soak-seed', 1),
    });
    tables.push(soak);
    process.stdout.write(`\n${soak}\n`);
  }
  const noiseAfter = noiseMs();
  const noise =
    `Noise: a fixed CPU-bound loop took ${noiseBefore.toFixed(0)} ms before and ${noiseAfter.toFixed(0)} ms after ` +
    `(${((noiseAfter / noiseBefore - 1) * 100).toFixed(1)}%); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`;
  process.stdout.write(`${noise}\n`);
  const outDir = join(root, '.bench');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `results-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(
    file,
    JSON.stringify(
      { startedAt, node: process.version, cpus: cpus().length, rounds, noise, tables, records },
      null,
      2,
    ),
  );
  process.stdout.write(`Results: ${file}\n`);
}

process.once('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
process.once('SIGTERM', () => {
  killAllChildren();
  process.exit(143);
});
try {
  await main();
} finally {
  killAllChildren();
}
