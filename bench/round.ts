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
import type { ChildMessage, LatencySummary, LoadConfig, LoadResult, ParentMessage } from './types';

/** One server under one scenario: what the tables are made of. */
export interface RunRecord {
  scenario: string;
  server: ServerKind['name'];
  round: number;
  /** The scenario's headline latency (ms). */
  latency: LatencySummary;
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
  const generator = spawn(process.execPath, ['--import', 'tsx', 'bench/load/main.ts'], {
    cwd: options.root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  trackChild(generator);
  try {
    const config: LoadConfig = {
      dialect: server.dialect,
      docs: server.targets,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      changesPerSecond: 5,
      eventAt: scenario.eventAt * options.seconds,
    };
    const ready = expect(generator, 'ready');
    generator.send({ type: 'config', config } satisfies ParentMessage);
    await ready;
    const pid = server.process.pid;
    const measuring = expect(generator, 'measuring');
    const done = expect(generator, 'typing-done');
    const result = expect(generator, 'result');
    generator.send({ type: 'go' } satisfies ParentMessage);
    await measuring;
    const cpuBefore = cpuSeconds(pid);
    const threadsBefore = threadCpuSeconds(pid);
    const generatorBefore = cpuSeconds(generator.pid ?? -1);
    const machineBefore = machineBusySeconds();
    await done;
    const cpu = cpuSeconds(pid) - cpuBefore;
    const threadCpu = threadCpuSeconds(pid);
    for (const [name, before] of Object.entries(threadsBefore)) {
      const after = threadCpu[name];
      if (!after) continue;
      after.user -= before.user;
      after.system -= before.system;
    }
    const generatorCpu = cpuSeconds(generator.pid ?? -1) - generatorBefore;
    const otherCpu = machineBusySeconds() - machineBefore - cpu - generatorCpu;
    const { result: load } = await result;
    const rss = peakRssMb(pid);
    const headline = load.groups.find((g) => g.group === scenario.headline.group);
    if (!headline) throw new Error(`no results for group ${scenario.headline.group}`);
    const latency =
      scenario.headline.window === 'event' && headline.eventLatency
        ? headline.eventLatency
        : headline.latency;
    const expected = load.groups.reduce((sum, g) => sum + g.expected, 0);
    const delivered = load.groups.reduce((sum, g) => sum + g.delivered, 0);
    return {
      scenario: scenario.id,
      server: kind.name,
      round: options.round,
      latency,
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
    await stopChild(generator);
    await server.process.stop();
    await server.cleanup();
  }
}
