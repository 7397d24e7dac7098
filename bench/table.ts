import type { RunRecord } from './round';
import type { Scenario } from './scenarios';

/** Median and spread (min–max) of one metric over the rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: NaN, min: NaN, max: NaN };
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '–';
const withSpread = (s: Spread, digits: number) =>
  s.min === s.max
    ? fixed(s.median, digits)
    : `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})`;

const LABELS: Record<RunRecord['server'], string> = {
  accord: 'Accord',
  reference: 'reference',
  hocuspocus: 'Hocuspocus',
  'accord-cluster': 'Accord, 2 processes',
};

/** The markdown table for one scenario: one line per server, then Accord's ratios to the better peer. */
export function scenarioTable(scenario: Scenario, runs: RunRecord[]): string {
  const servers = [...new Set(runs.map((r) => r.server))];
  const event = runs.some((r) => r.eventSyncMs !== null);
  const lines = [
    `### ${scenario.id}: ${scenario.title}`,
    '',
    `| server | p50 ms | p95 ms | p99 ms | max ms | worst-doc p99 | delivered | dups | probes ok | CPU s | peak RSS MB | KB/client/s${event ? ' | event sync ms' : ''} | gen CPU | gen lag p99 | other CPU s |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|${event ? '---|' : ''}---|---|---|`,
  ];
  const medians = new Map<string, { p99: number; cpu: number }>();
  for (const server of servers) {
    const mine = runs.filter((r) => r.server === server);
    const of = (pick: (r: RunRecord) => number) => spread(mine.map(pick));
    const p99 = of((r) => r.latency.p99);
    const cpu = of((r) => r.cpuSeconds);
    medians.set(server, { p99: p99.median, cpu: cpu.median });
    const cells = [
      LABELS[server],
      withSpread(
        of((r) => r.latency.p50),
        1,
      ),
      withSpread(
        of((r) => r.latency.p95),
        1,
      ),
      withSpread(p99, 1),
      withSpread(
        of((r) => r.latency.max),
        0,
      ),
      withSpread(
        of((r) => r.worstDocP99),
        1,
      ),
      `${fixed(Math.min(...mine.map((r) => r.delivery)) * 100, 2)}%`,
      String(Math.max(...mine.map((r) => r.duplicates))),
      mine.map((r) => r.probesConverged).join(' '),
      withSpread(cpu, 2),
      withSpread(
        of((r) => r.peakRssMb),
        0,
      ),
      withSpread(
        of((r) => r.bytesPerClientSecond / 1024),
        1,
      ),
      ...(event
        ? [
            withSpread(
              of((r) => r.eventSyncMs ?? NaN),
              0,
            ),
          ]
        : []),
      `${fixed(Math.max(...mine.map((r) => r.generatorCpu)) * 100, 0)}%`,
      withSpread(
        of((r) => r.generatorLoopP99),
        1,
      ),
      withSpread(
        of((r) => r.otherCpuSeconds),
        1,
      ),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const accord = medians.get('accord');
  const peers = [...medians]
    .filter(([name]) => name !== 'accord' && name !== 'accord-cluster')
    .map(([, m]) => m);
  if (accord && peers.length > 0) {
    const bestP99 = Math.min(...peers.map((m) => m.p99));
    const bestCpu = Math.min(...peers.map((m) => m.cpu));
    lines.push(
      '',
      `Accord / best peer: p99 **${fixed(accord.p99 / bestP99, 2)}×**, CPU **${fixed(accord.cpu / bestCpu, 2)}×** (below 1 means Accord is better).`,
    );
  }
  return lines.join('\n');
}
