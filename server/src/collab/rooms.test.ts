import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, RefusalReason } from '@accord/shared';
import { silentLogger } from '../logger';
import { MemoryUpdateLog } from '../storage/memory-update-log';
import { updateMessage } from './messages';
import type { Peer } from './peer';
import { RoomRegistry } from './rooms';
import type { SecurityEvent } from '../security-event';
import { appendParagraph } from './testing/document-edits';
import { faultyLog } from './testing/faulty-log';
import { awarenessUserOf, participant } from './testing/principals';
import { DOCUMENT_ID } from './testing/room-harness';

/** A connection that records what the room sent it. */
function recordingPeer(id: string) {
  const principal = participant(id);
  const peer = {
    principal,
    user: awarenessUserOf(principal),
    isOpen: true as boolean,
    sent: [] as Uint8Array[],
    closes: [] as number[],
    send(message: Uint8Array) {
      peer.sent.push(message);
    },
    sendAll(messages: readonly Uint8Array[]) {
      peer.sent.push(...messages);
    },
    close(code: number) {
      peer.isOpen = false;
      peer.closes.push(code);
    },
  } satisfies Peer & Record<string, unknown>;
  return peer;
}

function anEdit(): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  appendParagraph(doc, 'p1', 'an edit');
  return updateMessage(Y.mergeUpdates(updates));
}

describe('room registry', () => {
  it('[K7] a room whose last device left is unloaded after the idle delay', async () => {
    const log = new MemoryUpdateLog();
    await log.create(DOCUMENT_ID, []);
    const registry = new RoomRegistry({
      log,
      logger: silentLogger,
      isLocked: () => false,
      idleUnloadMs: 0,
    });
    const peer = recordingPeer('chile');
    const room = registry.connectNow(DOCUMENT_ID, peer)!;
    await room.ready;
    expect(registry.roomCount).toBe(1);
    room.handleClose(peer);
    await vi.waitFor(() => expect(registry.roomCount).toBe(0));
    await registry.closeAll();
  });

  it('[K5] after a failed write the next device gets the document loaded afresh from the log', async () => {
    const memory = new MemoryUpdateLog();
    await memory.create(DOCUMENT_ID, []);
    const log = faultyLog(memory);
    const events: SecurityEvent[] = [];
    const registry = new RoomRegistry({
      log,
      logger: silentLogger,
      isLocked: () => false,
      onSecurityEvent: (event) => events.push(event),
    });
    const chile = recordingPeer('chile');
    const failed = registry.connectNow(DOCUMENT_ID, chile)!;
    await failed.ready;
    log.failing = true;
    failed.handleMessage(chile, anEdit());
    await vi.waitFor(() => expect(chile.closes).toEqual([CloseCode.unavailable]));
    expect(events.map((e) => e.kind)).toEqual(['storage_unavailable']);
    expect(new TextDecoder().decode(chile.sent.at(-1))).toContain(RefusalReason.storageUnavailable);
    log.failing = false;
    const peru = recordingPeer('peru');
    const fresh = registry.connectNow(DOCUMENT_ID, peru)!;
    expect(fresh).not.toBe(failed);
    await fresh.ready;
    fresh.handleMessage(peru, anEdit());
    await fresh.flush();
    expect(fresh.seq).toBe(1);
    expect((await memory.load(DOCUMENT_ID)).updates).toHaveLength(1);
    await registry.closeAll();
  });
});
