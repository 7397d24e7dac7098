import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import type { HostileLoad } from '../types';
import { EMPTY_UPDATE, STEP1, UPDATE, type Wire } from './wire';

/**
 * One hostile socket in a document, for the flood and sync-step-1 scenarios: the latency that
 * counts is measured in *another* document, and must not suffer from it.
 *
 * - `flood`: messages as fast as `perSecond` says (empty updates: valid, cheap to build, each
 *   one a message the server must read and judge).
 * - `step1`: sync step 1 requests, each with a state vector no one sent before (an unknown
 *   client at clock 0), so that every answer is the whole document and no answer can be
 *   reused from a cache keyed by state vector.
 *
 * Answers are read and dropped: the socket is the attacker, not a client being measured.
 */
export class HostileSocket {
  private ws: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  private asked = 0;
  sent = 0;
  closedWith: number | null = null;

  constructor(
    private readonly url: string,
    private readonly wire: Wire,
    private readonly load: HostileLoad,
  ) {}

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url, { perMessageDeflate: false });
      ws.binaryType = 'nodebuffer';
      ws.on('open', () => {
        const hello = this.wire.hello();
        if (hello) ws.send(hello);
        resolve();
      });
      ws.on('message', () => undefined);
      ws.on('error', reject);
      ws.on('close', (code) => (this.closedWith = code));
      this.ws = ws;
    });
  }

  private message(): Uint8Array {
    if (this.load.kind === 'flood') return this.wire.sync(UPDATE, EMPTY_UPDATE);
    const vector = encoding.createEncoder();
    encoding.writeVarUint(vector, 1);
    encoding.writeVarUint(vector, 1_000_000_000 + this.asked++);
    encoding.writeVarUint(vector, 0);
    return this.wire.sync(STEP1, encoding.toUint8Array(vector));
  }

  /** Sends `perSecond` messages a second, in batches every 10 ms, until `stop`. */
  start(): void {
    const perTick = this.load.perSecond / 100;
    let owed = 0;
    this.timer = setInterval(() => {
      owed += perTick;
      const ws = this.ws;
      if (!ws || ws.readyState !== WebSocket.OPEN) return;
      for (; owed >= 1; owed--) {
        ws.send(this.message());
        this.sent++;
      }
    }, 10);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.ws?.terminate();
  }
}
