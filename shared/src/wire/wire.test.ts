import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../protocol';
import {
  decodeAwarenessStates,
  encodeAwarenessStates,
  encodeMessage,
  peekMessageType,
  readMessage,
  writeAwarenessUpdate,
  writePermissionDenied,
  writeQueryAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
  type Message,
} from './index';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** A document with some text, and what a stock client would say about it. */
function draft(): { doc: Y.Doc; update: Uint8Array; stateVector: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'To urge the Member States to support MSMEs;');
  return { doc, update: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
}

describe('the wire codec', () => {
  const { doc, update, stateVector } = draft();
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ cursor: null, user: { name: 'Belize' } });
  const awarenessUpdate = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();

  // Each message, as this codec writes it and as y-websocket and y-protocols write it.
  const cases: { message: Message; stock: Uint8Array }[] = [
    {
      message: { kind: 'syncStep1', stateVector },
      stock: frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeSyncStep1(e, doc);
      }),
    },
    {
      message: { kind: 'syncStep2', update },
      stock: frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeSyncStep2(e, doc);
      }),
    },
    {
      message: { kind: 'update', update },
      stock: frame((e) => {
        encoding.writeVarUint(e, MessageType.sync);
        syncProtocol.writeUpdate(e, update);
      }),
    },
    {
      message: { kind: 'awareness', update: awarenessUpdate },
      stock: frame((e) => {
        encoding.writeVarUint(e, MessageType.awareness);
        encoding.writeVarUint8Array(e, awarenessUpdate);
      }),
    },
    {
      message: { kind: 'permissionDenied', reason: 'foreign_client' },
      stock: frame((e) => {
        encoding.writeVarUint(e, MessageType.auth);
        authProtocol.writePermissionDenied(e, 'foreign_client');
      }),
    },
    {
      message: { kind: 'queryAwareness' },
      stock: frame((e) => encoding.writeVarUint(e, MessageType.queryAwareness)),
    },
  ];

  for (const { message, stock } of cases) {
    it(`[Q1] ${message.kind}: written as stock y-websocket clients write it, and read back`, () => {
      const bytes = encodeMessage(message);
      expect(bytes).toEqual(stock);
      expect(readMessage(bytes)).toEqual(message);
    });
  }

  it('[Q1] the writers for each family make the same frames as encodeMessage', () => {
    expect(frame((e) => writeSyncStep1(e, stateVector))).toEqual(
      encodeMessage({ kind: 'syncStep1', stateVector }),
    );
    expect(frame((e) => writeSyncStep2(e, update))).toEqual(
      encodeMessage({ kind: 'syncStep2', update }),
    );
    expect(frame((e) => writeUpdate(e, update))).toEqual(encodeMessage({ kind: 'update', update }));
    expect(frame((e) => writeAwarenessUpdate(e, awarenessUpdate))).toEqual(
      encodeMessage({ kind: 'awareness', update: awarenessUpdate }),
    );
    expect(frame((e) => writePermissionDenied(e, 'locked'))).toEqual(
      encodeMessage({ kind: 'permissionDenied', reason: 'locked' }),
    );
    expect(frame((e) => writeQueryAwareness(e))).toEqual(encodeMessage({ kind: 'queryAwareness' }));
  });

  it('[Q1] the type of every message can be read without reading the rest', () => {
    expect(cases.map(({ message }) => peekMessageType(encodeMessage(message)))).toEqual([
      MessageType.sync,
      MessageType.sync,
      MessageType.sync,
      MessageType.awareness,
      MessageType.auth,
      MessageType.queryAwareness,
    ]);
  });

  it('[Q1] an update read from the wire applies to a document and gives the same text', () => {
    const message = readMessage(encodeMessage({ kind: 'update', update }));
    const copy = new Y.Doc();
    if (message.kind !== 'update') throw new Error(`read ${message.kind}`);
    Y.applyUpdate(copy, message.update);
    expect(copy.getText('body').toJSON()).toBe('To urge the Member States to support MSMEs;');
  });

  it('[Q1] awareness states written by hand are what y-protocols reads, and back', () => {
    const entries = [
      { clientId: 4711, clock: 3, state: { cursor: null, user: { name: 'Peru' } } },
      { clientId: 12, clock: 9, state: null },
    ];
    const bytes = encodeAwarenessStates(entries);
    expect(decodeAwarenessStates(bytes)).toEqual(entries);
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, bytes, 'test');
    expect(receiver.getStates().get(4711)).toEqual(entries[0]?.state);
    receiver.destroy();
  });

  it('[Q1] a single y-protocols awareness update reads back as its entries', () => {
    expect(decodeAwarenessStates(awarenessUpdate)).toEqual([
      { clientId: doc.clientID, clock: 1, state: { cursor: null, user: { name: 'Belize' } } },
    ]);
  });
});

describe('malformed frames', () => {
  const update = draft().update;
  const whole = encodeMessage({ kind: 'update', update });

  it('[Q2] an empty frame is refused for its missing message type', () => {
    expect(() => readMessage(new Uint8Array())).toThrow(
      new RangeError('malformed message: the message type is truncated'),
    );
  });

  it('[Q2] a truncated update is refused, and nothing past the frame is read', () => {
    const truncated = whole.subarray(0, whole.length - 1);
    expect(() => readMessage(truncated)).toThrow(
      new RangeError('malformed message: the update is truncated'),
    );
    // The same bytes as a view into a larger buffer (as Node's pooled sockets deliver them).
    const pooled = new Uint8Array(whole.length + 64);
    pooled.set(whole);
    expect(() => readMessage(pooled.subarray(0, whole.length - 1))).toThrow(RangeError);
  });

  it('[Q2] a frame cut inside the sync step is refused', () => {
    expect(() => readMessage(new Uint8Array([MessageType.sync]))).toThrow(
      new RangeError('malformed message: the sync step is truncated'),
    );
  });

  it('[Q2] a varint longer than 2^53 is refused as such', () => {
    const overflow = new Uint8Array([...Array<number>(10).fill(0xff), 0x01]);
    expect(() => readMessage(overflow)).toThrow(
      new RangeError('malformed message: the message type is a varint larger than 2^53'),
    );
  });

  it('[Q2] an unknown message type or sync step is refused, naming it', () => {
    expect(() => readMessage(new Uint8Array([7]))).toThrow(
      new RangeError('malformed message: unknown message type 7'),
    );
    expect(() => readMessage(new Uint8Array([MessageType.sync, 5, 0]))).toThrow(
      new RangeError('malformed message: unknown sync step 5'),
    );
    expect(() => readMessage(new Uint8Array([MessageType.auth, 1]))).toThrow(
      new RangeError('malformed message: unknown auth kind 1'),
    );
  });

  it('[Q2] a refusal reason cut short is refused', () => {
    const denied = encodeMessage({ kind: 'permissionDenied', reason: 'read_only' });
    expect(() => readMessage(denied.subarray(0, denied.length - 2))).toThrow(
      new RangeError('malformed message: the refusal reason is truncated'),
    );
  });

  it('[Q2] an awareness state that is not JSON is refused', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 5);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{"user":');
    expect(() => decodeAwarenessStates(encoding.toUint8Array(encoder))).toThrow(
      new RangeError("malformed awareness update: entry 0's state is not JSON"),
    );
  });
});
