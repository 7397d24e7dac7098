import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MessageType } from '@accord/shared';
import { chileAndPeru } from './testing/chile-and-peru';
import { appendParagraph, paragraphs } from './testing/document-edits';
import type { TestClient } from './testing/test-client';

/**
 * The clustered mode's stored batches: what another process stored reaches this room's devices
 * once. A batch read back from the database after a gap may also hold this room's own updates,
 * stored a moment before the process heard of the other's batch after them.
 */

/** Counts, from now on, how many messages `device` receives that carry `words`. */
function countArrivals(device: TestClient, words: string[]): Map<string, number> {
  const counts = new Map(words.map((w) => [w, 0]));
  const receive = device.receive.bind(device);
  device.receive = (bytes: Uint8Array) => {
    const text = Buffer.from(bytes).toString('latin1');
    for (const w of words) if (text.includes(w)) counts.set(w, counts.get(w)! + 1);
    receive(bytes);
  };
  return counts;
}

describe('stored batches from other processes', () => {
  it('[CL19] a batch read back that holds this room’s own update relays only the rest, so no device gets a change twice', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    const arrivals = countArrivals(peru, ['ownwords', 'elsewhere']);

    // Chile's update is applied here; its flush (the append, then the relay) has not run yet.
    const before = Y.encodeStateVector(chile.doc);
    appendParagraph(chile.doc, 'p1', 'ownwords');
    const own = Y.encodeStateAsUpdate(chile.doc, before);
    harness.deliverAll();

    // Another process's paragraph, stored after Chile's: the gap is read back as one batch.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(chile.doc));
    const otherBefore = Y.encodeStateVector(other);
    appendParagraph(other, 'p2', 'elsewhere');
    const elsewhere = Y.encodeStateAsUpdate(other, otherBefore);
    harness.room.applyStored(Y.mergeUpdates([own, elsewhere]), [], 2, true);
    await harness.settle();

    expect(paragraphs(peru.doc)).toEqual(['ownwords', 'elsewhere']);
    expect(paragraphs(chile.doc)).toEqual(['ownwords', 'elsewhere']);
    expect(Object.fromEntries(arrivals)).toEqual({ ownwords: 1, elsewhere: 1 });
    harness.destroy();
  });

  it('[CL19] a batch read back that this room holds whole is relayed to nobody', async () => {
    const { harness, chile, peru } = await chileAndPeru();

    const before = Y.encodeStateVector(chile.doc);
    appendParagraph(chile.doc, 'p1', 'ownwords');
    const own = Y.encodeStateAsUpdate(chile.doc, before);
    await harness.settle();
    const arrivals = countArrivals(peru, ['ownwords']);
    harness.room.applyStored(own, [], 1, true);
    await harness.settle();

    expect(arrivals.get('ownwords')).toBe(0);
    expect(paragraphs(peru.doc)).toEqual(['ownwords']);
    harness.destroy();
  });

  it('[CL20] a stored batch and the caret that moved with it, heard together, reach each device in one write', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    const writesBefore = peru.links[0]!.peer.writes;

    // Mexico types on another process: its paragraph and its caret come in one read.
    const mexico = new Y.Doc();
    Y.applyUpdate(mexico, Y.encodeStateAsUpdate(chile.doc));
    const before = Y.encodeStateVector(mexico);
    appendParagraph(mexico, 'p1', 'from mexico');
    const presence = new awarenessProtocol.Awareness(mexico);
    presence.setLocalState({ user: { name: 'Ana', delegation: 'Mexico' }, cursor: { at: 4 } });
    const caret = encoding.createEncoder();
    encoding.writeVarUint(caret, MessageType.awareness);
    encoding.writeVarUint8Array(
      caret,
      awarenessProtocol.encodeAwarenessUpdate(presence, [mexico.clientID]),
    );
    harness.room.applyStored(Y.encodeStateAsUpdate(mexico, before), [], 1);
    harness.room.relayAwareness(encoding.toUint8Array(caret));
    await harness.settle();

    expect(paragraphs(peru.doc)).toEqual(['from mexico']);
    expect(peru.awareness.getStates().get(mexico.clientID)).toMatchObject({ cursor: { at: 4 } });
    expect(peru.links[0]!.peer.writes - writesBefore).toBe(1);
    presence.destroy();
    harness.destroy();
  });
});
