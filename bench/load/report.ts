import * as Y from 'yjs';
import type { DocTarget, GroupResult, LoadResult } from '../types';
import type { HostileSocket } from './hostile';
import type { BenchClient } from './client';
import { concat, summarise, tailOf, type Samples } from './samples';
import { tokensIn } from './token';
import type { Wire } from './wire';

/** One document's clients and what its writers sent. */
export interface DocRun {
  target: DocTarget;
  wire: Wire;
  samples: Samples;
  seed: BenchClient | null;
  writers: BenchClient[];
  readers: BenchClient[];
  joiners: BenchClient[];
  /** The socket that floods the document or asks for it over and over (not measured). */
  hostile: HostileSocket | null;
  /** Writer index → send time (monotonic ms) of each change, by seq. */
  sent: Map<number, number[]>;
}

export interface RunFacts {
  /** Changes sent before this (the warm-up) count for delivery, not for latency. */
  measuredFrom: number;
  eventStart: number;
  eventEnd: number;
  bytesPerClientSecond: number;
  generatorCpu: number;
  generatorLoopP99: number;
  generatorEventLagMax: number | null;
  clients: number;
}

/** Every change sent in the document arrives at every other client present when it was sent. */
function delivery(doc: DocRun) {
  let expected = 0;
  let delivered = 0;
  let duplicates = 0;
  for (const client of [...doc.writers, ...doc.readers, ...doc.joiners]) {
    duplicates += client.duplicates;
    for (const [writer, times] of doc.sent) {
      if (writer === client.writerIndex) continue;
      const seen = client.seen.get(writer);
      for (let seq = 0; seq < times.length; seq++) {
        if (client.firstConnectedAt < 0 || times[seq]! < client.firstConnectedAt) continue;
        expected += 1;
        if (seen && (seen[seq] ?? 0) > 0) delivered += 1;
      }
    }
  }
  return { expected, delivered, duplicates };
}

/** A probe's full document holds each change exactly once. */
function converged(doc: DocRun, probe: BenchClient): boolean {
  if (!probe.doc) return false;
  const counts = new Map<string, number>();
  for (const node of probe.doc.getXmlFragment('body').toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlText)) continue;
      // The plain text, not `toString()`: that writes formatting as tags, and a bracket that
      // starts inside a token would split it.
      const plain = (child.toDelta() as { insert?: unknown }[])
        .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      for (const token of tokensIn(plain)) {
        const key = token.slice(1, token.lastIndexOf(':'));
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  let total = 0;
  for (const [writer, times] of doc.sent) {
    for (let seq = 0; seq < times.length; seq++) {
      if (counts.get(`${writer}:${seq}`) !== 1) return false;
      total += 1;
    }
  }
  return total === counts.size;
}

export function report(docs: DocRun[], facts: RunFacts): LoadResult {
  const groups = new Map<string, DocRun[]>();
  for (const doc of docs)
    groups.set(doc.target.group, [...(groups.get(doc.target.group) ?? []), doc]);
  const eventWindow = facts.eventStart >= 0 ? [facts.eventStart, facts.eventEnd + 1000] : null;
  const results: GroupResult[] = [...groups].map(([group, members]) => {
    const totals = members.map(delivery);
    const probes = members.flatMap((doc) =>
      doc.readers.filter((r) => r.role === 'probe').map((p) => [doc, p] as const),
    );
    return {
      group,
      latency: summarise(concat(members.map((doc) => doc.samples.latencies(facts.measuredFrom)))),
      worstDocP99: Math.max(
        ...members.map((doc) => summarise(doc.samples.latencies(facts.measuredFrom)).p99),
      ),
      eventLatency: eventWindow
        ? summarise(
            concat(members.map((doc) => doc.samples.latencies(eventWindow[0], eventWindow[1]))),
          )
        : null,
      latencyTail: tailOf(
        members.map((doc) => doc.samples),
        facts.measuredFrom,
      ),
      eventLatencyTail: eventWindow
        ? tailOf(
            members.map((doc) => doc.samples),
            eventWindow[0],
            eventWindow[1],
          )
        : null,
      expected: totals.reduce((sum, t) => sum + t.expected, 0),
      delivered: totals.reduce((sum, t) => sum + t.delivered, 0),
      duplicates: totals.reduce((sum, t) => sum + t.duplicates, 0),
      probesConverged: probes.filter(([doc, probe]) => converged(doc, probe)).length,
      probes: probes.length,
    };
  });
  return {
    groups: results,
    changesSent: docs.reduce(
      (sum, doc) => sum + [...doc.sent.values()].reduce((s, t) => s + t.length, 0),
      0,
    ),
    bytesPerClientSecond: facts.bytesPerClientSecond,
    eventSyncMs: facts.eventStart >= 0 ? facts.eventEnd - facts.eventStart : null,
    generatorCpu: facts.generatorCpu,
    generatorLoopP99: facts.generatorLoopP99,
    generatorEventLagMax: facts.generatorEventLagMax,
    clients: facts.clients,
  };
}
