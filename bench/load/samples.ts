import type { LatencySummary, TailSummary } from '../types';

/**
 * Latency samples of one document: (send time, latency) pairs in growable typed arrays, so a
 * million samples cost 16 MB and no garbage. Percentiles are exact (sorted), not bucketed.
 */
export class Samples {
  private sent: Float64Array = new Float64Array(1 << 16);
  private latency: Float64Array = new Float64Array(1 << 16);
  length = 0;

  add(sentAtMs: number, latencyMs: number): void {
    if (this.length === this.sent.length) {
      this.sent = grow(this.sent);
      this.latency = grow(this.latency);
    }
    this.sent[this.length] = sentAtMs;
    this.latency[this.length] = latencyMs;
    this.length += 1;
  }

  /** The (send time, latency) pairs of changes sent within [from, to). */
  *pairs(from = -Infinity, to = Infinity): Generator<[sentAtMs: number, latencyMs: number]> {
    for (let i = 0; i < this.length; i++) {
      const at = this.sent[i]!;
      if (at >= from && at < to) yield [at, this.latency[i]!];
    }
  }

  /** Latencies of changes sent within [from, to), all of them by default. */
  latencies(from = -Infinity, to = Infinity): Float64Array {
    if (from === -Infinity && to === Infinity) return this.latency.slice(0, this.length);
    const picked: number[] = [];
    for (let i = 0; i < this.length; i++) {
      const at = this.sent[i]!;
      if (at >= from && at < to) picked.push(this.latency[i]!);
    }
    return Float64Array.from(picked);
  }
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export function summarise(values: Float64Array): LatencySummary {
  const sorted = values.slice().sort();
  const at = (q: number) =>
    sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    samples: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length === 0 ? NaN : sorted[sorted.length - 1]!,
  };
}

export function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

/**
 * Which changes make up the slowest 1% of (change, receiver) pairs. In a small room a window
 * holds a few hundred changes, each owed to every other client: the p99 is then decided by a
 * handful of changes, each late for all its receivers alike, and how late the first receiver
 * got it says the change was held up before it was fanned out, not during. Changes are told
 * apart by their send time within a document (the generator's clock, sub-microsecond).
 */
export function tailOf(documents: Samples[], from = -Infinity, to = Infinity): TailSummary | null {
  const firstArrival = new Map<string, number>();
  const latencies: number[] = [];
  const keyed: [string, number][] = [];
  documents.forEach((samples, index) => {
    for (const [sentAt, latency] of samples.pairs(from, to)) {
      const key = `${index}:${sentAt}`;
      firstArrival.set(key, Math.min(firstArrival.get(key) ?? Infinity, latency));
      latencies.push(latency);
      keyed.push([key, latency]);
    }
  });
  if (latencies.length === 0) return null;
  // The same p99 as the table's.
  const { p99 } = summarise(Float64Array.from(latencies));
  const slow = new Set(keyed.filter(([, latency]) => latency >= p99).map(([key]) => key));
  const firsts = [...slow].map((key) => firstArrival.get(key)!).sort((a, b) => a - b);
  return {
    changes: slow.size,
    of: firstArrival.size,
    firstReceiverMs: firsts[Math.floor(firsts.length / 2)]!,
  };
}
