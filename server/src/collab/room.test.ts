import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, RefusalReason } from '@accord/shared';
import type { LogEntry, UpdateLog } from '../storage';
import { MemoryUpdateLog } from '../storage/memory-update-log';
import { updateMessage } from './messages';
import { chileAndPeru } from './testing/chile-and-peru';
import { appendParagraph, paragraphText, paragraphs } from './testing/document-edits';
import { faultyLog } from './testing/faulty-log';
import { participant, secretariat } from './testing/principals';
import { DOCUMENT_ID, RoomHarness } from './testing/room-harness';

/** A log whose loads and appends wait until the test lets them through. */
function gatedLog(log: UpdateLog) {
  const gated = Object.create(log) as UpdateLog;
  const waiting: (() => void)[] = [];
  let holding = true;
  const hold = <T>(work: () => Promise<T>): Promise<T> =>
    holding ? new Promise<void>((go) => waiting.push(go)).then(work) : work();
  gated.load = (id) => hold(() => log.load(id));
  gated.append = (id, entries: readonly LogEntry[]) => hold(() => log.append(id, entries));
  return {
    log: gated,
    get waiting() {
      return waiting.length;
    },
    release() {
      holding = false;
      for (const go of waiting.splice(0)) go();
    },
    hold() {
      holding = true;
    },
  };
}

const stored = async (log: UpdateLog) => {
  const doc = new Y.Doc();
  const { checkpoint, updates } = await log.load(DOCUMENT_ID);
  if (checkpoint) Y.applyUpdate(doc, checkpoint);
  for (const u of updates) Y.applyUpdate(doc, u.update);
  return { texts: paragraphs(doc), updates };
};

describe('room lifecycle', () => {
  it('[K1] messages sent while the document loads wait, then are handled in order; past the bound the device is sent away with 4529', async () => {
    const memory = new MemoryUpdateLog();
    await memory.create(DOCUMENT_ID, []);
    const gate = gatedLog(memory);
    const harness = new RoomHarness(gate.log, { maxQueuedPerPeer: 3 });
    const chile = harness.device('chile', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    chile.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'early words');
    harness.deliverAll();
    expect(chile.synced).toBe(false);
    peru.connect(harness.room);
    for (let i = 0; i < 4; i++) peru.moveCaret(i);
    harness.deliverAll();
    expect(peru.closes).toEqual([CloseCode.tooManyMessages]);
    gate.release();
    await harness.room.ready;
    await harness.settle();
    expect(chile.synced).toBe(true);
    expect(chile.closes).toEqual([]);
    expect((await stored(memory)).texts).toEqual(['early words']);
    expect(harness.events.map((e) => e.kind)).toEqual(['limit_hit']);
    harness.destroy();
  });

  it('[K2] a device joining is greeted with the server state vector and everyone present, then gets the document', async () => {
    const harness = await RoomHarness.create();
    const chile = harness.device('chile', participant('chile'));
    chile.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'Chile text');
    chile.moveCaret(3);
    await harness.settle();
    const peru = harness.device('peru', participant('peru'));
    const link = peru.connect(harness.room);
    // The greeting is in flight before anything the device sends is read.
    expect(link.toClient.length).toBe(2);
    await harness.settle();
    expect(paragraphs(peru.doc)).toEqual(['Chile text']);
    expect(peru.awareness.getStates().get(chile.doc.clientID)).toBeDefined();
    expect(peru.awareness.getStates().get(0)).toEqual({ document: { status: 'drafting' } });
    harness.destroy();
  });

  it('[K3] an edit is relayed, and a sync answer containing it sent, only once the log holds it', async () => {
    const memory = new MemoryUpdateLog();
    await memory.create(DOCUMENT_ID, []);
    const gate = gatedLog(memory);
    gate.release();
    const harness = new RoomHarness(gate.log);
    await harness.room.ready;
    const chile = harness.device('chile', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    chile.connect(harness.room);
    peru.connect(harness.room);
    await harness.settle();
    gate.hold();
    appendParagraph(chile.doc, 'p1', 'not yet stored');
    const late = harness.device('late', participant('late'));
    late.connect(harness.room);
    harness.deliverAll();
    const flushing = harness.scheduler.runSoon();
    expect(gate.waiting).toBe(1);
    harness.deliverAll();
    expect(paragraphs(peru.doc)).toEqual([]);
    expect(paragraphs(late.doc)).toEqual([]);
    expect(late.synced).toBe(false);
    gate.release();
    await flushing;
    await harness.settle();
    expect(paragraphs(peru.doc)).toEqual(['not yet stored']);
    expect(paragraphs(late.doc)).toEqual(['not yet stored']);
    expect((await stored(memory)).texts).toEqual(['not yet stored']);
    harness.destroy();
  });

  it('[K4] a refused update is answered with the reason and 4409; nothing of it is written or relayed', async () => {
    const harness = await RoomHarness.create();
    const observer = harness.device('spain', participant('spain', 'observer'));
    const chile = harness.device('chile', participant('chile'));
    observer.connect(harness.room);
    chile.connect(harness.room);
    await harness.settle();
    appendParagraph(observer.doc, 'p1', 'an observer writes');
    await harness.settle();
    expect(observer.refusals).toEqual([RefusalReason.readOnly]);
    expect(observer.closes).toEqual([CloseCode.refused]);
    expect(paragraphs(chile.doc)).toEqual([]);
    expect((await stored(harness.log)).updates).toEqual([]);
    expect(harness.events).toMatchObject([
      { kind: 'update_refused', participant: 'spain', documentId: DOCUMENT_ID },
    ]);
    harness.destroy();
  });

  it('[K5] a rejected append relays nothing, tells every device storage_unavailable and closes 4503; a room opened afresh takes the edits again once writes succeed', async () => {
    const memory = new MemoryUpdateLog();
    await memory.create(DOCUMENT_ID, []);
    const log = faultyLog(memory);
    const harness = new RoomHarness(log);
    await harness.room.ready;
    const chile = harness.device('chile', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    chile.connect(harness.room);
    peru.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'stored');
    await harness.settle();
    log.failing = true;
    paragraphText(chile.doc, 'p1').insert(6, ' and lost?');
    await harness.settle();
    expect(log.refused).toBe(1);
    expect(paragraphs(peru.doc)).toEqual(['stored']);
    for (const device of [chile, peru]) {
      expect(device.refusals).toEqual([RefusalReason.storageUnavailable]);
      expect(device.closes).toEqual([CloseCode.unavailable]);
    }
    expect(harness.room.isUsable).toBe(false);
    await expect(harness.room.read(() => 'read')).rejects.toThrow(/unavailable/);
    expect(harness.events.map((e) => e.kind)).toEqual(['storage_unavailable']);
    // Still failing: the new room loads but its writes fail the same way.
    log.failing = false;
    const room = harness.open();
    await room.ready;
    expect(await room.read((doc) => paragraphs(doc))).toEqual(['stored']);
    chile.connect(room);
    peru.connect(room);
    await harness.settle();
    expect(paragraphs(peru.doc)).toEqual(['stored and lost?']);
    expect((await stored(memory)).texts).toEqual(['stored and lost?']);
    harness.destroy();
  });

  it('[K5] what was accepted while the failing write was under way is never written or relayed either', async () => {
    const memory = new MemoryUpdateLog();
    await memory.create(DOCUMENT_ID, []);
    const log = faultyLog(memory);
    const harness = new RoomHarness(log);
    await harness.room.ready;
    const chile = harness.device('chile', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    chile.connect(harness.room);
    peru.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'stored');
    await harness.settle();
    log.failing = true;
    paragraphText(chile.doc, 'p1').insert(6, ' first');
    harness.deliverAll();
    const failing = harness.scheduler.runSoon();
    // The append is under way when the next edit arrives; then the disk has room again.
    paragraphText(chile.doc, 'p1').insert(12, ' second');
    chile.link!.deliver('toServer');
    log.failing = false;
    await failing;
    await harness.settle();
    expect(paragraphs(peru.doc)).toEqual(['stored']);
    expect((await stored(memory)).updates).toHaveLength(1);
    expect(chile.closes).toEqual([CloseCode.unavailable]);
    harness.destroy();
  });

  it('[K6] a document that cannot be loaded sends its devices away with 4503 and is never served empty', async () => {
    const harness = new RoomHarness(new MemoryUpdateLog());
    const chile = harness.device('chile', participant('chile'));
    chile.connect(harness.room);
    await expect(harness.room.ready).rejects.toThrow();
    harness.deliverAll();
    expect(chile.closes).toEqual([CloseCode.unavailable]);
    expect(harness.room.isUsable).toBe(false);
    const peru = harness.device('peru', participant('peru'));
    peru.connect(harness.room);
    harness.deliverAll();
    expect(peru.closes).toEqual([CloseCode.unavailable]);
    expect(chile.synced || peru.synced).toBe(false);
    harness.destroy();
  });

  it('[K7] the room says when its last device left, and closing it keeps everything in a checkpoint', async () => {
    let emptied = 0;
    const harness = await RoomHarness.create({ onEmpty: () => (emptied += 1) });
    const chile = harness.device('chile', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    chile.connect(harness.room);
    peru.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'kept');
    await harness.settle();
    chile.disconnect();
    await harness.settle();
    expect(emptied).toBe(0);
    peru.disconnect();
    await harness.settle();
    expect(emptied).toBe(1);
    expect(harness.room.peerCount).toBe(0);
    await harness.room.close();
    const { checkpoint, updates } = await harness.log.load(DOCUMENT_ID);
    expect(checkpoint).not.toBeNull();
    expect(updates).toEqual([]);
    const reopened = harness.open();
    expect(await reopened.read((doc) => paragraphs(doc))).toEqual(['kept']);
    harness.destroy();
  });

  it('[K22] closing a participant (revoked link) closes each of their devices and no one else', async () => {
    const harness = await RoomHarness.create();
    const laptop = harness.device('laptop', participant('chile'));
    const phone = harness.device('phone', participant('chile'));
    const peru = harness.device('peru', participant('peru'));
    for (const device of [laptop, phone, peru]) device.connect(harness.room);
    await harness.settle();
    harness.room.closeParticipant('chile', CloseCode.unauthorized, 'token revoked');
    await harness.settle();
    expect(laptop.closes).toEqual([CloseCode.unauthorized]);
    expect(phone.closes).toEqual([CloseCode.unauthorized]);
    expect(peru.closes).toEqual([]);
    expect(harness.room.peerCount).toBe(1);
    harness.destroy();
  });

  it('[K10] a server change (restore) reaches every device and is stored under its author', async () => {
    const harness = await RoomHarness.create();
    const chile = harness.device('chile', participant('chile'));
    chile.connect(harness.room);
    await harness.settle();
    const done = harness.room.applyServerChange({
      author: 'chair-1',
      apply: (doc) => appendParagraph(doc, 'p9', 'restored'),
    });
    await harness.scheduler.runSoon();
    await done;
    await harness.settle();
    expect(paragraphs(chile.doc)).toEqual(['restored']);
    expect((await stored(harness.log)).updates.map((u) => u.author)).toEqual(['chair-1']);
    expect(harness.room.seq).toBe(1);
    harness.destroy();
  });

  it('[K11] updates that overtake their own history wait for it instead of being refused', async () => {
    const { harness, chile, peru } = await chileAndPeru();
    // Three edits made offline, then sent last-first on a fresh connection.
    chile.disconnect();
    await harness.settle();
    const edits: Uint8Array[] = [];
    chile.doc.on('update', (u: Uint8Array) => edits.push(u));
    appendParagraph(chile.doc, 'p1', 'one');
    paragraphText(chile.doc, 'p1').insert(3, ' two');
    paragraphText(chile.doc, 'p1').insert(7, ' three');
    const link = chile.connect(harness.room);
    link.toServer.length = 0;
    for (const edit of [...edits].reverse()) link.send(updateMessage(edit));
    await harness.settle();
    expect(chile.refusals).toEqual([]);
    expect(chile.closes).toEqual([]);
    expect(paragraphs(peru.doc)).toEqual(['one two three']);
    expect((await stored(harness.log)).texts).toEqual(['one two three']);
    harness.destroy();
  });

  it('[K12] past its bound of waiting updates a device is closed with 4529, and gives everything again on reconnecting', async () => {
    const harness = await RoomHarness.create({ maxPendingPerPeer: { updates: 2 } });
    const chile = harness.device('chile', participant('chile'));
    chile.connect(harness.room);
    await harness.settle();
    chile.disconnect();
    const edits: Uint8Array[] = [];
    chile.doc.on('update', (u: Uint8Array) => edits.push(u));
    appendParagraph(chile.doc, 'p1', 'a');
    for (let i = 0; i < 4; i++) paragraphText(chile.doc, 'p1').insert(1, `${i}`);
    const link = chile.connect(harness.room);
    link.toServer.length = 0;
    for (const edit of edits.slice(1)) link.send(updateMessage(edit));
    await harness.settle();
    expect(chile.closes).toEqual([CloseCode.tooManyMessages]);
    expect(chile.refusals).toEqual([]);
    expect(harness.events.map((e) => e.kind)).toEqual(['limit_hit']);
    chile.connect(harness.room);
    await harness.settle();
    expect((await stored(harness.log)).texts).toEqual(['a3210']);
    harness.destroy();
  });

  it('[K13] a delegate past the growth budget is refused participant_budget; the chair can still edit', async () => {
    const harness = await RoomHarness.create({ participantBudget: { bytes: 2000 } });
    const chile = harness.device('chile', participant('chile'));
    const chair = harness.device('chair', participant('chair', 'chair', null));
    chile.connect(harness.room);
    chair.connect(harness.room);
    appendParagraph(chile.doc, 'p1', 'x'.repeat(1500));
    await harness.settle();
    paragraphText(chile.doc, 'p1').insert(0, 'y'.repeat(1000));
    await harness.settle();
    expect(chile.refusals).toEqual([RefusalReason.participantBudget]);
    expect(chile.closes).toEqual([CloseCode.refused]);
    appendParagraph(chair.doc, 'p2', 'z'.repeat(3000));
    await harness.settle();
    expect(chair.closes).toEqual([]);
    expect((await stored(harness.log)).texts).toEqual(['x'.repeat(1500), 'z'.repeat(3000)]);
    expect(harness.events).toMatchObject([{ kind: 'limit_hit', participant: 'chile' }]);
    harness.destroy();
  });

  it('[K14] a device asking again and again with new state vectors is answered from the shared encoding past its budget', async () => {
    const harness = await RoomHarness.create({ syncAnswerBudget: { bytes: 100 } });
    const writer = harness.device('chile', secretariat);
    writer.connect(harness.room);
    appendParagraph(writer.doc, 'p1', 'w'.repeat(400));
    await harness.settle();
    const asker = harness.device('peru', participant('peru'));
    const link = asker.connect(harness.room);
    await harness.settle();
    for (let client = 1000; client < 1003; client++) {
      const vector = Y.encodeStateVector(new Map([[client, 1]]));
      link.send(new Uint8Array([0, 0, ...lengthPrefixed(vector)]));
    }
    await harness.settle();
    expect(harness.events).toMatchObject([{ kind: 'limit_hit', participant: 'peru' }]);
    expect(paragraphs(asker.doc)).toEqual(['w'.repeat(400)]);
    expect(asker.closes).toEqual([]);
    harness.destroy();
  });
});

function lengthPrefixed(bytes: Uint8Array): number[] {
  // A varUint length below 128 is one byte.
  return [bytes.length, ...bytes];
}
