import * as Y from 'yjs';
import { BODY_FIELD } from '@accord/shared';
import { FileUpdateLog } from '../../server/src/storage/file-update-log';
import { silentLogger } from '../../server/src/logger';
import type { LogEntry } from '../../server/src/storage';

/**
 * Writes a long history straight into a document's update log, as the relay would have: a
 * 30-page draft, then `updates` small edits (words typed and deleted) by three delegations,
 * each its own Yjs client and author, with a checkpoint every 2,000 updates.
 */

const WORDS = [
  'member',
  'states',
  'micro',
  'small',
  'medium-sized',
  'enterprises',
  'markets',
  'finance',
];

/** About 30 pages: 240 operative paragraphs of ~60 words. */
export function thirtyPageDraft(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(BODY_FIELD);
  const blocks: Y.XmlElement[] = [];
  for (let i = 0; i < 240; i++) {
    const element = new Y.XmlElement('operative');
    element.setAttribute('id', `op-${i}`);
    element.setAttribute('status', 'pending');
    const text = new Y.XmlText();
    const words = Array.from({ length: 60 }, (_, k) => WORDS[(i * 7 + k) % WORDS.length]);
    text.insert(0, `To ${words.join(' ')};`);
    element.insert(0, [text]);
    blocks.push(element);
  }
  fragment.insert(0, blocks);
}

export interface HistoryFixture {
  lastSeq: number;
  /** Seq and full state at the middle of the history, for a version there. */
  middleSeq: number;
  middleState: Uint8Array;
  /** Size of the final Yjs state: text plus the tombstones of everything deleted. */
  stateBytes: number;
}

/** Appends `updates` edits to the (existing) log of `documentId`, loaded into `doc`. */
export async function appendHistory(
  directory: string,
  documentId: string,
  updates: number,
  participants: string[],
): Promise<HistoryFixture> {
  const log = new FileUpdateLog({ directory, logger: silentLogger, syncDelayMs: 50 });
  const stored = await log.load(documentId);
  const doc = new Y.Doc();
  const parts = stored.updates.map((u) => u.update);
  if (stored.checkpoint) parts.unshift(stored.checkpoint);
  Y.applyUpdate(doc, Y.mergeUpdates(parts));
  // One document, its client id switched per writer: each delegation writes as its own client.
  const writers = participants.map((participant, i) => ({ participant, clientId: 1_000_000 + i }));
  const bindings = new Map(stored.bindings);
  let seq = stored.lastSeq;
  let pending: LogEntry[] = writers.map((w): LogEntry => {
    bindings.set(w.clientId, w.participant);
    return { kind: 'bind', clientId: w.clientId, author: w.participant };
  });
  let captured: Uint8Array | null = null;
  doc.on('update', (update: Uint8Array) => (captured = update));
  const fragment = doc.getXmlFragment(BODY_FIELD);
  const paragraphs = fragment.toArray() as Y.XmlElement[];
  let since = 0;
  const middle = seq + Math.floor(updates / 2);
  let middleState: Uint8Array = new Uint8Array();
  for (let i = 0; i < updates; i++) {
    const writer = writers[i % writers.length]!;
    doc.clientID = writer.clientId;
    const element = paragraphs[(i * 31) % paragraphs.length]!;
    const text = element.get(0) as Y.XmlText;
    // Type a word, then delete as many characters elsewhere: the draft stays 30 pages long.
    if (i % 2 === 1 && text.length > 40) text.delete((i * 13) % (text.length - 10), 6);
    else text.insert((i * 17) % text.length, 'MSMEs ');
    const update = captured as Uint8Array | null;
    if (!update) continue;
    captured = null;
    seq += 1;
    since += 1;
    if (seq === middle) middleState = Y.encodeStateAsUpdate(doc);
    pending.push({ kind: 'update', seq, at: Date.now(), author: writer.participant, update });
    if (pending.length >= 1000) {
      await log.append(documentId, pending);
      pending = [];
    }
    if (since >= 2000) {
      await log.append(documentId, pending);
      pending = [];
      await log.checkpoint(documentId, Y.encodeStateAsUpdate(doc), seq, bindings);
      since = 0;
    }
  }
  await log.append(documentId, pending);
  await log.close();
  return {
    lastSeq: seq,
    middleSeq: middle,
    middleState,
    stateBytes: Y.encodeStateAsUpdate(doc).length,
  };
}
