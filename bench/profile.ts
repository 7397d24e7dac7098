import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, as written by `npm run bench -- --profile`):
 * self time per function and per area (yjs, lib0, ws, Accord's own code, node internals, GC).
 * `node --import tsx bench/profile.ts [file.cpuprofile]`; the newest in .bench/profiles by default.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function newest(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f)) // thread 0: the main thread, not tsx's loader worker
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${dir}`);
  return files[0];
}

/** Where a frame's code lives, coarsely: which library or layer pays for the time. */
function area(url: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)' || name === '(program)') return name;
  const match = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (match) return match[1]!;
  if (url.includes('/server/src/'))
    return `accord ${url.slice(url.indexOf('/server/src/') + 12).split('/')[0]}`;
  if (url.includes('/server/dist/')) return 'accord';
  if (url.includes('/shared/')) return 'accord shared';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return 'other';
}

const file = process.argv[2] ?? newest(join(process.cwd(), '.bench', 'profiles'));
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
// Self time from the sample timeline (more exact than hitCount × interval).
profile.samples.forEach((id, i) =>
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
);

const perFunction = new Map<string, number>();
const perArea = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const node = byId.get(id)!;
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  const where = url
    ? `${relative(process.cwd(), url.replace('file://', ''))}:${lineNumber + 1}`
    : '';
  perFunction.set(`${name} ${where}`, (perFunction.get(`${name} ${where}`) ?? 0) + ms);
  const a = area(url, name);
  perArea.set(a, (perArea.get(a) ?? 0) + ms);
  if (name !== '(idle)') total += ms;
}

// Inclusive time of Accord's own functions (self + everything they call), to see which relay
// step pays for the library time above. Recursion would double count; the relay has none.
const inclusive = new Map<string, number>();
const totalOf = (id: number): number => {
  const node = byId.get(id)!;
  let ms = selfMs.get(id) ?? 0;
  for (const child of node.children ?? []) ms += totalOf(child);
  const { functionName, url } = node.callFrame;
  const ours = url.includes('/server/src/')
    ? '/server/src/'
    : url.includes('/server/dist/')
      ? '/server/dist/'
      : null;
  if (ours) {
    const key = `${functionName || '(anonymous)'} ${url.slice(url.indexOf(ours) + 1)}:${node.callFrame.lineNumber + 1}`;
    inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
  }
  return ms;
};
totalOf(profile.nodes[0]!.id);

const top = (map: Map<string, number>, n: number) =>
  [...map]
    .filter(([key]) => !key.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(
      ([key, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}`,
    )
    .join('\n');

process.stdout.write(
  `${file}\nbusy ${total.toFixed(0)} ms of ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms\n\n`,
);
process.stdout.write(
  `By area (self time):\n${top(perArea, 15)}\n\nTop functions (self time):\n${top(perFunction, 30)}\n`,
);
process.stdout.write(`\nAccord functions (inclusive):\n${top(inclusive, 20)}\n`);

// The busiest stretch of the run: where a stall (a latency spike elsewhere) comes from. Self
// time per function, and every frame on the stack (inclusive), within the WINDOW_MS with the
// least idle time, after the first SKIP_MS (3 s) of start-up.
const WINDOW_MS = Number(process.env.WINDOW_MS ?? 50);
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);
const times: number[] = [];
let now = profile.startTime;
for (const delta of profile.timeDeltas) times.push((now += delta) / 1000);
const busy = profile.samples.map((id, i) =>
  byId.get(id)!.callFrame.functionName === '(idle)' ? 0 : (profile.timeDeltas[i + 1] ?? 0) / 1000,
);
let best = { from: 0, to: 0, ms: 0 };
let sum = 0;
// Start-up (loading modules) is not what a stall during a meeting is made of: skip it.
const skipMs = Number(process.env.SKIP_MS ?? 3000);
const first = times.findIndex((t) => t - profile.startTime / 1000 >= skipMs);
for (let from = Math.max(0, first), to = from; to < times.length && from >= 0; to++) {
  sum += busy[to]!;
  while (times[to]! - times[from]! > WINDOW_MS) sum -= busy[from++]!;
  if (sum > best.ms) best = { from, to, ms: sum };
}
const windowSelf = new Map<string, number>();
const windowInclusive = new Map<string, number>();
for (let i = best.from; i <= best.to; i++) {
  const ms = busy[i]!;
  if (ms === 0) continue;
  const node = byId.get(profile.samples[i]!)!;
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${relative(process.cwd(), n.callFrame.url.replace('file://', ''))}:${n.callFrame.lineNumber + 1}`;
  windowSelf.set(label(node), (windowSelf.get(label(node)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const key = label(byId.get(id)!);
    if (seen.has(key)) continue;
    seen.add(key);
    windowInclusive.set(key, (windowInclusive.get(key) ?? 0) + ms);
  }
}
const at = ((times[best.from] ?? 0) - profile.startTime / 1000).toFixed(0);
process.stdout.write(
  `\nBusiest ${WINDOW_MS} ms (from ${at} ms): ${best.ms.toFixed(0)} ms busy\nSelf:\n${top(windowSelf, 12)}\nInclusive:\n${top(windowInclusive, 25)}\n`,
);
