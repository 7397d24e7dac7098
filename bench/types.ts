/**
 * What the orchestrator (bench/run.ts) and the load generator (bench/load/main.ts) exchange over
 * IPC. Plain JSON: the two run in different processes.
 */

/** How a server expects its messages framed: y-websocket's bare protocol or Hocuspocus'. */
export type Dialect = 'y-websocket' | 'hocuspocus';

/** One document under load and who is in it. Clients are ordered seed, writers, readers, joiners. */
export interface DocLoad {
  /** Reporting group: latency is summarised per group (e.g. the storm room vs another room). */
  group: string;
  writers: number;
  readers: number;
  /** Clients that connect only when the scenario's event fires (large-document join). */
  joiners: number;
  /** Bytes of Yjs state to put into the document before the run (0: none). */
  seedBytes: number;
  /** Whether this document's clients all drop and reconnect at the event (reconnect storm). */
  storm: boolean;
  /** One more socket in this document that floods it or asks for it over and over. */
  hostile?: HostileLoad;
  /**
   * Writers also negotiate (bench/load/negotiation.ts): brackets placed and lifted, comments,
   * proposals, and the first writer, as chair, changes its paragraph's status.
   */
  negotiation?: boolean;
}

/** What the hostile socket of a document sends, from the warm-up to the window's end. */
export interface HostileLoad {
  kind: 'flood' | 'step1';
  perSecond: number;
}

/** Where the load generator connects: one URL per client, in the order of `DocLoad`. */
export interface DocTarget extends DocLoad {
  /** The document name on the wire (Hocuspocus puts it in every message). */
  name: string;
  urls: string[];
  /**
   * Who each client is on the server, in the order of `urls`, where the server knows people
   * (Accord); the negotiation load names them in marks and comments. Absent: invented names.
   */
  people?: { participant: string; delegation: string; chair: boolean }[];
}

export interface LoadConfig {
  dialect: Dialect;
  docs: DocTarget[];
  /** Seconds of typing that are measured. */
  seconds: number;
  /**
   * Seconds of the same typing before the measured window (not measured): a meeting's server has
   * been running for hours, so its JavaScript is compiled and its heap settled; a window that
   * starts with a fresh process would measure the JIT compiler's warm-up instead.
   */
  warmupSeconds: number;
  /** Changes per second per writer (each with one awareness update). */
  changesPerSecond: number;
  /** Seconds into the measured window at which the event (storm or join) fires; null: none. */
  eventAt: number | null;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The changes behind the slowest 1% of (change, receiver) pairs (see `tailOf`). */
export interface TailSummary {
  /** How many distinct changes have a pair at or above the p99 … */
  changes: number;
  /** … out of how many changes in the window. */
  of: number;
  /** The median, over those changes, of their first receiver's latency (ms). */
  firstReceiverMs: number;
}

export interface GroupResult {
  group: string;
  /** Latency of every change to every other client, ms. */
  latency: LatencySummary;
  latencyTail: TailSummary | null;
  /** Worst per-document p99 in the group (equal to latency.p99 for a single document). */
  worstDocP99: number;
  /** Latency of changes sent from the event until 1 s after all its clients had synced. */
  eventLatency: LatencySummary | null;
  eventLatencyTail: TailSummary | null;
  expected: number;
  delivered: number;
  duplicates: number;
  /** Probe readers whose full Y.Doc holds every change exactly once. */
  probesConverged: number;
  probes: number;
}

export interface LoadResult {
  groups: GroupResult[];
  changesSent: number;
  /** Bytes received per client per second of typing. */
  bytesPerClientSecond: number;
  /** Time from the event until every client it concerns had synced, ms (null: no event). */
  eventSyncMs: number | null;
  /** The load generator's own CPU share over the typing window (1 = one core): it must stay well below 1. */
  generatorCpu: number;
  /** p99 event-loop delay in the generator, ms: high values would inflate measured latency. */
  generatorLoopP99: number;
  /** The generator's longest event-loop stall from the event until 1 s after it, ms (null: no event). */
  generatorEventLagMax: number | null;
  /** Simulated clients this generator ran (to weigh per-client figures when merging). */
  clients: number;
}

/** When a storm or join happened, as epoch milliseconds (comparable between processes). */
export interface EventWindow {
  start: number;
  end: number;
}

export type ParentMessage =
  | { type: 'config'; config: LoadConfig }
  | { type: 'go' }
  /** Every generator is done with the event: report, with the event's window if any had one. */
  | { type: 'report'; event: EventWindow | null };

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'measuring' }
  | { type: 'typing-done' }
  | { type: 'event-done'; event: EventWindow | null }
  | { type: 'result'; result: LoadResult }
  | { type: 'error'; message: string };
