import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { CloseCode, MessageType, RefusalReason } from '@accord/shared';
import { chileAndPeru } from './testing/chile-and-peru';
import { participant } from './testing/principals';
import type { RoomHarness } from './testing/room-harness';
import { DOCUMENT_ID } from './testing/room-harness';

/** An awareness message as any client could send it: (client id, clock, JSON state) triples. */
function awarenessMessage(states: [number, number, string][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const [clientId, clock, state] of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MessageType.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

const bindings = async (harness: RoomHarness) => (await harness.log.load(DOCUMENT_ID)).bindings;

describe('room awareness', () => {
  it('[K8] a caret reaches the others with the user the server knows, and not its own device', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    chile.awareness.setLocalStateField('user', { name: 'The Chair', role: 'chair' });
    chile.moveCaret(4);
    harness.deliverAll();
    await harness.scheduler.advance(30);
    expect(chile.link!.toClient).toEqual([]);
    expect(peru.link!.toClient.length).toBe(1);
    await harness.settle();
    const seen = peru.awareness.getStates().get(chile.doc.clientID);
    expect(seen).toMatchObject({
      cursor: { anchor: 4, head: 4 },
      user: { participant: 'chile', name: 'Name of chile', role: 'delegate' },
    });
    // Peru's provider echoed Chile's state back: ignored, not refused.
    expect(peru.refusals).toEqual([]);
    expect(peru.closes).toEqual([]);
    harness.destroy();
  });

  it('[CL16] a caret relayed from another process reaches devices here, and their echo of it is not refused', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    const elsewhere = 4242;
    const state = JSON.stringify({ user: { participant: 'mexico', name: 'Mexico' } });
    harness.room.relayAwareness(awarenessMessage([[elsewhere, 3, state]]));
    await harness.settle();
    expect(peru.awareness.getStates().get(elsewhere)).toMatchObject({ user: { name: 'Mexico' } });
    // Both providers echoed the state back: ignored, not refused.
    expect(chile.refusals).toEqual([]);
    expect(peru.refusals).toEqual([]);
    // A device joining here later sees the caret too.
    const late = harness.device('late', participant('late'));
    late.connect(harness.room);
    await harness.settle();
    expect(late.awareness.getStates().has(elsewhere)).toBe(true);
    // Gone over there: gone here, and not offered to the next device.
    harness.room.relayAwareness(awarenessMessage([[elsewhere, 4, 'null']]));
    await harness.settle();
    expect(peru.awareness.getStates().has(elsewhere)).toBe(false);
    const later = harness.device('later', participant('later'));
    later.connect(harness.room);
    await harness.settle();
    expect(later.awareness.getStates().has(elsewhere)).toBe(false);
    harness.destroy();
  });

  it('[K9] when a device leaves, its caret leaves every other screen', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    chile.moveCaret(1);
    await harness.settle();
    expect(peru.awareness.getStates().has(chile.doc.clientID)).toBe(true);
    chile.disconnect();
    await harness.settle();
    expect(peru.awareness.getStates().has(chile.doc.clientID)).toBe(false);
    harness.destroy();
  });

  it('[K15] an awareness state larger than the limit is refused and never relayed or kept', async () => {
    const { harness, chile, peru } = await chileAndPeru({ maxAwarenessStateBytes: 1024 });
    chile.awareness.setLocalStateField('note', 'x'.repeat(2000));
    await harness.settle();
    expect(chile.refusals).toEqual([RefusalReason.awarenessTooLarge]);
    expect(chile.closes).toEqual([CloseCode.refused]);
    expect(peru.awareness.getStates().has(chile.doc.clientID)).toBe(false);
    const late = harness.device('late', participant('late'));
    late.connect(harness.room);
    await harness.settle();
    expect(late.awareness.getStates().has(chile.doc.clientID)).toBe(false);
    expect(harness.events).toMatchObject([{ kind: 'update_refused', participant: 'chile' }]);
    harness.destroy();
  });

  it('[K16] one connection speaks for one awareness client id: a second id, or 100,000 in one message, is refused and binds nothing', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    chile.moveCaret(1);
    await harness.settle();
    chile.link!.send(awarenessMessage([[777, 1, '{}']]));
    await harness.settle();
    expect(chile.refusals).toEqual([RefusalReason.awarenessClients]);
    expect(chile.closes).toEqual([CloseCode.refused]);
    expect(peru.awareness.getStates().has(777)).toBe(false);

    const flood: [number, number, string][] = [];
    for (let id = 5000; id < 105_000; id++) flood.push([id, 1, '{}']);
    peru.link!.send(awarenessMessage(flood));
    await harness.settle();
    expect(peru.refusals).toEqual([RefusalReason.awarenessClients]);
    const bound = await bindings(harness);
    expect([...bound.keys()].filter((id) => id >= 5000)).toEqual([]);
    harness.destroy();
  });

  it('[K17] an awareness client id bound to another participant is refused foreign_client', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    chile.moveCaret(1);
    await harness.settle();
    peru.link!.send(awarenessMessage([[chile.doc.clientID, 99, '{"cursor":null}']]));
    await harness.settle();
    expect(peru.refusals).toEqual([RefusalReason.foreignClient]);
    expect(peru.closes).toEqual([CloseCode.refused]);
    const late = harness.device('late', participant('late'));
    late.connect(harness.room);
    await harness.settle();
    expect(late.awareness.getStates().get(chile.doc.clientID)).toMatchObject({
      cursor: { anchor: 1 },
    });
    harness.destroy();
  });

  it('[K20] a lock is announced to every device at once as the server awareness state, and the document refuses edits', async () => {
    let locked = false;
    const { harness, chile, peru } = await chileAndPeru({ isLocked: () => locked });
    locked = true;
    harness.room.announceStatus();
    await harness.settle();
    for (const device of [chile, peru]) {
      expect(device.awareness.getStates().get(0)).toEqual({ document: { status: 'locked' } });
    }
    chile.moveCaret(2);
    await harness.settle();
    expect(chile.closes).toEqual([]);
    harness.destroy();
  });

  it('[K21] a device asking for everyone present (query awareness) gets every state', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    chile.moveCaret(5);
    await harness.settle();
    peru.awareness.getStates().delete(chile.doc.clientID);
    peru.awareness.meta.delete(chile.doc.clientID);
    peru.link!.send(new Uint8Array([MessageType.queryAwareness]));
    await harness.settle();
    expect(peru.awareness.getStates().get(chile.doc.clientID)).toMatchObject({
      cursor: { anchor: 5 },
    });
    harness.destroy();
  });
});
