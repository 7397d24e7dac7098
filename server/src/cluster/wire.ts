/**
 * What processes tell each other about one document over Redis, on the document's own channel
 * (`accord:doc:<id>`). A message is a JSON head, then the Yjs bytes as they are: the head says
 * who sent it and, for updates, which seqs of the document's log they are.
 */

export const CHANNEL_PREFIX = 'accord:doc:';

/** A batch one process stored: seqs `first`…`last`, merged into one Yjs update. */
export interface StoredUpdates {
  kind: 'update';
  node: string;
  documentId: string;
  first: number;
  last: number;
  /** The participants whose updates the batch holds (attribution stays in the log). */
  authors: string[];
  /** Yjs client ids bound to participants in this batch. */
  bindings: [number, string][];
  bytes: Uint8Array;
}

/** An awareness message (carets, presence, the document's status) relayed on one process. */
export interface RelayedAwareness {
  kind: 'awareness';
  node: string;
  documentId: string;
  bytes: Uint8Array;
}

export type ClusterMessage = StoredUpdates | RelayedAwareness;

export function channelOf(documentId: string): string {
  return `${CHANNEL_PREFIX}${documentId}`;
}

export function encodeMessage(message: ClusterMessage): Buffer {
  const { bytes, ...head } = message;
  const json = Buffer.from(JSON.stringify(head));
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(json.length);
  return Buffer.concat([prefix, json, bytes]);
}

/** The message in `buffer`, or null when it is not one of ours (nothing else is trusted). */
export function decodeMessage(buffer: Buffer): ClusterMessage | null {
  if (buffer.length < 4) return null;
  const length = buffer.readUInt32BE(0);
  if (4 + length > buffer.length) return null;
  let head: unknown;
  try {
    head = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof head !== 'object' || head === null) return null;
  const fields = head as Record<string, unknown>;
  if (typeof fields.node !== 'string' || typeof fields.documentId !== 'string') return null;
  const bytes = new Uint8Array(buffer.subarray(4 + length));
  if (fields.kind === 'awareness') {
    return { kind: 'awareness', node: fields.node, documentId: fields.documentId, bytes };
  }
  if (
    fields.kind !== 'update' ||
    !Number.isSafeInteger(fields.first) ||
    !Number.isSafeInteger(fields.last) ||
    !Array.isArray(fields.authors) ||
    !Array.isArray(fields.bindings)
  ) {
    return null;
  }
  return {
    kind: 'update',
    node: fields.node,
    documentId: fields.documentId,
    first: fields.first as number,
    last: fields.last as number,
    authors: (fields.authors as unknown[]).filter((a): a is string => typeof a === 'string'),
    bindings: (fields.bindings as unknown[]).filter(
      (b): b is [number, string] =>
        Array.isArray(b) && typeof b[0] === 'number' && typeof b[1] === 'string',
    ),
    bytes,
  };
}
