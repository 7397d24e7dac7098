import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A server under test, running as its own process. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Output seen so far (stdout and stderr), kept short, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Registers a child to be killed by `killAllChildren`. */
export function trackChild(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
}

/** Kills every child still running: called from `finally` and on SIGINT/SIGTERM. */
export function killAllChildren(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/**
 * Starts `node <args>` and resolves once a line of its output matches `ready`. The child is
 * node itself (not npx or a shell), so its pid is the process whose CPU and memory we read.
 */
export function startNode(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  cwd: string,
): Promise<{ process: ServerProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let text = '';
  const handle: ServerProcess = {
    child,
    pid: child.pid ?? -1,
    output: () => text.slice(-2000),
    stop: () => stopChild(child),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${text}`)), 30_000);
    const onData = (chunk: Buffer) => {
      // Only the start-up banner is kept: servers that log per connection must not grow memory here.
      if (text.length < 20_000) text += chunk.toString();
      const match = text.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ process: handle, match });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${text}`));
    });
  });
}

/** SIGTERM, then SIGKILL if the process has not exited within two seconds. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A loopback port free right now (for servers that cannot report the port they bound). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: fields are counted after its closing paren.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / CLOCK_TICKS;
}

/**
 * CPU seconds of the process's main thread (JavaScript) and of all its other threads together
 * (the libuv pool that runs file system calls such as fsync; V8's garbage collection and compiler
 * helpers), user and system apart. Node names all of them "node", so they are told apart by id.
 */
export function threadCpuSeconds(pid: number): Record<string, { user: number; system: number }> {
  const totals: Record<string, { user: number; system: number }> = {};
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return totals;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = tid === String(pid) ? 'main' : 'other threads';
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const entry = (totals[name] ??= { user: 0, system: 0 });
      entry.user += Number(fields[11]) / CLOCK_TICKS;
      entry.system += Number(fields[12]) / CLOCK_TICKS;
    } catch {
      // The thread ended between the listing and the read: its time is in no later sample either.
    }
  }
  return totals;
}

/** Linux reports /proc times in USER_HZ, which is 100 on every mainstream build. */
const CLOCK_TICKS = 100;

/** Peak resident memory (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = status.match(/VmHWM:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * Busy CPU seconds of the whole machine so far (every process, every container on this
 * kernel), from /proc/stat: what others take shows up as noise next to our own processes.
 */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
    CLOCK_TICKS
  );
}
