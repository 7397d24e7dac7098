/**
 * The real-time protocol: y-websocket's framing (y-protocols sync, awareness and auth
 * messages), at `/collab/<documentId>?token=…`. See PROTOCOL.md at the repository root.
 */

/** The path prefix of the WebSocket relay. */
export const COLLAB_PATH = '/collab';

/** The name of the `Y.XmlFragment` holding a document's body. */
export const BODY_FIELD = 'body';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/**
 * WebSocket close codes. The stock y-websocket provider stops reconnecting on 4400–4499
 * (final: the client must change something) and retries 4500–4599 ("try again later").
 */
export const CloseCode = {
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A message larger than the server accepts. */
  tooLarge: 1009,
  /** A message that is not a y-websocket message (garbage, truncated). */
  malformed: 4400,
  /** Unknown or revoked token. */
  unauthorized: 4401,
  /** The participant belongs to another meeting. */
  forbidden: 4403,
  /** Unknown document. */
  notFound: 4404,
  /** An update was refused; the client must reload the server's state. */
  refused: 4409,
  /** The document could not be loaded; try again later. */
  unavailable: 4503,
  /** Too many messages; try again later. */
  tooManyMessages: 4529,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether a stock provider would stop reconnecting after this close code. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

/**
 * Why an update was refused: the reason string of the y-protocols auth message sent before a
 * `4409` close. The client turns it into a sentence for its user.
 */
export const RefusalReason = {
  readOnly: 'read_only',
  locked: 'locked',
  foreignClient: 'foreign_client',
  statusNotAllowed: 'status_not_allowed',
  missingHistory: 'missing_history',
  invalid: 'invalid_update',
  documentTooLarge: 'document_too_large',
  /** The participant added more to this document than one participant may within an hour. */
  participantBudget: 'participant_budget',
  /** The update could not be stored (disk full, read-only); sent before a `4503` close. */
  storageUnavailable: 'storage_unavailable',
  /** An awareness state larger than the server keeps. */
  awarenessTooLarge: 'awareness_too_large',
  /** A second awareness client id on one connection (one device, one caret). */
  awarenessClients: 'awareness_clients',
  /** Structures the draft schema does not allow (node names, nesting, attributes, bare values). */
  schema: 'schema',
  /** Would cost more to merge than the room's budget. */
  mergeCost: 'merge_cost',
  /** Deletes clocks another participant has not written yet. */
  futureDelete: 'future_delete',
  /** Refers to items the server lacks and the sender cannot supply. */
  unknownReference: 'unknown_reference',
  /** Adds or removes a bracket in another delegation's name. */
  bracketNotAllowed: 'bracket_not_allowed',
  /** Changes the text of a paragraph that is agreed or ad referendum (only a chair may). */
  paragraphAgreed: 'paragraph_agreed',
  /** Adds or removes a comment, bracket sponsor or proposal supporter in someone else's name. */
  sideTable: 'entry_not_allowed',
  /**
   * Changes the text directly where the document's mode lets this participant only propose, or
   * makes or decides a proposal in another delegation's name.
   */
  proposalNotAllowed: 'proposal_not_allowed',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/** The `user` field of an awareness state, always set by the server. */
export interface AwarenessUser {
  participant: string;
  name: string;
  delegation: string | null;
  role: string;
  color: string;
}

/**
 * The awareness client id under which the server announces document-wide news (its status), so
 * that every connected client learns at once that the chair locked the text. No Yjs client may
 * use it; stock clients see a state without `user` or `cursor` and ignore it.
 */
export const SERVER_AWARENESS_CLIENT = 0;

/** The awareness state the server publishes under `SERVER_AWARENESS_CLIENT`. */
export interface ServerAnnouncement {
  document: { status: 'drafting' | 'locked' };
  /** The last thing the chair did to the whole text, for a notice to everyone in the document. */
  event?: DocumentEvent;
}

/**
 * A chair's action on the whole text: a lock, an unlock, or a restore of the version `label`.
 * `at` (ISO 8601) tells a new event from the one a joining client finds already announced.
 */
export interface DocumentEvent {
  kind: 'locked' | 'unlocked' | 'restored';
  label?: string;
  at: string;
}
