import type * as Y from 'yjs';
import { CloseCode } from '@accord/shared';
import { isEmptyStateVector, type FreshJoinAnswer } from './fresh-join';
import { syncStep2Message } from './messages';
import type { Peer } from './peer';
import type { SyncAnswerBudget } from './room-sync-budget';

/**
 * Sending what a room's flush produced: the same bytes to every peer, in as few writes as the
 * transport allows. Encoding is done once by the caller; only delivery is per peer.
 */

/**
 * Sends a flush's text update and the carets relayed with it. The device that sent the text
 * (a lone `sender`) already has it, and the device whose caret is the only one in `carets`
 * (`caretOwner`) already has that: each gets only what it lacks, everyone else both in one
 * write.
 */
export function sendFlush(
  peers: Iterable<Peer>,
  text: Uint8Array,
  carets: Uint8Array | null,
  sender: Peer | null,
  caretOwner: Peer | null = null,
): void {
  // One array for every peer: the transport joins and frames its messages once.
  const both = carets ? [text, carets] : null;
  for (const peer of peers) {
    const wantsText = peer !== sender;
    const wantsCarets = carets !== null && peer !== caretOwner;
    if (wantsText && wantsCarets) peer.sendAll(both!);
    else if (wantsText) peer.send(text);
    else if (wantsCarets) peer.send(carets);
  }
}

/** A client's request for what it lacks: its state vector. */
export interface SyncRequest {
  peer: Peer;
  stateVector: Uint8Array;
}

/**
 * Bytes of sync answers encoded in one event-loop turn before the rest wait for the next: fifty
 * clients joining a large document must not hold up live typing for everyone else.
 */
export const SYNC_ANSWER_BUDGET = 4 * 1024 * 1024;

/**
 * Answers waiting sync requests from the front of `requests` (removing those answered),
 * encoding each distinct state vector once (clients joining together ask the same) within the
 * budget; devices with nothing yet get `freshJoin`'s answer, shared across turns. A connection
 * past its own `perPeer` budget gets that shared answer too. False when some must wait for the
 * next turn.
 */
export function answerSyncRequests(
  doc: Y.Doc,
  requests: SyncRequest[],
  freshJoin: FreshJoinAnswer | null = null,
  budget = SYNC_ANSWER_BUDGET,
  perPeer: SyncAnswerBudget | null = null,
): boolean {
  const answers = new Map<string, Uint8Array>();
  let spent = 0;
  while (requests.length > 0) {
    if (spent > budget) return false;
    const { peer, stateVector } = requests.shift()!;
    if (!peer.isOpen) continue;
    if (freshJoin && isEmptyStateVector(stateVector)) {
      const { messages, encodedBytes } = freshJoin.answer();
      spent += encodedBytes;
      peer.sendAll(messages);
      continue;
    }
    const key = Buffer.from(stateVector).toString('base64');
    let answer = answers.get(key);
    if (!answer && freshJoin && perPeer && !perPeer.allows(peer)) {
      const { messages, encodedBytes } = freshJoin.answer();
      spent += encodedBytes;
      peer.sendAll(messages);
      continue;
    }
    if (!answer) {
      try {
        answer = syncStep2Message(doc, stateVector);
      } catch {
        peer.close(CloseCode.malformed, 'malformed state vector');
        continue;
      }
      answers.set(key, answer);
      spent += answer.length;
      perPeer?.spend(peer, answer.length);
    }
    peer.send(answer);
  }
  return true;
}
