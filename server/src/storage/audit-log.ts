import type { AuditKind } from '@accord/shared/audit-kinds';
import { AuditLimiter, type LimiterOptions, type Suppressed } from './audit-log-limiter';
import type { AuditSink } from './audit-log-sinks';

/** One line of a meeting's audit log. `meetingId` is '' for server-wide events. */
export interface AuditEvent {
  meetingId: string;
  at: string;
  kind: string;
  participant?: string;
  delegation?: string;
  detail: string;
  /** `detail` as a catalogue key and its values (see `AuditDetail`). */
  detailKey?: string;
  detailValues?: Record<string, string>;
}

export interface AuditLog {
  /** Appends one event (rate-limited per `source`, e.g. a participant id or an address); never throws. */
  record(event: AuditEvent, source?: string): void;
  list(meetingId: string, after?: string): Promise<AuditEvent[]>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface AuditLogOptions {
  sink: AuditSink;
  /** Told when a write fails (the event is lost; the log keeps going). */
  onError?: (error: unknown) => void;
  limits?: Partial<LimiterOptions>;
  /** Most events waiting for the disk; beyond it they are counted and summarised. */
  maxPending?: number;
  now?: () => number;
}

export const SERVER_WIDE = '';
const SERVER_STREAM = '_server';
const SUMMARY_KIND = 'audit.suppressed' satisfies AuditKind;

function streamOf(meetingId: string): string {
  return /^[A-Za-z0-9-]{1,64}$/.test(meetingId) ? meetingId : SERVER_STREAM;
}

/**
 * An append-only log of JSON lines, one stream per meeting. `record` only queues: lines are
 * written in order by one writer, so a flood costs bounded memory (the rate limit and the
 * pending cap) and never blocks a request.
 */
export class AppendOnlyAuditLog implements AuditLog {
  private readonly sink: AuditSink;
  private readonly limiter: AuditLimiter;
  private readonly pending = new Map<string, string[]>();
  private pendingCount = 0;
  private dropped = 0;
  private writing: Promise<void> | null = null;
  private readonly sweeper: NodeJS.Timeout;
  private readonly now: () => number;
  private readonly maxPending: number;

  constructor(private readonly options: AuditLogOptions) {
    this.sink = options.sink;
    this.now = options.now ?? Date.now;
    this.maxPending = options.maxPending ?? 10_000;
    const limits: LimiterOptions = {
      perWindow: 20,
      windowMs: 60_000,
      maxSources: 10_000,
      ...options.limits,
    };
    this.limiter = new AuditLimiter(limits, (summary) => this.enqueue(this.summaryEvent(summary)));
    this.sweeper = setInterval(() => this.limiter.sweep(this.now()), limits.windowMs);
    this.sweeper.unref();
  }

  record(event: AuditEvent, source?: string): void {
    if (
      source !== undefined &&
      !this.limiter.admit(event.meetingId, source, event.kind, this.now())
    ) {
      return;
    }
    this.enqueue(event);
  }

  private summaryEvent(summary: Suppressed): AuditEvent {
    const what = summary.kinds.length === 1 ? `${summary.kinds[0]} events` : 'events';
    return {
      meetingId: summary.meetingId,
      at: new Date(this.now()).toISOString(),
      kind: SUMMARY_KIND,
      detail: `… ${summary.count} more ${what} from ${summary.source} suppressed.`,
      ...(summary.kinds.length === 1
        ? {
            detailKey: 'langaudit.audit.suppressedOfKind',
            detailValues: {
              count: String(summary.count),
              kind: summary.kinds[0]!,
              source: summary.source,
            },
          }
        : {
            detailKey: 'langaudit.audit.suppressed',
            detailValues: { count: String(summary.count), source: summary.source },
          }),
    };
  }

  /** Queues a line; `always` for the line that reports losses (it must not be lost itself). */
  private enqueue(event: AuditEvent, always = false): void {
    if (!always && this.pendingCount >= this.maxPending) {
      this.dropped += 1;
      return;
    }
    const stream = streamOf(event.meetingId);
    const lines = this.pending.get(stream) ?? [];
    lines.push(JSON.stringify(event));
    this.pending.set(stream, lines);
    this.pendingCount += 1;
    this.writing ??= this.drain().finally(() => (this.writing = null));
  }

  private async drain(): Promise<void> {
    // Let the current tick's events join the batch.
    await Promise.resolve();
    while (this.pending.size > 0) {
      const batch = [...this.pending];
      this.pending.clear();
      this.pendingCount = 0;
      for (const [stream, lines] of batch) {
        try {
          await this.sink.append(stream, lines.join('\n') + '\n');
        } catch (error) {
          this.options.onError?.(error);
        }
      }
      if (this.dropped > 0) {
        const count = this.dropped;
        this.dropped = 0;
        this.enqueue(
          {
            meetingId: SERVER_WIDE,
            at: new Date(this.now()).toISOString(),
            kind: SUMMARY_KIND,
            detail: `${count} events were not recorded: the disk could not keep up.`,
            detailKey: 'langaudit.audit.eventsLost',
            detailValues: { count: String(count) },
          },
          true,
        );
      }
    }
  }

  async list(meetingId: string, after?: string): Promise<AuditEvent[]> {
    await this.flushWrites();
    const since = after === undefined ? -Infinity : Date.parse(after);
    const events: AuditEvent[] = [];
    for (const line of (await this.sink.read(streamOf(meetingId))).split('\n')) {
      if (line === '') continue;
      let event: AuditEvent;
      try {
        event = JSON.parse(line) as AuditEvent;
      } catch {
        continue; // A line torn by a crash mid-append.
      }
      if (event.meetingId === meetingId && Date.parse(event.at) > since) events.push(event);
    }
    // A reader sees what is being suppressed right now; the line is written once, at the end
    // of the source's window (or at shutdown).
    for (const summary of this.limiter.peek(meetingId)) {
      const event = this.summaryEvent(summary);
      if (Date.parse(event.at) > since) events.push(event);
    }
    return events;
  }

  /**
   * Moves events kept elsewhere by older versions into their streams, before what the streams
   * hold; lines already there are not added twice (an interrupted move is repeated safely).
   */
  async importEvents(events: readonly AuditEvent[]): Promise<void> {
    const byStream = new Map<string, string[]>();
    for (const event of events) {
      const stream = streamOf(event.meetingId);
      byStream.set(stream, [...(byStream.get(stream) ?? []), JSON.stringify(event)]);
    }
    await this.flushWrites();
    for (const [stream, lines] of byStream) {
      const existing = (await this.sink.read(stream)).split('\n').filter((line) => line !== '');
      const known = new Set(lines);
      const merged = [...lines, ...existing.filter((line) => !known.has(line))];
      await this.sink.replace(stream, merged.join('\n') + '\n');
    }
  }

  private async flushWrites(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes the summaries of what was suppressed so far, then everything queued. */
  async flush(): Promise<void> {
    this.limiter.sweep(this.now(), true);
    await this.flushWrites();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await this.flush();
  }
}
