/**
 * Connections are admitted a few milliseconds' worth at a time. When a hall's Wi-Fi comes back,
 * hundreds of devices reconnect within one event-loop turn; completing every handshake and
 * greeting every device in that same turn would hold back the relay of edits in every other
 * document until the last one was done (tens of milliseconds). Queued, the handshakes run in
 * slices between turns, and a room's flush of live edits never waits for more than one slice.
 */
export class AdmissionQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  constructor(
    /** Work done per slice before yielding to the event loop. */
    private readonly sliceMs = 4,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get length(): number {
    return this.jobs.length;
  }

  admit(job: () => void): void {
    this.jobs.push(job);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.drain);
    }
  }

  private readonly drain = (): void => {
    const deadline = performance.now() + this.sliceMs;
    // At least one job per slice, so that a slow one cannot stall the queue for good.
    do {
      const job = this.jobs.shift();
      if (!job) break;
      try {
        job();
      } catch (error) {
        this.onError(error);
      }
    } while (performance.now() < deadline);
    if (this.jobs.length > 0) setImmediate(this.drain);
    else this.scheduled = false;
  };
}
