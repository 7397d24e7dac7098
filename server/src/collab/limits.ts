import type { Role } from '@accord/shared';

/**
 * What one connection may cost the relay: message sizes by role, message rate, connections and
 * documents per link, and how far behind a peer may fall before it is dropped. The server sizes
 * them from the document cap; tests shrink them.
 */
export interface CollabLimits {
  /**
   * Largest message from a participant whose additions are budgeted (delegates, observers); a
   * larger one is refused by `ws` as its header arrives, before it is buffered, and closes the
   * socket with 1009.
   */
  maxMessageBytes: number;
  /**
   * Largest message from a role that may write a whole document at once (the chair, the
   * rapporteur, the secretariat): the document cap and its framing, so that any catch-up the
   * document could hold arrives and is judged by the update check (see `catchUpLimitFor`).
   */
  maxCatchUpBytes: number;
  /** The roles given `maxCatchUpBytes` (those the per-participant budget does not bind). */
  catchUpRoles: readonly Role[];
  /** Messages per second a connection may sustain; past its burst its reads are paused. */
  messagesPerSecond: number;
  messageBurst: number;
  /** A connection kept throttled this long without easing off is closed with 4529. */
  throttleCeilingMs: number;
  connectionsPerParticipant: number;
  /** Distinct documents one link may have open at once. */
  documentsPerParticipant: number;
  /**
   * A peer that does not read (this many bytes queued to it) is dropped. At least a whole
   * document (a joiner's sync answer is written at once) plus what is relayed while it drains.
   */
  maxBufferedBytes: number;
}

const MiB = 1024 * 1024;

/** What a message carries besides its update: message type, sync step, lengths. */
const FRAMING_HEADROOM = MiB;

/**
 * A connection that is refused (unknown token or document, another meeting, a limit) is closed
 * at once; until its close completes it may send only this much in one message.
 */
export const REFUSED_MESSAGE_BYTES = 64 * 1024;

/**
 * The largest message from a budgeted participant: what the per-participant budget lets them
 * add (an eighth of the document cap) and its framing, at least 1 MiB. A client that
 * reconnects after editing offline sends everything it did in one sync step 2; past the
 * budget the update check refuses it with 4409 \`participant_budget\` (final, shown to the
 * delegate), not a 1009 the provider would retry forever.
 */
export function messageLimitFor(maxDocumentBytes: number): number {
  return Math.max(Math.ceil(maxDocumentBytes / 8) + FRAMING_HEADROOM, MiB);
}

/**
 * The largest message from the chair, the rapporteur or the secretariat, whom no budget binds:
 * the document cap and its framing. A smaller limit would close such a client with 1009 on
 * every reconnect, for ever, once what the server lacks from it passed the limit; with this
 * one, a catch-up too large for the document reaches the update check and is refused with
 * 4409 \`document_too_large\`, which the provider does not retry.
 */
export function catchUpLimitFor(maxDocumentBytes: number): number {
  return maxDocumentBytes + FRAMING_HEADROOM;
}

/**
 * How much may wait unsent to one peer: a whole document (a joiner's sync answer) and 32 MiB
 * for what is relayed meanwhile. A bound below the document would drop every joiner of a large
 * document right after its sync answer, on every reconnect.
 */
export function bufferLimitFor(maxDocumentBytes: number): number {
  return maxDocumentBytes + 32 * MiB;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: messageLimitFor(64 * MiB),
  maxCatchUpBytes: catchUpLimitFor(64 * MiB),
  catchUpRoles: ['admin', 'chair', 'rapporteur'],
  // A stock provider sends one message per edit: 5,000 quick edits drain in about 20 s, well
  // under the ceiling; a socket that floods for a minute is closed.
  messagesPerSecond: 200,
  messageBurst: 1000,
  throttleCeilingMs: 60_000,
  connectionsPerParticipant: 16,
  documentsPerParticipant: 32,
  maxBufferedBytes: bufferLimitFor(64 * MiB),
};
