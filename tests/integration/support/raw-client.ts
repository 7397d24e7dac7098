import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { COLLAB_PATH, MessageType } from '@accord/shared';
import {
  SyncStep,
  encodeAwarenessStates,
  encodeMessage,
  readMessage,
  type Message,
} from '@accord/shared/wire';

/** A message as received, decoded just enough for assertions. */
export interface Received {
  type: number;
  /** For sync messages: 0 step1, 1 step2, 2 update. */
  step?: number;
  payload?: Uint8Array;
  /** For auth messages: the reason string. */
  reason?: string;
}

const SYNC_KINDS: Record<number, 'syncStep1' | 'syncStep2' | 'update'> = {
  [SyncStep.step1]: 'syncStep1',
  [SyncStep.step2]: 'syncStep2',
  [SyncStep.update]: 'update',
};

/** The codec's message in the shape tests assert on (type and step numbers as on the wire). */
function received(message: Message): Received {
  switch (message.kind) {
    case 'syncStep1':
      return { type: MessageType.sync, step: SyncStep.step1, payload: message.stateVector };
    case 'syncStep2':
      return { type: MessageType.sync, step: SyncStep.step2, payload: message.update };
    case 'update':
      return { type: MessageType.sync, step: SyncStep.update, payload: message.update };
    case 'awareness':
      return { type: MessageType.awareness, payload: message.update };
    case 'permissionDenied':
      return { type: MessageType.auth, reason: message.reason };
    case 'queryAwareness':
      return { type: MessageType.queryAwareness };
  }
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
    const message = readMessage(data);
    this.received.push(received(message));
    if (message.kind === 'syncStep2' || message.kind === 'update')
      Y.applyUpdate(this.doc, message.update, 'server');
  }

  /** Whether the server sent any document content (a sync step 2 or an update). */
  get receivedContent(): boolean {
    return this.received.some((m) => m.type === MessageType.sync && m.step !== 0);
  }

  send(bytes: Uint8Array): void {
    this.socket.send(bytes);
  }

  sendSync(step: number, payload: Uint8Array): void {
    const kind = SYNC_KINDS[step];
    if (!kind) throw new RangeError(`unknown sync step ${step}`);
    this.send(
      encodeMessage(
        kind === 'syncStep1' ? { kind, stateVector: payload } : { kind, update: payload },
      ),
    );
  }

  sendAwareness(clientId: number, clock: number, state: unknown): void {
    const update = encodeAwarenessStates([{ clientId, clock, state }]);
    this.send(encodeMessage({ kind: 'awareness', update }));
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
