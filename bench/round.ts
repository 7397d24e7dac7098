import { spawn, type ChildProcess } from 'node:child_process';
import {
  cpuSeconds,
  machineBusySeconds,
  peakRssMb,
  stopChild,
  threadCpuSeconds,
  trackChild,
} from './servers/child';
import type { ServerKind } from './servers/server';
import type { Scenario } from './scenarios';
import type {
  ChildMessage,
  DocTarget,
  LatencySummary,
  LoadConfig,
  LoadResult,
  ParentMessage,
  TailSummary,
} from './types';

/** One server under one scenario: what the tables are made of. */
export interface RunRecord {
  scenario: string;
  server: ServerKind['name'];
  round: number;
  /** The scenario's headline latency (ms). */
  latency: LatencySummary;
  /** The changes behind its p99. */
  latencyTail: TailSummary | null;
  worstDocP99: number;
  /** Delivered / expected over all groups (1 = every change reached every client). */
  delivery: number;
  duplicates: number;
  probesConverged: string;
  /** Server CPU seconds (user + system) over the typing window. */
  cpuSeconds: number;
  /** The same, per kind of thread of the server process, user and system apart. */
  threadCpu: Record<string, { user: number; system: number }>;
  peakRssMb: number;
  bytesPerClientSecond: number;
  eventSyncMs: number | null;
  generatorCpu: number;
  generatorLoopP99: number;
  /** CPU seconds used by everything but the server and the generator during the window (noise). */
  otherCpuSeconds: number;
  load: LoadResult;
}

/** Waits for the generator's next message of `type`, failing on an error report or an exit. */
function expect<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<ChildMessage, { type: T }>);
      } else if (message.type === 'error') {
        cleanup();
        reject(new Error(`load generator: ${message.message}`));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`load generator exited (${code}) while waiting for ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * A scenario's documents split into one generator process per reporting group, in order. The
 * storm's 200 reconnecting clients and the room whose latency is measured meanwhile are then
 * different processes, as they are different devices in a hall: one generator's stall cannot
 * delay the other's timestamps. Single-group scenarios keep a single generator.
 */
function shardsOf(docs: DocTarget[]): DocTarget[][] {
  const byGroup = new Map<string, DocTarget[]>();
  for (const doc of docs) byGroup.set(doc.group, [...(byGroup.get(doc.group) ?? []), doc]);
  return [...byGroup.values()];
}

/** The generators' results as one: groups side by side, per-client figures weighed by clients. */
function merge(results: LoadResult[], headlineGroup: string): LoadResult {
  const clients = results.reduce((sum, r) => sum + r.clients, 0);
  const headline = results.find((r) => r.groups.some((g) => g.group === headlineGroup));
  return {
    groups: results.flatMap((r) => r.groups),
    changesSent: results.reduce((sum, r) => sum + r.changesSent, 0),
    bytesPerClientSecond:
      results.reduce((sum, r) => sum + r.bytesPerClientSecond * r.clients, 0) / clients,
    eventSyncMs: results.find((r) => r.eventSyncMs !== null)?.eventSyncMs ?? null,
    generatorCpu: results.reduce((sum, r) => sum + r.generatorCpu, 0),
    generatorLoopP99: Math.max(...results.map((r) => r.generatorLoopP99)),
    // The stall that matters is the one of the process timing the headline latency.
    generatorEventLagMax: headline?.generatorEventLagMax ?? null,
    clients,
  };
}

export async function runOnce(
  kind: ServerKind,
  scenario: Scenario,
  options: {
    round: number;
    seconds: number;
    warmupSeconds: number;
    root: string;
    cpuProfileDir?: string;
  },
): Promise<RunRecord> {
  const server = await kind.start(scenario.docs, options.root, {
    cpuProfileDir: options.cpuProfileDir,
  });
  const generators = shardsOf(server.targets).map((docs) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/main.ts'], {
      cwd: options.root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    trackChild(child);
    return { child, docs };
  });
  const all = <T extends ChildMessage['type']>(type: T) =>
    Promise.all(generators.map(({ child }) => expect(child, type)));
  const tellAll = (message: ParentMessage) => {
    for (const { child } of generators) child.send(message);
  };
  const generatorCpuNow = () =>
    generators.reduce((sum, { child }) => sum + cpuSeconds(child.pid ?? -1), 0);
  try {
    const ready = all('ready');
    for (const { child, docs } of generators) {
      const config: LoadConfig = {
        dialect: server.dialect,
        docs,
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        changesPerSecond: 5,
        eventAt: scenario.eventAt === null ? null : scenario.eventAt * options.seconds,
      };
      child.send({ type: 'config', config } satisfies ParentMessage);
    }
    await ready;
    const pid = server.process.pid;
    const measuring = all('measuring');
    const done = all('typing-done');
    const eventDone = all('event-done');
    const results = all('result');
    tellAll({ type: 'go' });
    await measuring;
    // A cluster's CPU is every process's, summed.
    const serverCpu = () =>
      [pid, ...(server.morePids ?? [])].reduce((sum, p) => sum + cpuSeconds(p), 0);
    const cpuBefore = serverCpu();
    const threadsBefore = threadCpuSeconds(pid);
    const generatorBefore = generatorCpuNow();
    const machineBefore = machineBusySeconds();
    await done;
    const cpu = serverCpu() - cpuBefore;
    const threadCpu = threadCpuSeconds(pid);
    for (const [name, before] of Object.entries(threadsBefore)) {
      const after = threadCpu[name];
      if (!after) continue;
      after.user -= before.user;
      after.system -= before.system;
    }
    const generatorCpu = generatorCpuNow() - generatorBefore;
    const otherCpu = machineBusySeconds() - machineBefore - cpu - generatorCpu;
    const event = (await eventDone).find((m) => m.event !== null)?.event ?? null;
    tellAll({ type: 'report', event });
    const load = merge(
      (await results).map((m) => m.result),
      scenario.headline.group,
    );
    const rss = peakRssMb(pid);
    const headline = load.groups.find((g) => g.group === scenario.headline.group);
    if (!headline) throw new Error(`no results for group ${scenario.headline.group}`);
    const inEvent = scenario.headline.window === 'event' && headline.eventLatency !== null;
    const latency = inEvent ? headline.eventLatency! : headline.latency;
    const latencyTail = inEvent ? headline.eventLatencyTail : headline.latencyTail;
    const expected = load.groups.reduce((sum, g) => sum + g.expected, 0);
    const delivered = load.groups.reduce((sum, g) => sum + g.delivered, 0);
    return {
      scenario: scenario.id,
      server: kind.name,
      round: options.round,
      latency,
      latencyTail,
      worstDocP99: headline.worstDocP99,
      delivery: expected === 0 ? NaN : delivered / expected,
      duplicates: load.groups.reduce((sum, g) => sum + g.duplicates, 0),
      probesConverged: `${load.groups.reduce((s, g) => s + g.probesConverged, 0)}/${load.groups.reduce((s, g) => s + g.probes, 0)}`,
      cpuSeconds: cpu,
      threadCpu,
      peakRssMb: rss,
      bytesPerClientSecond: load.bytesPerClientSecond,
      eventSyncMs: load.eventSyncMs,
      generatorCpu: load.generatorCpu,
      generatorLoopP99: load.generatorLoopP99,
      otherCpuSeconds: Math.max(0, otherCpu),
      load,
    };
  } finally {
    await Promise.all(generators.map(({ child }) => stopChild(child)));
    await server.process.stop();
    await server.cleanup();
  }
}
