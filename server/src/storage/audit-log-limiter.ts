/**
 * Per-source rate limit for the audit log: a source (a participant, an address) may record
 * `perWindow` events per window and meeting; beyond that, events are only counted, and the
 * count becomes one summary line. A flood of 312 failed logins is one line, not 312.
 */
export interface LimiterOptions {
  perWindow: number;
  windowMs: number;
  /** Most sources tracked at once; the oldest is let go (its summary written) beyond it. */
  maxSources: number;
}

export interface Suppressed {
  meetingId: string;
  source: string;
  count: number;
  kinds: string[];
}

interface Window {
  meetingId: string;
  source: string;
  startedAt: number;
  recorded: number;
  suppressed: number;
  kinds: Set<string>;
}

export class AuditLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: LimiterOptions,
    private readonly onSummary: (summary: Suppressed) => void,
  ) {}

  /** Whether an event from `source` may be written now; counts it when not. */
  admit(meetingId: string, source: string, kind: string, now: number): boolean {
    const key = `${meetingId}\u0000${source}`;
    let window = this.windows.get(key);
    if (window && now - window.startedAt >= this.options.windowMs) {
      this.end(key, window);
      window = undefined;
    }
    if (!window) {
      if (this.windows.size >= this.options.maxSources) {
        const [oldestKey, oldest] = this.windows.entries().next().value!;
        this.end(oldestKey, oldest);
      }
      window = { meetingId, source, startedAt: now, recorded: 0, suppressed: 0, kinds: new Set() };
      this.windows.set(key, window);
    }
    if (window.recorded < this.options.perWindow) {
      window.recorded += 1;
      return true;
    }
    window.suppressed += 1;
    if (window.kinds.size < 8) window.kinds.add(kind);
    return false;
  }

  /** Writes the summaries of windows that are over (all of them when `all`). */
  sweep(now: number, all = false): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.options.windowMs) this.end(key, window);
      else if (all && window.suppressed > 0) this.summarise(window);
    }
  }

  /** What is being suppressed in a meeting now, not yet summarised (for a reader). */
  peek(meetingId: string): Suppressed[] {
    const out: Suppressed[] = [];
    for (const window of this.windows.values()) {
      if (window.meetingId !== meetingId || window.suppressed === 0) continue;
      out.push({
        meetingId,
        source: window.source,
        count: window.suppressed,
        kinds: [...window.kinds],
      });
    }
    return out;
  }

  private end(key: string, window: Window): void {
    this.windows.delete(key);
    this.summarise(window);
  }

  private summarise(window: Window): void {
    if (window.suppressed === 0) return;
    this.onSummary({
      meetingId: window.meetingId,
      source: window.source,
      count: window.suppressed,
      kinds: [...window.kinds],
    });
    window.suppressed = 0;
    window.kinds.clear();
  }
}
