import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH, MessageType } from '@accord/shared';

/** A message as received, decoded just enough for assertions. */
export interface Received {
  type: number;
  /** For sync messages: 0 step1, 1 step2, 2 update. */
  step?: number;
  payload?: Uint8Array;
  /** For auth messages: the reason string. */
  reason?: string;
}

/**
 * A hand-driven y-websocket client: sends exactly the frames a test chooses and records every
 * frame and the close code, so tests can check what the server did and did not send.
 */
export class RawClient {
  readonly received: Received[] = [];
  readonly doc = new Y.Doc();
  readonly closed: Promise<{ code: number; reason: string }>;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)));
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
    socket.on('error', () => undefined);
  }

  static connect(
    wsUrl: string,
    documentId: string,
    token: string,
    origin?: string,
  ): Promise<RawClient> {
    const socket = new WebSocket(
      `${wsUrl}${COLLAB_PATH}/${encodeURIComponent(documentId)}?token=${encodeURIComponent(token)}`,
      origin ? { headers: { origin } } : {},
    );
    const client = new RawClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) =>
        reject(new Error(`HTTP ${res.statusCode}`)),
      );
      socket.once('error', reject);
    });
  }

  private onMessage(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      this.received.push({ type, step, payload });
      if (step === 1 || step === 2) Y.applyUpdate(this.doc, payload, 'server');
    } else if (type === MessageType.auth) {
      decoding.readVarUint(decoder);
      this.received.push({ type, reason: decoding.readVarString(decoder) });
    } else {
      this.received.push({ type, payload: decoding.readVarUint8Array(decoder) });
    }
  }

  /** Whether the server sent any document content (a sync step 2 or an update). */
  get receivedContent(): boolean {
    return this.received.some((m) => m.type === MessageType.sync && m.step !== 0);
  }

  send(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  sendSync(step: number, payload: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, step);
    encoding.writeVarUint8Array(encoder, payload);
    this.send(encoding.toUint8Array(encoder));
  }

  sendAwareness(clientId: number, clock: number, state: unknown): void {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    this.send(encoding.toUint8Array(encoder));
  }

  /** Asks for the document and waits until it has arrived (sync step 2). */
  async sync(): Promise<void> {
    this.sendSync(0, Y.encodeStateVector(this.doc));
    await this.until((m) => m.type === MessageType.sync && m.step === 1);
  }

  /** Waits for a message matching `test` (already received ones count). */
  until(test: (message: Received) => boolean, timeoutMs = 5000): Promise<Received> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const found = this.received.find(test);
        if (found) return resolve(found);
        if (Date.now() - started > timeoutMs) return reject(new Error('message did not arrive'));
        setImmediate(poll);
      };
      poll();
    });
  }

  close(): void {
    this.socket.close();
  }
}
