import type { ParagraphStatus } from './schema/attributes';

/**
 * What happened in the negotiation, as the comparison (`GET …/diff`, field `negotiation`) and
 * the version timeline (`GET …/negotiation`) report it: every bracket placed, joined, left or
 * removed and every paragraph status change, each with who did it and when.
 *
 * - `bracketPlaced`: a new bracket; `delegations` are the delegations it names.
 * - `bracketJoined` / `bracketLeft`: a delegation joined or left an existing bracket
 *   (`delegations` is that one delegation).
 * - `bracketRemoved`: the bracket was lifted and its words stayed (deleting bracketed words is
 *   an edit, shown in the text changes); `delegations` are those that held it.
 * - `statusChanged`: a paragraph went `from` → `to` (a chair's edit of an agreed paragraph
 *   drops it to `pending`, and that shows here too).
 */
export interface NegotiationChange {
  kind: 'bracketPlaced' | 'bracketJoined' | 'bracketLeft' | 'bracketRemoved' | 'statusChanged';
  paragraphId: string;
  /** For brackets: the bracket's id (absent on brackets written before brackets had one). */
  bracketId?: string;
  /** For brackets: the bracketed words (as they stood when the change was made). */
  text?: string;
  /** For brackets: the delegations whose bracket it is (see above). */
  delegations?: string[];
  /** For status changes. */
  from?: ParagraphStatus;
  to?: ParagraphStatus;
  /** Who made the change: their delegation (or "Secretariat") and participant id. */
  delegation: string;
  participant: string;
  /** When (ISO 8601, from the update log). */
  at: string;
  /** The change's position in the document's history. */
  seq: number;
}

/** The answer of `GET /api/documents/:id/negotiation`. */
export interface NegotiationHistory {
  changes: NegotiationChange[];
}
