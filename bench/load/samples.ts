import type { LatencySummary } from '../types';

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
